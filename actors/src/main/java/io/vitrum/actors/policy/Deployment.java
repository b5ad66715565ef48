package io.vitrum.actors.policy;

import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.rl.Cusum;
import java.time.Instant;
import java.util.List;

/**
 * A policy version in service on a furnace.
 *
 * @param version the version serving
 * @param mode how far it may act
 * @param requestedBy who deployed it
 * @param reason why
 * @param at when
 * @param detectors the degradation test per watched KPI against its baseline; empty while the
 *     baseline is still being collected (the policy proposes nothing until then)
 */
public record Deployment(
    String version,
    AutonomyMode mode,
    String requestedBy,
    String reason,
    Instant at,
    List<Cusum> detectors) {

  public Deployment {
    detectors = List.copyOf(detectors);
  }

  /** Whether its baseline is complete and it may propose. */
  public boolean watching() {
    return !detectors.isEmpty();
  }

  Deployment withDetectors(List<Cusum> next) {
    return new Deployment(version, mode, requestedBy, reason, at, next);
  }
}
