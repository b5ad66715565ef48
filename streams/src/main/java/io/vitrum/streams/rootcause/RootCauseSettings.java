package io.vitrum.streams.rootcause;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Root-cause analysis, from {@code vitrum.rootcause}.
 *
 * @param keep how much recent history the node keeps per tag
 * @param lookback evidence starts this long before the incident opened
 * @param baselineGap the healthy baseline ends this long before it opened
 * @param reanalyseAfter least time between two analyses of one incident
 * @param physicsCheck whether the twin checks the best candidates
 * @param threads threads of the analyses' pool
 * @param askTimeout how long an ask of an entity may take
 */
public record RootCauseSettings(
    Duration keep,
    Duration lookback,
    Duration baselineGap,
    Duration reanalyseAfter,
    boolean physicsCheck,
    int threads,
    Duration askTimeout) {

  public static RootCauseSettings create(Config config) {
    Config c = config.getConfig("vitrum.rootcause");
    return new RootCauseSettings(
        c.getDuration("keep"),
        c.getDuration("lookback"),
        c.getDuration("baseline-gap"),
        c.getDuration("reanalyse-after"),
        c.getBoolean("physics-check"),
        c.getInt("threads"),
        c.getDuration("ask-timeout"));
  }
}
