package io.vitrum.core.features;

import java.time.Duration;
import java.time.Instant;

/**
 * Statistics of a sensor over fixed, aligned time windows (e.g. each whole minute): the window in
 * progress and the last complete one. Readings are assumed to arrive in time order; a reading in a
 * later window closes the current one. Immutable.
 *
 * @param length window length
 * @param currentStart start of the window in progress ({@code null} before the first reading)
 * @param current statistics of the window in progress
 * @param previous statistics of the last complete window (empty if none)
 */
public record TumblingWindow(
    Duration length, Instant currentStart, RunningStats current, RunningStats previous) {

  /** An empty window of the given length. */
  public static TumblingWindow of(Duration length) {
    if (length.isZero() || length.isNegative()) {
      throw new IllegalArgumentException("window length must be positive");
    }
    return new TumblingWindow(length, null, RunningStats.EMPTY, RunningStats.EMPTY);
  }

  /** The window with the reading at {@code ts} included. */
  public TumblingWindow add(Instant ts, double value) {
    Instant start = alignedStart(ts);
    if (currentStart == null || start.equals(currentStart)) {
      return new TumblingWindow(length, start, current.add(value), previous);
    }
    if (start.isBefore(currentStart)) {
      return this;
    }
    boolean adjacent = start.equals(currentStart.plus(length));
    RunningStats closed = adjacent ? current : RunningStats.EMPTY;
    return new TumblingWindow(length, start, RunningStats.EMPTY.add(value), closed);
  }

  private Instant alignedStart(Instant ts) {
    long lengthMs = length.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(ts.toEpochMilli(), lengthMs) * lengthMs);
  }
}
