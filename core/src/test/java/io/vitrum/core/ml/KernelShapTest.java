package io.vitrum.core.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class KernelShapTest {
  /** Evaluates {@code f} on each coalition: kept features from {@code x}, the others from b. */
  private static KernelShap.Coalitions masked(
      double[] x, double[] baseline, ToDoubleFunction<double[]> f) {
    return (List<boolean[]> coalitions) -> {
      double[] out = new double[coalitions.size()];
      for (int k = 0; k < out.length; k++) {
        double[] input = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          input[i] = coalitions.get(k)[i] ? x[i] : baseline[i];
        }
        out[k] = f.applyAsDouble(input);
      }
      return out;
    };
  }

  private static double linear(double[] w, double c, double[] x) {
    double y = c;
    for (int i = 0; i < w.length; i++) {
      y += w[i] * x[i];
    }
    return y;
  }

  @Test
  void aLinearModelsValuesAreItsWeightsTimesTheDistanceFromTheBaseline() {
    double[] w = {1, 2, 3, 4};
    double[] x = {0.5, -1, 2, 3};
    double[] b = {0, 0, 1, 1};
    KernelShap.Explanation e = KernelShap.explain(4, masked(x, b, v -> linear(w, 0.5, v)), 100, 1);
    assertArrayEquals(new double[] {0.5, -2, 3, 8}, e.values(), 1e-9);
    assertEquals(linear(w, 0.5, b), e.base(), 1e-12);
    assertEquals(linear(w, 0.5, x), e.prediction(), 1e-12);
  }

  @Test
  void sampledCoalitionsStillExplainALinearModelExactly() {
    int m = 24; // 2^24 coalitions: sampled
    SplittableRandom random = new SplittableRandom(3);
    double[] w = new double[m];
    double[] x = new double[m];
    double[] b = new double[m];
    double[] expected = new double[m];
    for (int i = 0; i < m; i++) {
      w[i] = random.nextDouble(-2, 2);
      x[i] = random.nextDouble(-5, 5);
      b[i] = random.nextDouble(-1, 1);
      expected[i] = w[i] * (x[i] - b[i]);
    }
    KernelShap.Explanation e = KernelShap.explain(m, masked(x, b, v -> linear(w, -1, v)), 400, 7);
    assertArrayEquals(expected, e.values(), 1e-8);
  }

  @Test
  void anInteractionIsSharedEquallyAsShapleyValuesAre() {
    // f = x1 * x2 + x3 from a zero baseline: phi1 = phi2 = x1 x2 / 2, phi3 = x3.
    double[] x = {3, 4, -1};
    KernelShap.Explanation e =
        KernelShap.explain(3, masked(x, new double[3], v -> v[0] * v[1] + v[2]), 10, 1);
    assertArrayEquals(new double[] {6, 6, -1}, e.values(), 1e-9);
  }

  @Test
  void theValuesAddUpToThePredictionForANonlinearModel() {
    double[] x = {1, 2, 0.5, -1, 3};
    double[] b = {0, 0, 0, 0, 0};
    KernelShap.Explanation e =
        KernelShap.explain(
            5,
            masked(x, b, v -> Math.tanh(v[0] * v[1]) + v[2] * v[2] * v[3] + Math.exp(v[4] / 3)),
            64,
            1);
    double sum = e.base();
    for (double v : e.values()) {
      sum += v;
    }
    assertEquals(e.prediction(), sum, 1e-9);
  }
}
