package io.vitrum.core.sim;

import io.vitrum.core.plant.TagId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One injected fault with its ground truth: which furnace, what kind, when it starts, how fast it
 * develops, how long it lasts and the root cause a diagnosis should find. Active over {@code
 * [start, start + duration)}; its severity ramps linearly from 0 to 1 over {@code ramp} and then
 * holds, after which the fault is repaired.
 *
 * @param furnace the furnace id
 * @param kind what goes wrong
 * @param start when it begins
 * @param ramp how long it takes to develop fully, not longer than {@code duration}
 * @param duration how long it lasts in total, positive
 * @param magnitude full-severity size, in the unit {@link FaultKind} documents for {@code kind}
 * @param tag the instrument affected, for sensor faults; null for process faults
 * @param rootCause the ground-truth root cause, e.g. {@code lehr-fan-failure}
 */
public record FaultScenario(
    String furnace,
    FaultKind kind,
    Instant start,
    Duration ramp,
    Duration duration,
    double magnitude,
    String tag,
    String rootCause) {

  /** Share of samples a {@link FaultKind#SENSOR_SPIKES} fault hits. */
  public static final double SPIKE_PROBABILITY = 0.02;

  public FaultScenario {
    Objects.requireNonNull(furnace, "furnace");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(ramp, "ramp");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(rootCause, "rootCause");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive");
    }
    if (ramp.isNegative() || ramp.compareTo(duration) > 0) {
      throw new IllegalArgumentException("ramp must be within [0, duration]");
    }
    if (!Double.isFinite(magnitude)) {
      throw new IllegalArgumentException("magnitude must be finite");
    }
    if (kind.isSensorFault() != (tag != null)) {
      throw new IllegalArgumentException("sensor faults name a tag, process faults do not");
    }
    if (tag != null && !TagId.furnaceOf(tag).equals(furnace)) {
      throw new IllegalArgumentException(tag + " is not a tag of " + furnace);
    }
  }

  /** A process fault with its kind's key as root cause. */
  public static FaultScenario process(
      String furnace,
      FaultKind kind,
      Instant start,
      Duration ramp,
      Duration duration,
      double magnitude) {
    return new FaultScenario(furnace, kind, start, ramp, duration, magnitude, null, kind.key());
  }

  /** A sensor fault on {@code tag}, present at full size from its start. */
  public static FaultScenario sensor(
      String tag, FaultKind kind, Instant start, Duration duration, double magnitude) {
    return new FaultScenario(
        TagId.furnaceOf(tag), kind, start, Duration.ZERO, duration, magnitude, tag, kind.key());
  }

  /** This scenario with another ground-truth root cause. */
  public FaultScenario withRootCause(String cause) {
    return new FaultScenario(furnace, kind, start, ramp, duration, magnitude, tag, cause);
  }

  /** When the fault is repaired. */
  public Instant end() {
    return start.plus(duration);
  }

  /** Whether the fault acts at {@code t}. */
  public boolean isActiveAt(Instant t) {
    return !t.isBefore(start) && t.isBefore(end());
  }

  /** Development of the fault at {@code t}: 0 when inactive, rising to 1 over the ramp. */
  public double severityAt(Instant t) {
    if (!isActiveAt(t)) {
      return 0;
    }
    long rampMillis = ramp.toMillis();
    if (rampMillis == 0) {
      return 1;
    }
    return Math.min(1.0, Duration.between(start, t).toMillis() / (double) rampMillis);
  }

  /** Magnitude acting at {@code t}: {@code magnitude × severityAt(t)}. */
  public double levelAt(Instant t) {
    return magnitude * severityAt(t);
  }

  /** The instrument fault this scenario causes; only for sensor faults. */
  public SensorFault sensorFault() {
    return switch (kind) {
      case THERMOCOUPLE_DRIFT -> new ThermocoupleDrift(magnitude);
      case STUCK_SENSOR -> new StuckValue();
      case SENSOR_SPIKES -> new Spike(SPIKE_PROBABILITY, magnitude);
      case SENSOR_DROPOUT -> new Dropout(magnitude);
      default -> throw new IllegalStateException(kind + " is a process fault");
    };
  }
}
