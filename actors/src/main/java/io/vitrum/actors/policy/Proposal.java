package io.vitrum.actors.policy;

import java.util.Map;

/**
 * One change a policy run proposes: {@code parameter} from {@code current} to {@code proposed},
 * with the twin's expected change of each KPI an hour after it and why.
 */
public record Proposal(
    String parameter,
    double current,
    double proposed,
    Map<String, Double> expectedEffect,
    String reason) {

  public Proposal {
    expectedEffect = expectedEffect == null ? Map.of() : Map.copyOf(expectedEffect);
  }
}
