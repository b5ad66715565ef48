package io.vitrum.core.sim;

import io.vitrum.core.plant.TagSpec;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The measuring chain of one tag: turns the true process value into what the plant would report, at
 * the tag's sampling period. Mutable by design (it carries the wander and fault state of one
 * instrument) and confined to the simulator that owns it; not thread-safe.
 */
final class SensorChannel {
  private final TagSpec spec;
  private final long periodMillis;
  private final double calibrationOffset;
  private final double noiseSigma;
  private final double quantisationScale;
  private final double driftDecay;
  private final double driftKick;
  private final boolean counter;
  private double drift;
  private double lastReported;
  private SensorFault fault;
  private long faultStartMillis;
  private double held;

  /**
   * @param spec the tag measured
   * @param characteristics how the healthy instrument errs
   * @param calibrationOffset fixed bias of this particular instrument, in the tag's unit
   */
  SensorChannel(TagSpec spec, SensorCharacteristics characteristics, double calibrationOffset) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.periodMillis = spec.sampling().toMillis();
    if (periodMillis <= 0) {
      throw new IllegalArgumentException(spec.tag() + ": sampling period must be positive");
    }
    this.calibrationOffset = calibrationOffset;
    this.noiseSigma = characteristics.noiseSigma();
    this.quantisationScale =
        characteristics.resolution() > 0 ? Math.rint(1 / characteristics.resolution()) : 0;
    double decay = Math.exp(-periodMillis / 1000.0 / characteristics.driftTimeConstantSeconds());
    this.driftDecay = decay;
    this.driftKick = characteristics.driftSigma() * Math.sqrt(1 - decay * decay);
    this.counter = characteristics.noiseSigma() == 0 && characteristics.driftSigma() == 0;
    this.lastReported = Double.NaN;
  }

  TagSpec spec() {
    return spec;
  }

  String tag() {
    return spec.tag();
  }

  long periodMillis() {
    return periodMillis;
  }

  /** Whether a sample is due {@code elapsedMillis} after the simulation started. */
  boolean isDue(long elapsedMillis) {
    return elapsedMillis % periodMillis == 0;
  }

  /** The fault now acting on this instrument, or null when healthy. */
  SensorFault fault() {
    return fault;
  }

  /**
   * Starts {@code newFault} at {@code elapsedMillis}, or clears the fault when null. Setting the
   * fault already active keeps its start time, so a drift keeps accumulating.
   */
  void setFault(SensorFault newFault, long elapsedMillis) {
    if (Objects.equals(newFault, fault)) {
      return;
    }
    fault = newFault;
    faultStartMillis = elapsedMillis;
    held = lastReported;
  }

  /**
   * The value reported for the true value {@code truth}, or NaN when the instrument reports
   * nothing. Values are clamped to the instrument's range (transmitters saturate) except spikes.
   */
  double sample(double truth, long elapsedMillis, SplittableRandom random) {
    double value;
    if (counter) {
      value = truth + calibrationOffset;
    } else {
      drift = drift * driftDecay + driftKick * random.nextGaussian();
      value = truth + calibrationOffset + drift + noiseSigma * random.nextGaussian();
    }
    boolean clamp = true;
    if (fault != null) {
      if (Double.isNaN(held)) {
        held = value;
      }
      double secondsActive = (elapsedMillis - faultStartMillis) / 1000.0;
      double distorted = fault.distort(value, held, secondsActive, random);
      clamp = !(fault instanceof Spike) || distorted == value;
      value = distorted;
      if (Double.isNaN(value)) {
        return Double.NaN;
      }
    }
    if (quantisationScale > 0) {
      // + 0.0: a transmitter reports zero, never minus zero.
      value = Math.rint(value * quantisationScale) / quantisationScale + 0.0;
    }
    if (clamp) {
      value = Math.max(spec.min(), Math.min(spec.max(), value));
    }
    if (fault == null) {
      lastReported = value;
    }
    return value;
  }
}
