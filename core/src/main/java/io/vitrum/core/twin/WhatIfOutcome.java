package io.vitrum.core.twin;

import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.rejection.Rejection;
import java.util.List;

/** The answer to a what-if: the two simulated courses with their figures, or why not. */
public sealed interface WhatIfOutcome {

  /**
   * Baseline (setpoints unchanged) and scenario (changes applied) from the same synced state.
   *
   * @param changes the changes as requested
   * @param baselineSetpoints setpoints of the baseline
   * @param scenarioSetpoints setpoints of the scenario
   * @param horizonS simulated span, s
   * @param baseline course under the baseline
   * @param scenario course under the scenario
   * @param delta scenario minus baseline, figures averaged over the final window
   */
  record Completed(
      List<SetpointChange> changes,
      Setpoints baselineSetpoints,
      Setpoints scenarioSetpoints,
      double horizonS,
      Trajectory baseline,
      Trajectory scenario,
      Kpis delta)
      implements WhatIfOutcome {
    public Completed {
      changes = List.copyOf(changes);
    }
  }

  /** The request was refused; nothing was simulated. */
  record Rejected(Rejection rejection) implements WhatIfOutcome {}
}
