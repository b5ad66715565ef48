package io.vitrum.actors.policy;

import io.vitrum.core.rl.EvaluationReport;
import java.time.Instant;

/**
 * A version of a furnace's policy: where its ONNX graph and card are and how it did on held-out
 * twin scenarios.
 *
 * @param version {@code policy/<n>}
 * @param dir the directory holding its {@code model.onnx} and {@code card.json}
 * @param evaluation its latest held-out evaluation, null until it has one
 * @param at when the entity learned of it
 */
public record PolicyVersion(String version, String dir, EvaluationReport evaluation, Instant at) {

  /** This version with {@code report} as its evaluation. */
  public PolicyVersion evaluated(EvaluationReport report) {
    return new PolicyVersion(version, dir, report, at);
  }

  /** The number {@code n} of {@code policy/<n>}, 0 when it has none. */
  public int number() {
    String n = version.substring(version.lastIndexOf('/') + 1);
    return n.matches("\\d{1,9}") ? Integer.parseInt(n) : 0;
  }
}
