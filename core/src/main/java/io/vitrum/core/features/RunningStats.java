package io.vitrum.core.features;

/**
 * Count, mean, variance (Welford), minimum and maximum of a stream of values, in O(1) memory.
 * Immutable: {@link #add(double)} returns the updated statistics.
 */
public record RunningStats(long count, double mean, double m2, double min, double max) {
  /** Statistics of no values. */
  public static final RunningStats EMPTY =
      new RunningStats(0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

  /** The statistics with {@code value} included. */
  public RunningStats add(double value) {
    long n = count + 1;
    double delta = value - mean;
    double newMean = mean + delta / n;
    return new RunningStats(
        n, newMean, m2 + delta * (value - newMean), Math.min(min, value), Math.max(max, value));
  }

  /** Sample standard deviation; 0 for fewer than two values. */
  public double stddev() {
    return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
  }
}
