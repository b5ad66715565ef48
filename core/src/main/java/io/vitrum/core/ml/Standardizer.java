package io.vitrum.core.ml;

/**
 * The per-column normalisation a model card declares: {@code (x - mean) / max(std, 1e-6)}, and
 * {@code 0} (the column's mean) for a missing value.
 */
public final class Standardizer {
  private static final double MIN_STD = 1e-6;

  private final double[] mean;
  private final double[] std;

  public Standardizer(double[] mean, double[] std) {
    if (mean.length != std.length) {
      throw new IllegalArgumentException("a std per mean: " + mean.length + " vs " + std.length);
    }
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /** Columns. */
  public int size() {
    return mean.length;
  }

  /** Column {@code column} of {@code x} normalised. */
  public float apply(int column, double x) {
    if (Double.isNaN(x)) {
      return 0f;
    }
    return (float) ((x - mean[column]) / Math.max(std[column], MIN_STD));
  }
}
