package io.vitrum.core.history;

/**
 * Aggregates of the points in one bucket, kept so that buckets combine exactly: count, sum and sum
 * of squares (for mean and standard deviation), minimum, maximum, and the last point. Immutable.
 *
 * @param count points in the bucket
 * @param sum their sum
 * @param sumSquares the sum of their squares
 * @param min the smallest
 * @param max the largest
 * @param lastTs epoch milliseconds of the latest point
 * @param last its value
 */
public record Rollup(
    long count, double sum, double sumSquares, double min, double max, long lastTs, double last) {

  /** A bucket of one point. */
  public static Rollup of(long epochMillis, double value) {
    return new Rollup(1, value, value * value, value, value, epochMillis, value);
  }

  /** This bucket with one more point. */
  public Rollup add(long epochMillis, double value) {
    return plus(of(epochMillis, value));
  }

  /** Both buckets as one (the later point is the last; a tie keeps {@code other}'s). */
  public Rollup plus(Rollup other) {
    boolean otherLater = other.lastTs >= lastTs;
    return new Rollup(
        count + other.count,
        sum + other.sum,
        sumSquares + other.sumSquares,
        Math.min(min, other.min),
        Math.max(max, other.max),
        otherLater ? other.lastTs : lastTs,
        otherLater ? other.last : last);
  }

  /** The mean of the bucket's points. */
  public double mean() {
    return sum / count;
  }

  /** The sample standard deviation; 0 for fewer than two points. */
  public double stddev() {
    if (count < 2) {
      return 0;
    }
    double variance = (sumSquares - sum * sum / count) / (count - 1);
    return Math.sqrt(Math.max(0, variance));
  }
}
