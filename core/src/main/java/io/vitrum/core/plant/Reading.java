package io.vitrum.core.plant;

import java.time.Instant;
import java.util.Objects;

/**
 * One sample of one sensor tag.
 *
 * @param tag the sensor tag id, e.g. {@code F1.crown.T3}
 * @param ts when the plant measured it
 * @param value the measured value in the tag's engineering unit
 */
public record Reading(String tag, Instant ts, double value) {
  public Reading {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(ts, "ts");
  }
}
