package io.vitrum.core.metrics;

/**
 * A quantile estimated from a histogram the way Prometheus' {@code histogram_quantile} does: find
 * the bucket holding the rank, interpolate linearly inside it (the first bucket starts at 0); a
 * rank beyond the last finite bound answers that bound.
 */
public final class HistogramQuantile {
  private HistogramQuantile() {}

  /**
   * The {@code q} quantile (0..1) of a histogram with ascending {@code upperBounds} and cumulative
   * {@code counts} (observations at or below each bound; {@code total} in all); NaN when empty.
   */
  public static double of(double q, double[] upperBounds, double[] counts, double total) {
    if (upperBounds.length != counts.length) {
      throw new IllegalArgumentException("one count per bound");
    }
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in [0, 1]");
    }
    if (total <= 0 || upperBounds.length == 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lower = 0;
    double below = 0;
    for (int i = 0; i < upperBounds.length; i++) {
      if (counts[i] >= rank && counts[i] > below) {
        return lower + (upperBounds[i] - lower) * (rank - below) / (counts[i] - below);
      }
      lower = upperBounds[i];
      below = counts[i];
    }
    return upperBounds[upperBounds.length - 1];
  }
}
