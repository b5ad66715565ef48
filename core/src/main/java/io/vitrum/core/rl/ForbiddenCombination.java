package io.vitrum.core.rl;

import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;

/**
 * Two setpoints that are each safe alone but not together: {@code when} beyond {@code whenLimit}
 * (above it when {@code whenAbove}, below otherwise) while {@code then} is beyond {@code
 * thenLimit}. The shield repairs a violation by moving {@code then} back to {@code thenLimit}.
 *
 * @param when the setpoint that makes the other one dangerous
 * @param whenAbove whether {@code when} is dangerous above (true) or below its limit
 * @param whenLimit its limit, in its unit
 * @param then the setpoint the shield moves back
 * @param thenAbove whether {@code then} is dangerous above (true) or below its limit
 * @param thenLimit its limit
 * @param reason why the combination is forbidden, for the intervention's record
 */
public record ForbiddenCombination(
    SetpointParameter when,
    boolean whenAbove,
    double whenLimit,
    SetpointParameter then,
    boolean thenAbove,
    double thenLimit,
    String reason) {

  public ForbiddenCombination {
    if (when == null || then == null || when == then) {
      throw new IllegalArgumentException("two different setpoints are required");
    }
    if (!Double.isFinite(whenLimit) || !Double.isFinite(thenLimit)) {
      throw new IllegalArgumentException("limits must be finite");
    }
  }

  /**
   * A reducing flame against a hot crown: excess O2 below 1 % with the crown above 1600 °C makes CO
   * and attacks the silica crown.
   */
  public static final ForbiddenCombination LOW_O2_HOT_CROWN =
      new ForbiddenCombination(
          SetpointParameter.CROWN_TEMPERATURE,
          true,
          1600,
          SetpointParameter.EXCESS_O2,
          false,
          1.0,
          "excess O2 below 1 % with the crown above 1600 °C (CO, crown attack)");

  /**
   * Strong boost under a cold crown: more than 2.5 MW of electric boost with the crown below 1500
   * °C drives convection that carries unmelted batch towards the throat.
   */
  public static final ForbiddenCombination HIGH_BOOST_COLD_CROWN =
      new ForbiddenCombination(
          SetpointParameter.CROWN_TEMPERATURE,
          false,
          1500,
          SetpointParameter.ELECTRIC_BOOST,
          true,
          2.5,
          "electric boost above 2.5 MW with the crown below 1500 °C (batch carried to the throat)");

  /** Whether {@code setpoints} combine the two. */
  public boolean violatedBy(Setpoints setpoints) {
    return beyond(setpoints.get(when), whenAbove, whenLimit)
        && beyond(setpoints.get(then), thenAbove, thenLimit);
  }

  private static boolean beyond(double value, boolean above, double limit) {
    return above ? value > limit : value < limit;
  }
}
