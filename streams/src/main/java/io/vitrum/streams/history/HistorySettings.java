package io.vitrum.streams.history;

import com.typesafe.config.Config;
import io.vitrum.core.history.BlockPolicy;
import io.vitrum.core.history.Resolution;
import java.time.Duration;

/**
 * Where history is kept and how it is written, kept and read, from {@code vitrum.history}.
 *
 * @param keyspace Cassandra keyspace of the block and rollup tables
 * @param createTables create keyspace and tables at start (local profile and tests)
 * @param replicationFactor replication of the keyspace when it is created here
 * @param writer the writer
 * @param retention how long each resolution is kept
 * @param query bounds of the queries
 * @param replay replay runs
 */
public record HistorySettings(
    String keyspace,
    boolean createTables,
    int replicationFactor,
    Writer writer,
    Retention retention,
    Query query,
    Replay replay) {

  /**
   * The history writer.
   *
   * @param enabled whether this node runs it
   * @param groupId its consumer group on {@code vitrum.readings}
   * @param blocks when blocks close
   * @param batchMaxReadings readings gathered into one batch at most
   * @param batchMaxDelay how long a batch gathers at most
   * @param parallelism tags written at once
   * @param restartMinBackoff first restart delay after a failure
   * @param restartMaxBackoff longest restart delay
   */
  public record Writer(
      boolean enabled,
      String groupId,
      BlockPolicy blocks,
      int batchMaxReadings,
      Duration batchMaxDelay,
      int parallelism,
      Duration restartMinBackoff,
      Duration restartMaxBackoff) {}

  /**
   * How long points are kept, per resolution, from their own time; zero keeps them forever.
   *
   * @param raw the blocks of raw points
   * @param minute minute rollups
   * @param hour hour rollups
   */
  public record Retention(Duration raw, Duration minute, Duration hour) {
    /** Cassandra's longest TTL: 20 years. */
    private static final long MAX_TTL_SECONDS = 630_720_000L;

    /**
     * The TTL in seconds of a row of {@code resolution} whose points end at {@code endMillis},
     * written at {@code nowMillis}: 0 for no expiry, -1 when it is already due (not written).
     */
    public long ttlSeconds(Resolution resolution, long endMillis, long nowMillis) {
      Duration keep = of(resolution);
      if (keep.isZero()) {
        return 0;
      }
      long remainingMillis = endMillis + keep.toMillis() - nowMillis;
      if (remainingMillis <= 0) {
        return -1;
      }
      return Math.min(MAX_TTL_SECONDS, (remainingMillis + 999) / 1000);
    }

    /** The retention of {@code resolution}. */
    public Duration of(Resolution resolution) {
      return switch (resolution) {
        case RAW -> raw;
        case MINUTE -> minute;
        case HOUR -> hour;
      };
    }
  }

  /**
   * Bounds of the history queries.
   *
   * @param maxPoints the most points one answer carries
   * @param autoMinPoints {@code step=auto} gives at least this many points where it can
   * @param maxRange the widest range of one request
   * @param maxRawRange the widest range of one request for raw points
   */
  public record Query(int maxPoints, int autoMinPoints, Duration maxRange, Duration maxRawRange) {}

  /**
   * Replay runs.
   *
   * @param keepRuns runs remembered for their progress
   * @param maxRunning runs at once on one node
   * @param keepVectors the newest feature vectors a run keeps
   * @param pagePoints points of one tag read from history at a time
   * @param defaultSpeed speed when a request names none (0: as fast as possible)
   * @param maxRange the widest range one replay may cover
   */
  public record Replay(
      int keepRuns,
      int maxRunning,
      int keepVectors,
      int pagePoints,
      double defaultSpeed,
      Duration maxRange) {}

  public static HistorySettings create(Config config) {
    Config c = config.getConfig("vitrum.history");
    Config w = c.getConfig("writer");
    Config r = c.getConfig("retention");
    Config q = c.getConfig("query");
    Config p = c.getConfig("replay");
    return new HistorySettings(
        c.getString("keyspace"),
        c.getBoolean("create-tables"),
        c.getInt("replication-factor"),
        new Writer(
            w.getBoolean("enabled"),
            w.getString("group-id"),
            new BlockPolicy(
                w.getDuration("block-length"),
                w.getDuration("grace"),
                w.getInt("max-block-points")),
            w.getInt("batch-max-readings"),
            w.getDuration("batch-max-delay"),
            w.getInt("parallelism"),
            w.getDuration("restart-min-backoff"),
            w.getDuration("restart-max-backoff")),
        new Retention(r.getDuration("raw"), r.getDuration("minute"), r.getDuration("hour")),
        new Query(
            q.getInt("max-points"),
            q.getInt("auto-min-points"),
            q.getDuration("max-range"),
            q.getDuration("max-raw-range")),
        new Replay(
            p.getInt("keep-runs"),
            p.getInt("max-running"),
            p.getInt("keep-vectors"),
            p.getInt("page-points"),
            p.getDouble("default-speed"),
            p.getDuration("max-range")));
  }
}
