package io.vitrum.core.causal;

import java.time.Instant;
import java.util.List;

/**
 * One candidate root cause of an incident, as ranked.
 *
 * @param cause the fault's id, e.g. {@code lehr-fan-failure}
 * @param name its English name
 * @param nameRu its Russian name
 * @param score share of belief, in [0, 1]; with the "unexplained" share the scores of one ranking
 *     sum to 1
 * @param graph how strongly the causal graph links the cause to the incident (noisy-OR of paths)
 * @param signature how well the sensors showed its signature, in [-1, 1]
 * @param attribution share of the models' attribution on the cause's sensors, in [0, 1]
 * @param physics how much of the observed change the twin reproduces with it, or {@code NaN} when
 *     not checked
 * @param path the strongest explanation path, node ids from the cause to the defect or parameter
 * @param pathEdges the edges of that path (what feedback on this cause updates)
 * @param evidence observations that support it, for people
 * @param explanation one paragraph for people
 * @param tag for an instrument fault, the suspected sensor; null otherwise
 * @param onset when its signature first showed; null if it never did
 * @param magnitude for a checked cause, the best-fitting magnitude; {@code NaN} otherwise
 */
public record RankedCause(
    String cause,
    String name,
    String nameRu,
    double score,
    double graph,
    double signature,
    double attribution,
    double physics,
    List<String> path,
    List<CausalEdge> pathEdges,
    List<String> evidence,
    String explanation,
    String tag,
    Instant onset,
    double magnitude) {

  public RankedCause {
    path = List.copyOf(path);
    pathEdges = List.copyOf(pathEdges);
    evidence = List.copyOf(evidence);
  }

  /** Whether the physics check ran on it. */
  public boolean physicsChecked() {
    return !Double.isNaN(physics);
  }
}
