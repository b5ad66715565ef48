package io.vitrum.core.history;

import java.time.Duration;
import java.util.Optional;

/**
 * The resolutions history answers in: every point as it was read, or rollups over aligned whole
 * minutes or hours (UTC).
 */
public enum Resolution {
  RAW("raw", Duration.ZERO),
  MINUTE("1m", Duration.ofMinutes(1)),
  HOUR("1h", Duration.ofHours(1));

  private final String wire;
  private final Duration bucket;

  Resolution(String wire, Duration bucket) {
    this.wire = wire;
    this.bucket = bucket;
  }

  /** The name in the API: {@code raw}, {@code 1m}, {@code 1h}. */
  public String wire() {
    return wire;
  }

  /** The length of one rollup bucket; zero for raw. */
  public Duration bucket() {
    return bucket;
  }

  /** The start of the bucket holding {@code epochMillis}; raw keeps the instant as it is. */
  public long bucketStart(long epochMillis) {
    if (this == RAW) {
      return epochMillis;
    }
    long length = bucket.toMillis();
    return Math.floorDiv(epochMillis, length) * length;
  }

  /** The resolution named {@code text}, if any. */
  public static Optional<Resolution> parse(String text) {
    for (Resolution r : values()) {
      if (r.wire.equals(text)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The coarsest resolution whose buckets over {@code range} still number at least {@code
   * minPoints}; raw when even minutes give fewer.
   */
  public static Resolution coarsestWithAtLeast(Duration range, long minPoints) {
    if (range.dividedBy(HOUR.bucket) >= minPoints) {
      return HOUR;
    }
    if (range.dividedBy(MINUTE.bucket) >= minPoints) {
      return MINUTE;
    }
    return RAW;
  }
}
