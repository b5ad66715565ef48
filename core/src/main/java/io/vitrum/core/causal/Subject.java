package io.vitrum.core.causal;

import java.util.Objects;

/**
 * What an incident is about: a rise of one MIK-1 reject class, or an anomaly of one sensor.
 *
 * @param defect the reject class ({@code crack}, {@code bubble}, {@code stone}, {@code chip}), or
 *     {@link #ANOMALY} for a sensor anomaly
 * @param tag for an anomaly, the sensor; null for a defect rise
 */
public record Subject(String defect, String tag) {
  /** The defect value of a sensor-anomaly incident. */
  public static final String ANOMALY = "anomaly";

  public Subject {
    Objects.requireNonNull(defect, "defect");
    if (ANOMALY.equals(defect) != (tag != null)) {
      throw new IllegalArgumentException("an anomaly, and only an anomaly, names its sensor");
    }
  }

  /** A rise of reject class {@code defect}. */
  public static Subject defect(String defect) {
    return new Subject(defect, null);
  }

  /** An anomaly of sensor {@code tag}. */
  public static Subject anomaly(String tag) {
    return new Subject(ANOMALY, tag);
  }

  /** Whether this is a sensor anomaly rather than a defect rise. */
  public boolean isAnomaly() {
    return tag != null;
  }
}
