package io.vitrum.actors.twin;

import io.vitrum.core.CborSerializable;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.twin.Kpis;
import io.vitrum.core.twin.SetpointChange;
import io.vitrum.core.twin.WhatIfOutcome;
import java.time.Instant;
import java.util.List;

/**
 * A what-if as the twin records it: what was asked, from which synced state (by sync count), the
 * setpoints of both runs, and the baseline, scenario and difference of the figures over the final
 * window. Trajectories are kept live by the twin (see {@link ScenarioCourse}), not recorded.
 *
 * @param baselineSetpoints setpoints of the baseline; null in scenarios recorded before they were
 * @param scenarioSetpoints setpoints with the changes applied; null as above
 */
public record Scenario(
    String scenarioId,
    Instant at,
    List<SetpointChange> changes,
    double horizonS,
    long fromSync,
    Kpis baseline,
    Kpis scenario,
    Kpis delta,
    Setpoints baselineSetpoints,
    Setpoints scenarioSetpoints)
    implements CborSerializable {

  /** The record of {@code outcome}, simulated from sync {@code fromSync}. */
  public static Scenario of(
      String scenarioId, Instant at, long fromSync, WhatIfOutcome.Completed outcome) {
    return new Scenario(
        scenarioId,
        at,
        outcome.changes(),
        outcome.horizonS(),
        fromSync,
        outcome.baseline().summary(),
        outcome.scenario().summary(),
        outcome.delta(),
        outcome.baselineSetpoints(),
        outcome.scenarioSetpoints());
  }
}
