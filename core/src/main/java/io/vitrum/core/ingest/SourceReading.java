package io.vitrum.core.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading as a source decoded it, before validation.
 *
 * @param tag the tag id the source named (after the tag map resolved any address or alias)
 * @param ts when the plant measured it
 * @param value the value as sent (may be NaN or infinite: validation decides)
 * @param unit the unit the source stated, or {@code null} when it states none
 * @param quality the source's own quality verdict
 */
public record SourceReading(String tag, Instant ts, double value, String unit, Quality quality) {
  public SourceReading {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(quality, "quality");
  }

  /** A good reading without a stated unit. */
  public static SourceReading good(String tag, Instant ts, double value) {
    return new SourceReading(tag, ts, value, null, Quality.GOOD);
  }
}
