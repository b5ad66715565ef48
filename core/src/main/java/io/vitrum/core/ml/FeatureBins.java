package io.vitrum.core.ml;

import java.util.Arrays;

/**
 * One input column's training distribution as population-stability bins: {@code edges} cut the line
 * into {@code edges.length + 1} bins (a value {@code x} falls in bin {@code k}, the number of edges
 * {@code <= x}), and one more bin holds the missing values ({@code NaN}). {@code fractions} are the
 * training rows' shares of each bin, missing last; they sum to 1.
 */
public record FeatureBins(double[] edges, double[] fractions) {
  private static final double SUM_TOLERANCE = 1e-6;

  public FeatureBins {
    edges = edges.clone();
    fractions = fractions.clone();
    if (fractions.length != edges.length + 2) {
      throw new IllegalArgumentException(
          edges.length
              + " edges need "
              + (edges.length + 2)
              + " fractions, got "
              + fractions.length);
    }
    for (int i = 1; i < edges.length; i++) {
      if (!(edges[i] > edges[i - 1])) {
        throw new IllegalArgumentException("edges must rise strictly: " + Arrays.toString(edges));
      }
    }
    double sum = 0;
    for (double f : fractions) {
      if (!(f >= 0)) {
        throw new IllegalArgumentException("a fraction below 0: " + Arrays.toString(fractions));
      }
      sum += f;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException("fractions sum to " + sum + ", not 1");
    }
  }

  /** Bins, the missing one included. */
  public int size() {
    return fractions.length;
  }

  /** The bin of {@code x}. */
  public int bin(double x) {
    if (Double.isNaN(x)) {
      return edges.length + 1;
    }
    int i = Arrays.binarySearch(edges, x);
    if (i >= 0) {
      while (i + 1 < edges.length && edges[i + 1] == x) {
        i++;
      }
      return i + 1;
    }
    return -i - 1;
  }

  /** The training share of bin {@code k}. */
  public double fraction(int k) {
    return fractions[k];
  }
}
