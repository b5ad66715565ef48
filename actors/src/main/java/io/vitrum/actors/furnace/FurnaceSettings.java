package io.vitrum.actors.furnace;

import com.typesafe.config.Config;

/**
 * Tuning of the Furnace entity, from {@code vitrum.furnace}.
 *
 * @param snapshotEvery take a snapshot every this many events
 */
public record FurnaceSettings(int snapshotEvery) {

  public static FurnaceSettings create(Config config) {
    return new FurnaceSettings(config.getConfig("vitrum.furnace").getInt("snapshot-every"));
  }
}
