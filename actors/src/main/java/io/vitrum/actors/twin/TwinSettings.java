package io.vitrum.actors.twin;

import com.typesafe.config.Config;
import io.vitrum.core.twin.ObserverGains;
import io.vitrum.core.twin.SimulationSettings;
import java.time.Duration;

/**
 * Tuning of the Twin entity, from {@code vitrum.twin}.
 *
 * @param checkpointEverySyncs persist the synced state after this many syncs
 * @param maxSyncGap longest plant time one sync integrates; longer gaps are clamped
 * @param keepScenarios how many recent what-if results the entity lists (and keeps courses of)
 * @param snapshotEvery take a snapshot every this many events
 * @param maxWhatIfsInFlight what-ifs one twin runs or queues at once; more are refused as busy
 * @param simulation how the twin simulates (steps, resolution of courses, longest horizon)
 * @param simulationDispatcher dispatcher that runs what-if simulations, off the entity
 */
public record TwinSettings(
    int checkpointEverySyncs,
    Duration maxSyncGap,
    int keepScenarios,
    int snapshotEvery,
    int maxWhatIfsInFlight,
    SimulationSettings simulation,
    String simulationDispatcher) {

  public static TwinSettings create(Config config) {
    Config c = config.getConfig("vitrum.twin");
    Config sim = c.getConfig("simulation");
    return new TwinSettings(
        c.getInt("checkpoint-every-syncs"),
        c.getDuration("max-sync-gap"),
        c.getInt("keep-scenarios"),
        c.getInt("snapshot-every"),
        c.getInt("max-what-ifs-in-flight"),
        new SimulationSettings(
            ObserverGains.defaults(),
            seconds(sim.getDuration("step")),
            seconds(sim.getDuration("sample-every")),
            sim.getInt("max-points"),
            seconds(sim.getDuration("summary-window")),
            seconds(sim.getDuration("max-horizon"))),
        c.getString("simulation-dispatcher"));
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
