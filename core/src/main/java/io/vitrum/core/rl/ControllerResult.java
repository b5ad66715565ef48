package io.vitrum.core.rl;

import java.util.Map;

/**
 * How one controller did over the held-out scenarios, each figure the mean over scenarios of the
 * episode's mean.
 *
 * @param controller {@code policy}, {@code fixed-setpoints} (the operators' setpoints held by the
 *     plant's base controllers) or {@code nominal-recipe} (the design setpoints held by them)
 * @param energyPerTonneGj gas and electric energy per tonne, GJ/t
 * @param gasPerTonneNm3 natural gas per tonne, Nm³/t
 * @param defectsPerThousand expected defects per 1000 items, by class (lower-case name)
 * @param totalDefectsPerThousand all classes
 * @param shieldInterventions requested values the shield changed, all scenarios
 * @param boundViolations applied setpoints outside the safe set, all scenarios
 */
public record ControllerResult(
    String controller,
    double energyPerTonneGj,
    double gasPerTonneNm3,
    Map<String, Double> defectsPerThousand,
    double totalDefectsPerThousand,
    long shieldInterventions,
    long boundViolations) {

  public ControllerResult {
    defectsPerThousand = Map.copyOf(defectsPerThousand);
  }
}
