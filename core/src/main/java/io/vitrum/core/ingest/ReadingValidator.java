package io.vitrum.core.ingest;

import io.vitrum.core.plant.ReadingCheck;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one validation every source's readings go through before Kafka, in this order: unknown tag,
 * bad quality, unit mismatch, not finite, outside the physical range, timestamp too old or in the
 * future, duplicate (same tag and timestamp as the last accepted reading), older than the last
 * accepted reading, impossible rate of change. It remembers the last accepted reading of every tag;
 * it is not thread-safe (one instance per stream).
 */
public final class ReadingValidator {
  private final ReadingCheck.TimeBounds bounds;
  private final double maxSpanPerSecond;
  private final Map<String, Last> last = new HashMap<>();
  private final Map<String, Last> jumped = new HashMap<>();

  private record Last(Instant ts, double value) {}

  /**
   * @param bounds the accepted time window
   * @param maxSpanPerSecond the fastest believable change, as a fraction of the tag's physical
   *     range per second (e.g. 0.5: a crown thermocouple of range 0-1800 degC cannot move 900 degC
   *     within one second)
   */
  public ReadingValidator(ReadingCheck.TimeBounds bounds, double maxSpanPerSecond) {
    if (!(maxSpanPerSecond > 0)) {
      throw new IllegalArgumentException("maxSpanPerSecond must be > 0");
    }
    this.bounds = bounds;
    this.maxSpanPerSecond = maxSpanPerSecond;
  }

  /**
   * Why {@code reading} must be quarantined, if it must; an accepted reading becomes the tag's
   * last.
   */
  public Optional<Rejection> check(TagMap map, SourceReading reading, Instant now) {
    Optional<TagMapRow> found = map.row(reading.tag()).filter(r -> !r.isWritten());
    if (found.isEmpty()) {
      return reject(RejectionCode.UNKNOWN_TAG, "tag " + reading.tag() + " is not in the tag map");
    }
    TagMapRow row = found.get();
    if (reading.quality() == Quality.BAD) {
      return reject(RejectionCode.BAD_QUALITY, "the source marked the reading bad");
    }
    if (reading.unit() != null && !reading.unit().equals(row.unit())) {
      return reject(
          RejectionCode.UNIT_MISMATCH,
          "unit '" + reading.unit() + "' is not the tag's unit '" + row.unit() + "'");
    }
    Last previous = last.get(reading.tag());
    if (previous != null && reading.ts().equals(previous.ts())) {
      return reject(
          RejectionCode.DUPLICATE,
          "a reading of " + reading.tag() + " at " + reading.ts() + " was already accepted");
    }
    Optional<Rejection> basic =
        ReadingCheck.check(
            row.sensorConfig(),
            reading.ts(),
            reading.value(),
            previous == null ? null : previous.ts(),
            now,
            bounds);
    if (basic.isPresent()) {
      return basic;
    }
    if (previous != null) {
      double seconds =
          Math.max(Duration.between(previous.ts(), reading.ts()).toNanos() / 1e9, 1e-3);
      double rate = Math.abs(reading.value() - previous.value()) / seconds;
      double limit = (row.max() - row.min()) * maxSpanPerSecond;
      if (rate > limit) {
        return reject(
            RejectionCode.IMPOSSIBLE_RATE,
            "changed "
                + plain(reading.value() - previous.value())
                + " "
                + row.unit()
                + " in "
                + plain(seconds)
                + " s from "
                + plain(previous.value())
                + ": faster than "
                + plain(limit)
                + " "
                + row.unit()
                + "/s");
      }
    }
    last.put(reading.tag(), new Last(reading.ts(), reading.value()));
    return Optional.empty();
  }

  private static double seconds(Last from, SourceReading to) {
    return Math.max(Duration.between(from.ts(), to.ts()).toNanos() / 1e9, 1e-3);
  }

  private static double rate(Last from, SourceReading to) {
    return Math.abs(to.value() - from.value()) / seconds(from, to);
  }

  /** {@code v} to six significant digits, without trailing zeros. */
  private static String plain(double v) {
    return new java.math.BigDecimal(v, new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static Optional<Rejection> reject(RejectionCode code, String reason) {
    return Optional.of(Rejection.of(code, reason));
  }
}
