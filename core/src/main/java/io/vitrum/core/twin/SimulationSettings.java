package io.vitrum.core.twin;

/**
 * How the twin simulates and estimates.
 *
 * @param gains observer time constants
 * @param simulationStepS outer step of forecasts, what-ifs and shadows, s; it should divide the
 *     reversal period and pause so that averages do not alias with the firing cycle
 * @param sampleEveryS finest spacing of trajectory points, s (a multiple of the step)
 * @param maxPoints most points a trajectory holds after its start: longer horizons are sampled more
 *     coarsely, so a course always fits one small message
 * @param summaryWindowS span at the end of a horizon over which figures are averaged, s (one
 *     reversal period smooths the firing sawtooth)
 * @param maxHorizonS longest horizon a forecast or what-if may ask for, s
 */
public record SimulationSettings(
    ObserverGains gains,
    double simulationStepS,
    double sampleEveryS,
    int maxPoints,
    double summaryWindowS,
    double maxHorizonS) {

  public SimulationSettings {
    if (gains == null) {
      throw new IllegalArgumentException("gains are required");
    }
    if (!(simulationStepS > 0)
        || !(sampleEveryS >= simulationStepS)
        || maxPoints < 1
        || !(summaryWindowS > 0)
        || !(maxHorizonS > 0)
        || !Double.isFinite(maxHorizonS)) {
      throw new IllegalArgumentException("steps, points, window and horizon must be positive");
    }
  }

  /**
   * 10 s steps, a point a minute up to 360 points (six hours; coarser beyond), summaries over 25
   * min, horizons up to 7 days.
   */
  public static SimulationSettings defaults() {
    return new SimulationSettings(ObserverGains.defaults(), 10, 60, 360, 1500, 7 * 86_400);
  }

  /** These settings with other observer gains. */
  public SimulationSettings withGains(ObserverGains value) {
    return new SimulationSettings(
        value, simulationStepS, sampleEveryS, maxPoints, summaryWindowS, maxHorizonS);
  }
}
