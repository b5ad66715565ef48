package io.vitrum.core.causal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One tag's values on a regular grid (e.g. the 1-minute means of its history): {@code values[i]} is
 * the value over {@code [start + i·step, start + (i+1)·step)}, {@code NaN} where nothing was
 * recorded.
 *
 * @param tag the tag id
 * @param start start of the first slot
 * @param step slot width, positive
 * @param values one value per slot; copied
 */
public record TagSeries(String tag, Instant start, Duration step, double[] values) {

  public TagSeries {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(start, "start");
    if (step == null || step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive");
    }
    values = values.clone();
  }

  /** Number of slots. */
  public int size() {
    return values.length;
  }

  /** Value of slot {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** Start of slot {@code i}. */
  public Instant slotStart(int i) {
    return start.plus(step.multipliedBy(i));
  }

  /** The slot holding {@code t}, clamped to {@code [0, size]}. */
  public int slotOf(Instant t) {
    long i = Math.floorDiv(Duration.between(start, t).toMillis(), step.toMillis());
    return (int) Math.max(0, Math.min(values.length, i));
  }

  /** Mean of the finite values of slots {@code [from, to)}, {@code NaN} when there is none. */
  public double mean(int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, from); i < Math.min(to, values.length); i++) {
      if (Double.isFinite(values[i])) {
        sum += values[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Standard deviation of the finite values of slots {@code [from, to)}, 0 for fewer than two. */
  public double std(int from, int to) {
    double mean = mean(from, to);
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, from); i < Math.min(to, values.length); i++) {
      if (Double.isFinite(values[i])) {
        sum += (values[i] - mean) * (values[i] - mean);
        n++;
      }
    }
    return n < 2 ? 0 : Math.sqrt(sum / (n - 1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagSeries t
        && tag.equals(t.tag)
        && start.equals(t.start)
        && step.equals(t.step)
        && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tag, start, step, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "TagSeries[" + tag + ", " + start + ", " + step + ", " + values.length + " slots]";
  }
}
