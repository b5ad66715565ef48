package io.vitrum.core.sim;

import io.vitrum.core.plant.TagSpec;

/**
 * How a healthy instrument departs from the truth: white noise, a slow calibration wander
 * (Ornstein–Uhlenbeck, bounded in the long run) and the resolution of its converter.
 *
 * @param noiseSigma standard deviation of the per-sample noise, in the tag's unit
 * @param driftSigma long-run standard deviation of the slow wander, in the tag's unit
 * @param driftTimeConstantSeconds correlation time of the wander
 * @param resolution quantisation step of the reported value, a power of ten such as 0.1 (so
 *     reported values print as short decimals); 0 for none
 */
public record SensorCharacteristics(
    double noiseSigma, double driftSigma, double driftTimeConstantSeconds, double resolution) {

  /** An exact counter: no noise, no wander, whole numbers. */
  public static final SensorCharacteristics COUNTER = new SensorCharacteristics(0, 0, 1, 1);

  private static final double TEMPERATURE_NOISE = 0.5;
  private static final double TEMPERATURE_WANDER = 0.8;
  private static final double TEMPERATURE_RESOLUTION = 0.1;
  private static final double RELATIVE_NOISE = 0.002;
  private static final double RELATIVE_WANDER = 0.001;
  private static final double ADC_STEPS = 65536;
  private static final double WANDER_TIME_CONSTANT_S = 2 * 3600.0;

  public SensorCharacteristics {
    if (!(noiseSigma >= 0 && driftSigma >= 0 && resolution >= 0)) {
      throw new IllegalArgumentException("noise, wander and resolution must be non-negative");
    }
    if (!(driftTimeConstantSeconds > 0)) {
      throw new IllegalArgumentException("drift time constant must be positive");
    }
  }

  /**
   * Typical characteristics for a tag: thermocouples ±0.5 °C noise at 0.1 °C resolution, other
   * transmitters 0.2 % of span noise at the decimal step just below 16-bit resolution, counters
   * exact.
   */
  public static SensorCharacteristics typicalFor(TagSpec spec) {
    if (spec.unit().equals("1/min")) {
      return COUNTER;
    }
    if (spec.unit().equals("degC")) {
      return new SensorCharacteristics(
          TEMPERATURE_NOISE, TEMPERATURE_WANDER, WANDER_TIME_CONSTANT_S, TEMPERATURE_RESOLUTION);
    }
    double span = spec.max() - spec.min();
    return new SensorCharacteristics(
        RELATIVE_NOISE * span,
        RELATIVE_WANDER * span,
        WANDER_TIME_CONSTANT_S,
        Math.pow(10, Math.floor(Math.log10(span / ADC_STEPS))));
  }
}
