package io.vitrum.actors.twin;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tuning of the Twin entity, from {@code vitrum.twin}.
 *
 * @param checkpointEverySyncs persist the synced state after this many syncs
 * @param maxSyncGap longest plant time one sync integrates; longer gaps are clamped
 * @param keepScenarios how many recent what-if results the entity lists
 * @param snapshotEvery take a snapshot every this many events
 * @param simulationDispatcher dispatcher that runs what-if simulations, off the entity
 */
public record TwinSettings(
    int checkpointEverySyncs,
    Duration maxSyncGap,
    int keepScenarios,
    int snapshotEvery,
    String simulationDispatcher) {

  public static TwinSettings create(Config config) {
    Config c = config.getConfig("vitrum.twin");
    return new TwinSettings(
        c.getInt("checkpoint-every-syncs"),
        c.getDuration("max-sync-gap"),
        c.getInt("keep-scenarios"),
        c.getInt("snapshot-every"),
        c.getString("simulation-dispatcher"));
  }
}
