package io.vitrum.core.history;

import java.time.Duration;

/**
 * When an open block closes.
 *
 * @param length the block's time window, aligned to the epoch (whole minutes that divide an hour,
 *     so a block holds whole minute buckets and lies within one hour)
 * @param grace how long after its window's end a block waits for late readings: it closes once its
 *     tag has a reading that much newer, or once its tag has been silent that long after the window
 *     ended
 * @param maxPoints a block with this many points closes at once (memory bound at high rates)
 */
public record BlockPolicy(Duration length, Duration grace, int maxPoints) {
  public BlockPolicy {
    long ms = length.toMillis();
    if (ms < 60_000 || ms % 60_000 != 0 || 3_600_000 % ms != 0) {
      throw new IllegalArgumentException(
          "block length must be whole minutes that divide an hour (1m, 2m, 5m, 10m, 30m, 60m...),"
              + " not "
              + length);
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative");
    }
    if (maxPoints < 1) {
      throw new IllegalArgumentException("max points must be positive");
    }
  }

  /** The start of the window holding {@code epochMillis}. */
  public long windowStart(long epochMillis) {
    long ms = length.toMillis();
    return Math.floorDiv(epochMillis, ms) * ms;
  }
}
