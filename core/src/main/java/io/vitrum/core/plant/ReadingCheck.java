package io.vitrum.core.plant;

import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Validation of one reading against its sensor's configuration and the last accepted reading.
 * Readings are compared against the physical range, never the alarm limits: a reading beyond an
 * alarm limit is real process information and must be accepted. Timestamps are bounded on both
 * sides, so that no later time arithmetic can overflow.
 */
public final class ReadingCheck {
  private ReadingCheck() {}

  /**
   * The time window a reading's timestamp must fall in.
   *
   * @param earliest the earliest timestamp accepted
   * @param maxClockSkew how far in the future a timestamp may lie
   */
  public record TimeBounds(Instant earliest, Duration maxClockSkew) {
    public TimeBounds {
      if (earliest == null || maxClockSkew == null || maxClockSkew.isNegative()) {
        throw new IllegalArgumentException("earliest and a non-negative clock skew are required");
      }
    }
  }

  /**
   * Why the reading must be rejected, if it must.
   *
   * @param config the sensor's configuration
   * @param ts the reading's timestamp
   * @param value the reading's value
   * @param lastTs timestamp of the last accepted reading, or {@code null}
   * @param now the current time
   * @param bounds the accepted time window around {@code now}
   */
  public static Optional<Rejection> check(
      SensorConfig config,
      Instant ts,
      double value,
      Instant lastTs,
      Instant now,
      TimeBounds bounds) {
    if (!Double.isFinite(value)) {
      return reject(RejectionCode.NOT_FINITE, "value " + value + " is not a finite number");
    }
    if (value < config.min()) {
      return reject(
          RejectionCode.BELOW_PHYSICAL_MIN,
          "value " + value + " is below the physical minimum " + config.min());
    }
    if (value > config.max()) {
      return reject(
          RejectionCode.ABOVE_PHYSICAL_MAX,
          "value " + value + " is above the physical maximum " + config.max());
    }
    if (ts.isAfter(now.plus(bounds.maxClockSkew()))) {
      return reject(
          RejectionCode.TIMESTAMP_IN_FUTURE,
          "timestamp "
              + ts
              + " is more than "
              + bounds.maxClockSkew().toSeconds()
              + " s in the future");
    }
    if (ts.isBefore(bounds.earliest())) {
      return reject(
          RejectionCode.TIMESTAMP_TOO_OLD,
          "timestamp " + ts + " is before the earliest accepted " + bounds.earliest());
    }
    if (lastTs != null && !ts.isAfter(lastTs)) {
      return reject(
          RejectionCode.NOT_NEWER_THAN_LAST,
          "timestamp " + ts + " is not after the last reading " + lastTs);
    }
    return Optional.empty();
  }

  private static Optional<Rejection> reject(RejectionCode code, String reason) {
    return Optional.of(Rejection.of(code, reason));
  }
}
