package io.vitrum.streams.ingest.sim;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The simulator feed, from {@code vitrum.simulator}.
 *
 * @param enabled run the feed on this node
 * @param furnaces how many furnaces to simulate (F1, F2, …)
 * @param seed the simulator's seed (same seed, same plant)
 * @param tick plant time advanced per tick, one tick per this much wall time (real time)
 * @param syncEveryTicks sync the twins and follow the furnaces' setpoints every this many ticks
 * @param parallelism asks in flight into the entities
 * @param askTimeout how long one ask may take
 */
public record SimulatorFeedSettings(
    boolean enabled,
    int furnaces,
    long seed,
    Duration tick,
    int syncEveryTicks,
    int parallelism,
    Duration askTimeout) {

  public static SimulatorFeedSettings create(Config config) {
    Config c = config.getConfig("vitrum.simulator");
    return new SimulatorFeedSettings(
        c.getBoolean("enabled"),
        c.getInt("furnaces"),
        c.getLong("seed"),
        c.getDuration("tick"),
        c.getInt("sync-every-ticks"),
        c.getInt("parallelism"),
        c.getDuration("ask-timeout"));
  }
}
