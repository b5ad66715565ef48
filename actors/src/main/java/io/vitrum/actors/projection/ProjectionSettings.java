package io.vitrum.actors.projection;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tuning of one projection, from {@code vitrum.projections.<name>} over {@code
 * vitrum.projections.defaults}.
 *
 * @param saveOffsetAfterEnvelopes save the offset after this many handled envelopes ...
 * @param saveOffsetAfterDuration ... or this long after the first unsaved one
 * @param handlerTimeout how long the handler of one envelope may take (e.g. the ask of an entity)
 * @param minBackoff a failed projection restarts after this long at first ...
 * @param maxBackoff ... doubling up to this
 * @param randomFactor plus up to this fraction at random
 * @param createOffsetTables create the offset keyspace and tables at start (local and tests only)
 */
public record ProjectionSettings(
    int saveOffsetAfterEnvelopes,
    Duration saveOffsetAfterDuration,
    Duration handlerTimeout,
    Duration minBackoff,
    Duration maxBackoff,
    double randomFactor,
    boolean createOffsetTables) {

  public static ProjectionSettings create(Config config, String name) {
    Config all = config.getConfig("vitrum.projections");
    Config c = all.getConfig(name).withFallback(all.getConfig("defaults"));
    return new ProjectionSettings(
        c.getInt("save-offset-after-envelopes"),
        c.getDuration("save-offset-after-duration"),
        c.getDuration("handler-timeout"),
        c.getDuration("restart-backoff.min"),
        c.getDuration("restart-backoff.max"),
        c.getDouble("restart-backoff.random-factor"),
        all.getBoolean("create-offset-tables"));
  }
}
