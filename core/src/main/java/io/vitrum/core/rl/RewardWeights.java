package io.vitrum.core.rl;

import io.vitrum.core.physics.DefectClass;

/**
 * How a policy's interval is scored against a reference: the same furnace, in the same interval and
 * under the same disturbances, left to the plant's base controllers at the setpoints the operators
 * had (see {@link FurnaceEnvironment}):
 *
 * <pre>
 * reward = − energy · ln(E / E_ref)
 *          − defects · mean over classes c of ln(d_c / d_c,ref)
 *          + pull · ln(P / P_ref)
 *          − shield · interventions
 * </pre>
 *
 * E is energy per tonne (gas and electric, GJ/t), d_c the expected defects per 1000 of class c, P
 * the pull. Defects enter class by class, relative to each class's reference, so a policy cannot
 * buy fewer cracks with more seeds unnoticed; logarithms keep a class that explodes under a fault
 * (cracks under a failed lehr fan) from drowning every other term. With the defaults, 1 % less
 * energy is worth 0.1, one class of six 10 % worse costs 0.048, and each value the shield had to
 * change costs 0.3 (so the policy learns to stay inside the safe set rather than lean on it). Zero
 * means "as good as the base controllers".
 *
 * @param energy weight of relative energy per tonne
 * @param defects weight of the mean relative defect rate
 * @param pull weight of relative pull
 * @param shield cost of one shield intervention
 */
public record RewardWeights(double energy, double defects, double pull, double shield) {

  /** The weights the committed policy was trained with. */
  public static final RewardWeights DEFAULTS = new RewardWeights(10, 3, 2, 0.3);

  private static final double TINY = 1e-9;

  public RewardWeights {
    for (double w : new double[] {energy, defects, pull, shield}) {
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("reward weights must be finite and non-negative");
      }
    }
  }

  /** The reward of {@code kpis} against {@code reference} with {@code interventions}. */
  public double reward(IntervalKpis kpis, IntervalKpis reference, int interventions) {
    double defectTerm = 0;
    int classes = 0;
    for (DefectClass c : DefectClass.values()) {
      double ref = reference.defects(c);
      if (ref > 0) {
        defectTerm += Math.log(Math.max(kpis.defects(c), TINY) / ref);
        classes++;
      }
    }
    defectTerm = classes == 0 ? 0 : defectTerm / classes;
    return -energy * Math.log(kpis.energyPerTonneGj() / reference.energyPerTonneGj())
        - defects * defectTerm
        + pull * Math.log(Math.max(kpis.pullRateTpd(), TINY) / reference.pullRateTpd())
        - shield * interventions;
  }
}
