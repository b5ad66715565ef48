package io.vitrum.core.twin;

import io.vitrum.core.physics.FurnaceState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A candidate set of setpoints running on a virtual line beside the real one: the virtual line
 * takes the real line's measured inputs, estimated disturbances and firing reversals, but the
 * candidate setpoints, and is never corrected toward the plant. Sums of the candidate-minus-actual
 * differences of every {@link Kpis#toMap()} figure accumulate with each step.
 *
 * @param candidate the candidate changes, applied to the actual setpoints at every step
 * @param virtual the virtual line's state
 * @param elapsedS seconds run
 * @param samples steps compared
 * @param sumDifference per figure, the sum of candidate minus actual
 * @param sumSquaredDifference per figure, the sum of the squared differences
 */
public record ShadowRun(
    List<SetpointChange> candidate,
    FurnaceState virtual,
    double elapsedS,
    long samples,
    Map<String, Double> sumDifference,
    Map<String, Double> sumSquaredDifference) {

  public ShadowRun {
    candidate = List.copyOf(candidate);
    if (virtual == null) {
      throw new IllegalArgumentException("virtual is required");
    }
    sumDifference = Collections.unmodifiableMap(new LinkedHashMap<>(sumDifference));
    sumSquaredDifference = Collections.unmodifiableMap(new LinkedHashMap<>(sumSquaredDifference));
  }
}
