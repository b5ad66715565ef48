package io.vitrum.core.twin;

/**
 * How fast the twin's observer pulls each estimate toward the plant, as time constants in seconds:
 * after a sync of {@code dt} seconds the estimate moves {@code 1 − exp(−dt/τ)} of the way toward
 * what the measurement implies, so the correction does not depend on how often readings arrive. A
 * time constant of 0 turns that correction off. Fast for directly measured temperatures, slow for
 * the estimated parameters so that noise and the firing sawtooth do not move them.
 *
 * @param crownTimeConstantS crown temperature from the crown thermocouples
 * @param meltTimeConstantS melt bottom and top from the bottom thermocouples and the throat
 * @param regeneratorTimeConstantS regenerator tops
 * @param gobTimeConstantS gob temperature
 * @param levelTimeConstantS glass level
 * @param burnerTimeConstantS burner efficiency from the ratio of predicted to measured gas flow
 * @param culletTimeConstantS cullet swing from measured minus set cullet fraction
 */
public record ObserverGains(
    double crownTimeConstantS,
    double meltTimeConstantS,
    double regeneratorTimeConstantS,
    double gobTimeConstantS,
    double levelTimeConstantS,
    double burnerTimeConstantS,
    double culletTimeConstantS) {

  public ObserverGains {
    double[] all = {
      crownTimeConstantS,
      meltTimeConstantS,
      regeneratorTimeConstantS,
      gobTimeConstantS,
      levelTimeConstantS,
      burnerTimeConstantS,
      culletTimeConstantS
    };
    for (double v : all) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("time constants must be finite and non-negative");
      }
    }
  }

  /** Gains tuned for 1–10 s syncs against a line with thermocouple noise of a few kelvin. */
  public static ObserverGains defaults() {
    return new ObserverGains(120, 900, 60, 60, 60, 1800, 600);
  }

  /** No correction at all: the twin runs open loop on the setpoints alone. */
  public static ObserverGains off() {
    return new ObserverGains(0, 0, 0, 0, 0, 0, 0);
  }

  /** The fraction of the innovation applied after {@code dtSeconds} for time constant {@code τ}. */
  static double fraction(double timeConstantS, double dtSeconds) {
    return timeConstantS > 0 ? 1 - Math.exp(-dtSeconds / timeConstantS) : 0;
  }
}
