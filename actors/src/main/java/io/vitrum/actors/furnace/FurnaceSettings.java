package io.vitrum.actors.furnace;

import com.typesafe.config.Config;

/**
 * Tuning of the Furnace entity, from {@code vitrum.furnace}.
 *
 * @param snapshotEvery take a snapshot every this many events
 * @param setpointTagSlices how many tags setpoint changes are spread over (projection instances of
 *     the write-back)
 */
public record FurnaceSettings(int snapshotEvery, int setpointTagSlices) {

  /** The default number of setpoint tag slices, as in {@code reference.conf}. */
  public static final int DEFAULT_SETPOINT_TAG_SLICES = 4;

  /** With the default setpoint tag slices. */
  public FurnaceSettings(int snapshotEvery) {
    this(snapshotEvery, DEFAULT_SETPOINT_TAG_SLICES);
  }

  public static FurnaceSettings create(Config config) {
    Config c = config.getConfig("vitrum.furnace");
    return new FurnaceSettings(c.getInt("snapshot-every"), c.getInt("setpoint-tag-slices"));
  }
}
