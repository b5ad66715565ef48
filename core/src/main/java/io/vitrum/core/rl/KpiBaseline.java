package io.vitrum.core.rl;

import java.util.Objects;

/**
 * How one KPI behaved before a policy was deployed: the reference a {@link Cusum} measures the
 * policy's effect against, in baseline standard deviations.
 *
 * @param kpi the KPI's name, e.g. {@code energyPerTonneGj}
 * @param mean its mean before deployment
 * @param std its standard deviation before deployment, above 0
 * @param higherIsWorse whether a rise is a degradation (energy per tonne) rather than a fall (pull
 *     rate, yield)
 * @param samples how many values the mean and deviation come from, at least 2
 */
public record KpiBaseline(
    String kpi, double mean, double std, boolean higherIsWorse, long samples) {
  /**
   * The least deviation {@link #of} gives, as a share of {@code |mean|}: a constant series has
   * none, and a standardised value would divide by 0. With the floor, any move off a constant
   * baseline counts as a very large number of deviations, which is what such a baseline means.
   */
  public static final double RELATIVE_STD_FLOOR = 1e-9;

  /**
   * The least deviation {@link #of} gives when the mean is 0 or nearly, where a share of it is 0.
   */
  public static final double ABSOLUTE_STD_FLOOR = 1e-12;

  public KpiBaseline {
    Objects.requireNonNull(kpi, "kpi");
    if (kpi.isBlank()) {
      throw new IllegalArgumentException("a KPI needs a name");
    }
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException(kpi + ": baseline mean " + mean + " is not finite");
    }
    if (!(std > 0) || !Double.isFinite(std)) {
      throw new IllegalArgumentException(kpi + ": baseline std " + std + " is not above 0");
    }
    if (samples < 2) {
      throw new IllegalArgumentException(kpi + ": a baseline needs 2 samples, got " + samples);
    }
  }

  /**
   * The baseline of {@code values}: their mean and sample standard deviation ({@code n − 1}), the
   * deviation floored at {@link #RELATIVE_STD_FLOOR} of {@code |mean|} (and at least {@link
   * #ABSOLUTE_STD_FLOOR}) so a constant series still gives a usable baseline.
   *
   * @throws IllegalArgumentException with fewer than 2 values or a value that is not finite
   */
  public static KpiBaseline of(String kpi, boolean higherIsWorse, double[] values) {
    if (values.length < 2) {
      throw new IllegalArgumentException(
          kpi + ": a baseline needs 2 samples, got " + values.length);
    }
    double sum = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(kpi + ": baseline value " + v + " is not finite");
      }
      sum += v;
    }
    double mean = sum / values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(squares / (values.length - 1));
    double floor = Math.max(RELATIVE_STD_FLOOR * Math.abs(mean), ABSOLUTE_STD_FLOOR);
    return new KpiBaseline(kpi, mean, Math.max(std, floor), higherIsWorse, values.length);
  }

  /**
   * How many baseline deviations worse than the mean {@code value} is: {@code (value − mean) /
   * std}, negated when lower is worse, so a positive result is always a degradation.
   */
  public double deviationsWorse(double value) {
    double z = (value - mean) / std;
    return higherIsWorse ? z : -z;
  }
}
