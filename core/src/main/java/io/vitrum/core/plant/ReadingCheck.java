package io.vitrum.core.plant;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Validation of one reading against its sensor's configuration and the last accepted reading.
 * Readings are compared against the physical range, never the alarm limits: a reading beyond an
 * alarm limit is real process information and must be accepted.
 */
public final class ReadingCheck {
  private ReadingCheck() {}

  /**
   * Why the reading must be rejected, if it must.
   *
   * @param config the sensor's configuration
   * @param ts the reading's timestamp
   * @param value the reading's value
   * @param lastTs timestamp of the last accepted reading, or {@code null}
   * @param now the current time
   * @param maxClockSkew how far in the future a timestamp may lie
   */
  public static Optional<ReadingRejection> check(
      SensorConfig config,
      Instant ts,
      double value,
      Instant lastTs,
      Instant now,
      Duration maxClockSkew) {
    if (!Double.isFinite(value)) {
      return reject("not-finite", "value " + value + " is not a finite number");
    }
    if (value < config.min()) {
      return reject(
          "below-physical-min",
          "value " + value + " is below the physical minimum " + config.min());
    }
    if (value > config.max()) {
      return reject(
          "above-physical-max",
          "value " + value + " is above the physical maximum " + config.max());
    }
    if (ts.isAfter(now.plus(maxClockSkew))) {
      return reject(
          "timestamp-in-future",
          "timestamp " + ts + " is more than " + maxClockSkew.toSeconds() + " s in the future");
    }
    if (lastTs != null && !ts.isAfter(lastTs)) {
      return reject(
          "not-newer-than-last", "timestamp " + ts + " is not after the last reading " + lastTs);
    }
    return Optional.empty();
  }

  private static Optional<ReadingRejection> reject(String code, String reason) {
    return Optional.of(new ReadingRejection(code, reason));
  }
}
