package io.vitrum.core.twin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a shadow candidate compares with the real line so far.
 *
 * @param candidate the candidate changes
 * @param elapsedS seconds run
 * @param samples steps compared
 * @param rmsDivergence per figure, root mean square of candidate minus actual
 * @param meanDifference per figure, mean of candidate minus actual (negative defects: the candidate
 *     would have made fewer)
 */
public record ShadowReport(
    List<SetpointChange> candidate,
    double elapsedS,
    long samples,
    Map<String, Double> rmsDivergence,
    Map<String, Double> meanDifference) {

  public ShadowReport {
    candidate = List.copyOf(candidate);
    rmsDivergence = Collections.unmodifiableMap(new LinkedHashMap<>(rmsDivergence));
    meanDifference = Collections.unmodifiableMap(new LinkedHashMap<>(meanDifference));
  }
}
