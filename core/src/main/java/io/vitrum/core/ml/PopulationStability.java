package io.vitrum.core.ml;

import java.util.Arrays;
import java.util.List;

/**
 * Input drift of a model: the population stability index (PSI) of each input column, live values
 * against the training distribution its card records ({@link FeatureBins}). PSI is {@code Σ (a − e)
 * ln(a / e)} over the bins, {@code a} the live share and {@code e} the training share, each floored
 * at {@value #FLOOR} so an empty bin counts without dividing by zero. Common reading: below 0.1
 * stable, 0.1–0.25 a moderate shift, above 0.25 a major one. Not thread-safe.
 */
public final class PopulationStability {
  /** The least share a bin counts with. */
  public static final double FLOOR = 1e-4;

  private final List<FeatureBins> reference;
  private final long[][] counts;
  private long samples;

  public PopulationStability(List<FeatureBins> reference) {
    this.reference = List.copyOf(reference);
    this.counts = new long[reference.size()][];
    for (int c = 0; c < counts.length; c++) {
      counts[c] = new long[reference.get(c).size()];
    }
  }

  /** Columns. */
  public int columns() {
    return reference.size();
  }

  /** Adds one live row, a value per column ({@code NaN}: missing). */
  public void add(double[] row) {
    if (row.length != counts.length) {
      throw new IllegalArgumentException(counts.length + " columns, got " + row.length);
    }
    for (int c = 0; c < row.length; c++) {
      counts[c][reference.get(c).bin(row[c])]++;
    }
    samples++;
  }

  /** Rows added since the last {@link #reset}. */
  public long samples() {
    return samples;
  }

  /** The PSI of each column over the rows added ({@code NaN} each before the first row). */
  public double[] psi() {
    double[] out = new double[counts.length];
    for (int c = 0; c < out.length; c++) {
      if (samples == 0) {
        out[c] = Double.NaN;
        continue;
      }
      double[] live = new double[counts[c].length];
      for (int k = 0; k < live.length; k++) {
        live[k] = counts[c][k] / (double) samples;
      }
      FeatureBins bins = reference.get(c);
      double[] expected = new double[live.length];
      for (int k = 0; k < expected.length; k++) {
        expected[k] = bins.fraction(k);
      }
      out[c] = psi(expected, live);
    }
    return out;
  }

  /** Forgets the rows added. */
  public void reset() {
    for (long[] perColumn : counts) {
      Arrays.fill(perColumn, 0);
    }
    samples = 0;
  }

  /** The PSI of {@code actual} shares against {@code expected} shares, bin by bin. */
  public static double psi(double[] expected, double[] actual) {
    if (expected.length != actual.length) {
      throw new IllegalArgumentException("as many expected as actual shares");
    }
    double sum = 0;
    for (int k = 0; k < expected.length; k++) {
      double e = Math.max(expected[k], FLOOR);
      double a = Math.max(actual[k], FLOOR);
      sum += (a - e) * Math.log(a / e);
    }
    return sum;
  }
}
