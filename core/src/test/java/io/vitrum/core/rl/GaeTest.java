package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaeTest {

  @Test
  void threeStepsByHand() {
    double[] rewards = {1, 2, 3};
    double[] values = {0.5, 1.0, 1.5};
    double bootstrap = 2.0;
    // γ = 0.9, λ = 0.8, γλ = 0.72.
    // δ2 = 3 + 0.9·2.0 − 1.5 = 3.3
    // δ1 = 2 + 0.9·1.5 − 1.0 = 2.35
    // δ0 = 1 + 0.9·1.0 − 0.5 = 1.4
    // A2 = δ2                 = 3.3
    // A1 = δ1 + 0.72·A2 = 2.35 + 2.376   = 4.726
    // A0 = δ0 + 0.72·A1 = 1.4  + 3.40272 = 4.80272
    double[] a = Ppo.advantages(rewards, values, bootstrap, 0.9, 0.8);
    assertArrayEquals(new double[] {4.80272, 4.726, 3.3}, a, 1e-12);
  }

  @Test
  void aTrueEndBootstrapsFromZero() {
    // δ0 = 1 + 0.9·1.0 − 0.5 = 1.4, δ1 = 2 + 0.9·0 − 1.0 = 1; A1 = 1, A0 = 1.4 + 0.72 = 2.12.
    double[] a = Ppo.advantages(new double[] {1, 2}, new double[] {0.5, 1.0}, 0, 0.9, 0.8);
    assertArrayEquals(new double[] {2.12, 1}, a, 1e-12);
  }

  @Test
  void lambdaOneIsTheDiscountedReturnMinusTheValue() {
    Random rnd = new Random(8);
    int n = 12;
    double gamma = 0.9;
    double[] rewards = random(rnd, n);
    double[] values = random(rnd, n);
    double bootstrap = rnd.nextGaussian();
    double[] a = Ppo.advantages(rewards, values, bootstrap, gamma, 1.0);
    for (int t = 0; t < n; t++) {
      // G_t = Σ_{k=t}^{n−1} γ^{k−t} r_k + γ^{n−t} bootstrap
      double g = 0;
      for (int k = t; k < n; k++) {
        g += Math.pow(gamma, k - t) * rewards[k];
      }
      g += Math.pow(gamma, n - t) * bootstrap;
      assertEquals(g - values[t], a[t], 1e-12, "t = " + t);
    }
  }

  @Test
  void lambdaZeroIsTheOneStepTdError() {
    Random rnd = new Random(9);
    int n = 12;
    double gamma = 0.97;
    double[] rewards = random(rnd, n);
    double[] values = random(rnd, n);
    double bootstrap = rnd.nextGaussian();
    double[] a = Ppo.advantages(rewards, values, bootstrap, gamma, 0.0);
    for (int t = 0; t < n; t++) {
      double next = t + 1 < n ? values[t + 1] : bootstrap;
      assertEquals(rewards[t] + gamma * next - values[t], a[t], 1e-12, "t = " + t);
    }
  }

  private static double[] random(Random rnd, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = rnd.nextGaussian();
    }
    return out;
  }
}
