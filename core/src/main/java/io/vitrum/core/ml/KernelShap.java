package io.vitrum.core.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * KernelSHAP (Lundberg and Lee, 2017): the Shapley values of {@code m} features for one prediction,
 * as the weighted least-squares fit of the model's outputs on coalitions of features (a feature out
 * of the coalition takes its baseline value), under the constraint that the values sum to {@code
 * f(x) - f(baseline)}. With {@code 2^m - 2} coalitions or fewer than {@code samples} every
 * coalition is evaluated and the values are exact Shapley values; otherwise coalitions are drawn
 * from the Shapley kernel's size distribution, each with its complement. For a model linear in its
 * features the fit is exact either way: {@code phi_i = w_i (x_i - baseline_i)}.
 *
 * <p>The caller turns coalitions into model inputs and evaluates them in one batch ({@link
 * Coalitions}), so the cost is one batched model run.
 */
public final class KernelShap {
  /**
   * Evaluates the model on each coalition: {@code true} keeps the feature, {@code false} masks it.
   */
  @FunctionalInterface
  public interface Coalitions {
    double[] evaluate(List<boolean[]> coalitions);
  }

  /**
   * The explanation: {@code base} = f(all masked), {@code values[i]} the contribution of feature
   * {@code i}; {@code base + sum(values)} = f(x).
   */
  public record Explanation(double base, double[] values, double prediction) {}

  private KernelShap() {}

  /** Explains the prediction over {@code m} features with at most {@code samples} coalitions. */
  public static Explanation explain(int m, Coalitions model, int samples, long seed) {
    if (m < 1) {
      throw new IllegalArgumentException("at least one feature");
    }
    List<boolean[]> coalitions = new ArrayList<>();
    coalitions.add(new boolean[m]);
    boolean[] all = new boolean[m];
    Arrays.fill(all, true);
    coalitions.add(all);
    boolean exact = m < 31 && (1L << m) - 2 <= samples;
    if (exact) {
      for (long mask = 1; mask < (1L << m) - 1; mask++) {
        boolean[] z = new boolean[m];
        for (int i = 0; i < m; i++) {
          z[i] = (mask >> i & 1) == 1;
        }
        coalitions.add(z);
      }
    } else {
      sample(m, samples, new SplittableRandom(seed), coalitions);
    }
    double[] f = model.evaluate(coalitions);
    double base = f[0];
    double full = f[1];
    if (m == 1) {
      return new Explanation(base, new double[] {full - base}, full);
    }
    int n = coalitions.size() - 2;
    double[][] x = new double[n][m - 1];
    double[] y = new double[n];
    double[] w = new double[n];
    double delta = full - base;
    for (int k = 0; k < n; k++) {
      boolean[] z = coalitions.get(k + 2);
      int size = 0;
      for (boolean b : z) {
        size += b ? 1 : 0;
      }
      double last = z[m - 1] ? 1 : 0;
      for (int i = 0; i < m - 1; i++) {
        x[k][i] = (z[i] ? 1 : 0) - last;
      }
      y[k] = f[k + 2] - base - last * delta;
      w[k] = exact ? kernel(m, size) : 1.0;
    }
    double[] phi = weightedLeastSquares(x, y, w, m - 1);
    double[] values = new double[m];
    double sum = 0;
    for (int i = 0; i < m - 1; i++) {
      values[i] = phi[i];
      sum += phi[i];
    }
    values[m - 1] = delta - sum;
    return new Explanation(base, values, full);
  }

  /** The Shapley kernel weight of a coalition of {@code size} of {@code m} features. */
  static double kernel(int m, int size) {
    return (m - 1) / (binomial(m, size) * size * (double) (m - size));
  }

  private static double binomial(int n, int k) {
    double r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }

  /**
   * Draws coalition sizes with probability proportional to the kernel's total weight per size
   * ({@code (m-1) / (s (m-s))}), then a uniform subset of that size, and adds its complement; the
   * draw itself carries the kernel, so each sample weighs the same.
   */
  private static void sample(int m, int samples, SplittableRandom random, List<boolean[]> out) {
    double[] cumulative = new double[m - 1];
    double total = 0;
    for (int s = 1; s < m; s++) {
      total += (m - 1) / ((double) s * (m - s));
      cumulative[s - 1] = total;
    }
    int[] order = new int[m];
    for (int k = 0; k < samples / 2; k++) {
      double u = random.nextDouble(total);
      int size = 1;
      while (cumulative[size - 1] < u) {
        size++;
      }
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      boolean[] z = new boolean[m];
      for (int i = 0; i < size; i++) {
        int j = i + random.nextInt(m - i);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
        z[order[i]] = true;
      }
      boolean[] complement = new boolean[m];
      for (int i = 0; i < m; i++) {
        complement[i] = !z[i];
      }
      out.add(z);
      out.add(complement);
    }
  }

  /** Solves {@code (X'WX) b = X'Wy} by Gaussian elimination with partial pivoting. */
  private static double[] weightedLeastSquares(double[][] x, double[] y, double[] w, int p) {
    double[][] a = new double[p][p + 1];
    for (int k = 0; k < x.length; k++) {
      for (int i = 0; i < p; i++) {
        double wi = w[k] * x[k][i];
        for (int j = 0; j < p; j++) {
          a[i][j] += wi * x[k][j];
        }
        a[i][p] += wi * y[k];
      }
    }
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      if (Math.abs(a[col][col]) < 1e-12) {
        throw new IllegalStateException("too few coalitions to explain " + (p + 1) + " features");
      }
      for (int r = 0; r < p; r++) {
        if (r != col) {
          double factor = a[r][col] / a[col][col];
          for (int c = col; c <= p; c++) {
            a[r][c] -= factor * a[col][c];
          }
        }
      }
    }
    double[] b = new double[p];
    for (int i = 0; i < p; i++) {
      b[i] = a[i][p] / a[i][i];
    }
    return b;
  }
}
