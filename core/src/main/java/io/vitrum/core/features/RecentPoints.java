package io.vitrum.core.features;

/**
 * One tag's readings of the recent past, oldest first, and their statistics over a window ending at
 * a given instant. Mutable; owned by one feature accumulator.
 */
final class RecentPoints {
  private long[] times = new long[64];
  private double[] values = new double[64];
  private int head;
  private int size;
  private long newest = Long.MIN_VALUE;

  /** Adds a reading; readings of a tag arrive in time order. */
  void add(long epochMillis, double value) {
    if (size == times.length) {
      grow();
    }
    int i = (head + size) % times.length;
    times[i] = epochMillis;
    values[i] = value;
    size++;
    newest = Math.max(newest, epochMillis);
  }

  private void grow() {
    long[] t = new long[times.length * 2];
    double[] v = new double[values.length * 2];
    for (int i = 0; i < size; i++) {
      t[i] = times[(head + i) % times.length];
      v[i] = values[(head + i) % values.length];
    }
    times = t;
    values = v;
    head = 0;
  }

  /** The newest reading's time ({@link Long#MIN_VALUE} before the first). */
  long newest() {
    return newest;
  }

  /** Forgets readings before {@code epochMillis}. */
  void dropBefore(long epochMillis) {
    while (size > 0 && times[head] < epochMillis) {
      head = (head + 1) % times.length;
      size--;
    }
  }

  /**
   * Mean, sample standard deviation, minimum, maximum and least-squares slope (per second) of the
   * readings in [{@code end - length}, {@code end}), written to {@code out} from {@code offset};
   * {@code NaN} for an empty window (and a slope of fewer than two readings).
   */
  void statistics(long end, long length, double[] out, int offset) {
    long start = end - length;
    long n = 0;
    double mean = 0;
    double m2 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sumT = 0;
    double sumTT = 0;
    double sumTV = 0;
    double sumV = 0;
    for (int k = 0; k < size; k++) {
      long ts = times[(head + k) % times.length];
      double value = values[(head + k) % values.length];
      if (ts < start || ts >= end) {
        continue;
      }
      n++;
      double delta = value - mean;
      mean += delta / n;
      m2 += delta * (value - mean);
      min = Math.min(min, value);
      max = Math.max(max, value);
      double seconds = (ts - start) / 1000.0;
      sumT += seconds;
      sumTT += seconds * seconds;
      sumTV += seconds * value;
      sumV += value;
    }
    double denominator = n * sumTT - sumT * sumT;
    out[offset] = n == 0 ? Double.NaN : mean;
    out[offset + 1] = n == 0 ? Double.NaN : n < 2 ? 0 : Math.sqrt(m2 / (n - 1));
    out[offset + 2] = n == 0 ? Double.NaN : min;
    out[offset + 3] = n == 0 ? Double.NaN : max;
    out[offset + 4] =
        n < 2 || denominator == 0 ? Double.NaN : (n * sumTV - sumT * sumV) / denominator;
  }
}
