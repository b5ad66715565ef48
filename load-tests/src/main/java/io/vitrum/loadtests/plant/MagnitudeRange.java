package io.vitrum.loadtests.plant;

import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.sim.FaultKind;

/**
 * The magnitudes the control API accepts for one kind of fault, in the unit {@link FaultKind}
 * documents for it, and the one it takes when a request names none: the kind's {@link
 * FaultKind#typicalHigh()}, a clearly visible fault. Sensor spikes are sized by the instrument's
 * span, as a random schedule sizes them.
 *
 * @param min the smallest magnitude accepted
 * @param max the largest magnitude accepted
 * @param byDefault the magnitude of a request that names none, within {@code [min, max]}
 */
public record MagnitudeRange(double min, double max, double byDefault) {

  /** Spike amplitude of a request that names none, as a share of the tag's span. */
  static final double DEFAULT_SPIKE_SHARE_OF_SPAN = 0.3;

  /** Largest drift accepted, in the tag's unit per hour: 10 K a minute is already absurd. */
  private static final double MAX_DRIFT_PER_HOUR = 600;

  /** Largest extra batch moisture accepted, in wt %: the physics caps moisture at 20 %. */
  private static final double MAX_MOISTURE_PCT = 20;

  public MagnitudeRange {
    if (!(min <= byDefault && byDefault <= max)) {
      throw new IllegalArgumentException(
          "default " + byDefault + " is outside [" + min + ", " + max + "]");
    }
  }

  /**
   * The range for {@code kind}; {@code tag} is the instrument of a sensor fault (null for a process
   * fault).
   */
  public static MagnitudeRange of(FaultKind kind, TagSpec tag) {
    double high = kind.typicalHigh();
    return switch (kind) {
      case BURNER_DEGRADATION, LEHR_FAN_FAILURE, REFRACTORY_WEAR, SENSOR_DROPOUT ->
          new MagnitudeRange(0, 1, high);
      case BATCH_MOISTURE -> new MagnitudeRange(0, MAX_MOISTURE_PCT, high);
      case CULLET_SWING -> new MagnitudeRange(-100, 100, high);
      case THERMOCOUPLE_DRIFT -> new MagnitudeRange(-MAX_DRIFT_PER_HOUR, MAX_DRIFT_PER_HOUR, high);
      case STUCK_SENSOR -> new MagnitudeRange(0, 0, 0);
      case SENSOR_SPIKES -> {
        double span = tag.max() - tag.min();
        yield new MagnitudeRange(0, span, DEFAULT_SPIKE_SHARE_OF_SPAN * span);
      }
    };
  }

  /** Whether {@code magnitude} is finite and within the range. */
  public boolean contains(double magnitude) {
    return magnitude >= min && magnitude <= max;
  }
}
