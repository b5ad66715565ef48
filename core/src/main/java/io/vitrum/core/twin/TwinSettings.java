package io.vitrum.core.twin;

/**
 * How the twin simulates and estimates.
 *
 * @param gains observer time constants
 * @param simulationStepS outer step of forecasts, what-ifs and shadows, s; it should divide the
 *     reversal period and pause so that averages do not alias with the firing cycle
 * @param sampleEveryS spacing of trajectory points, s (a multiple of the step)
 * @param summaryWindowS span at the end of a horizon over which figures are averaged, s (one
 *     reversal period smooths the firing sawtooth)
 * @param maxHorizonS longest horizon a forecast or what-if may ask for, s
 */
public record TwinSettings(
    ObserverGains gains,
    double simulationStepS,
    double sampleEveryS,
    double summaryWindowS,
    double maxHorizonS) {

  public TwinSettings {
    if (gains == null) {
      throw new IllegalArgumentException("gains are required");
    }
    if (!(simulationStepS > 0)
        || !(sampleEveryS >= simulationStepS)
        || !(summaryWindowS > 0)
        || !(maxHorizonS > 0)
        || !Double.isFinite(maxHorizonS)) {
      throw new IllegalArgumentException("steps, window and horizon must be positive");
    }
  }

  /** 10 s steps, a point a minute, summaries over 25 min, horizons up to 7 days. */
  public static TwinSettings defaults() {
    return new TwinSettings(ObserverGains.defaults(), 10, 60, 1500, 7 * 86_400);
  }

  /** These settings with other observer gains. */
  public TwinSettings withGains(ObserverGains value) {
    return new TwinSettings(value, simulationStepS, sampleEveryS, summaryWindowS, maxHorizonS);
  }
}
