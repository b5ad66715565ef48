package io.vitrum.actors.twin;

import io.vitrum.core.CborSerializable;
import io.vitrum.core.twin.Kpis;
import io.vitrum.core.twin.SetpointChange;
import java.time.Instant;
import java.util.List;

/**
 * A what-if as the twin records it: what was asked, from which synced state (by sync count), and
 * the baseline, scenario and difference of the figures over the final window. Trajectories are
 * returned to the caller, not recorded.
 */
public record Scenario(
    String scenarioId,
    Instant at,
    List<SetpointChange> changes,
    double horizonS,
    long fromSync,
    Kpis baseline,
    Kpis scenario,
    Kpis delta)
    implements CborSerializable {}
