package io.vitrum.loadtests.history;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Latencies of one query repeated: warm-up runs first, then {@code runs} timed ones. */
public record LatencySample(String name, long[] sortedNanos) {

  /** Runs {@code query} {@code warmup} times untimed, then {@code runs} times timed. */
  public static LatencySample of(String name, int warmup, int runs, Callable<?> query)
      throws Exception {
    for (int i = 0; i < warmup; i++) {
      query.call();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long began = System.nanoTime();
      query.call();
      nanos[i] = System.nanoTime() - began;
    }
    Arrays.sort(nanos);
    return new LatencySample(name, nanos);
  }

  /** The nearest-rank percentile {@code p} (0..1), in milliseconds. */
  public double millis(double p) {
    int rank = (int) Math.ceil(p * sortedNanos.length);
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
  }
}
