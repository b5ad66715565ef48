package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpTest {
  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-6;

  @Test
  void parameterCountAndOffsetsFollowTheLayerShapes() {
    Mlp net = new Mlp(3, 5, 4, 2);
    // Layer 0: 5×3 weights + 5 biases = 20; layer 1: 4×5 + 4 = 24; layer 2: 2×4 + 2 = 10.
    assertEquals(20 + 24 + 10, net.parameterCount());
    assertEquals(0, net.layerOffset(0));
    assertEquals(20, net.layerOffset(1));
    assertEquals(44, net.layerOffset(2));
    assertEquals(3, net.layers());
    assertEquals(3, net.inputs());
    assertEquals(2, net.outputs());
    assertArrayEquals(new int[] {4, 5}, net.layerShape(1));
    // The trainer's shape: 16 observations, 64 hidden, 4 actions.
    assertEquals(16 * 64 + 64 + 64 * 64 + 64 + 64 * 4 + 4, new Mlp(16, 64, 64, 4).parameterCount());
  }

  @Test
  void forwardUsesRowMajorWeightsThenBiasesTanhHiddenAndALinearOutput() {
    // 2 → 1 → 1: h = tanh(w00·x0 + w01·x1 + b0), out = v·h + c.
    Mlp net = new Mlp(2, 1, 1);
    double[] p = {0.5, -0.25, 0.1, 2.0, -0.3};
    double[] x = {1.2, 0.4};
    double hidden = Math.tanh(0.5 * 1.2 - 0.25 * 0.4 + 0.1);
    assertEquals(2.0 * hidden - 0.3, net.forward(p, 0, x)[0], 1e-15);
    // The same parameters further into a larger array.
    double[] padded = new double[p.length + 3];
    System.arraycopy(p, 0, padded, 3, p.length);
    assertEquals(2.0 * hidden - 0.3, net.forward(padded, 3, x)[0], 1e-15);
  }

  @Test
  void backwardMatchesCentralFiniteDifferences() {
    Random rnd = new Random(3);
    Mlp net = new Mlp(3, 5, 4, 2);
    for (int trial = 0; trial < 5; trial++) {
      double[] params = new double[net.parameterCount()];
      for (int i = 0; i < params.length; i++) {
        params[i] = 0.8 * rnd.nextGaussian();
      }
      double[] x = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
      double[] c = {rnd.nextGaussian(), rnd.nextGaussian()};

      double[] grad = new double[net.parameterCount()];
      net.backward(params, 0, net.trace(params, 0, x), c, grad, 0);

      for (int j = 0; j < params.length; j++) {
        double saved = params[j];
        params[j] = saved + H;
        double up = loss(net, params, 0, x, c);
        params[j] = saved - H;
        double down = loss(net, params, 0, x, c);
        params[j] = saved;
        double numeric = (up - down) / (2 * H);
        assertClose(numeric, grad[j], "trial " + trial + " parameter " + j);
      }
    }
  }

  @Test
  void backwardAddsAtTheGivenOffsetsAndLeavesTheRestAlone() {
    Random rnd = new Random(5);
    Mlp net = new Mlp(3, 5, 4, 2);
    int n = net.parameterCount();
    double[] params = new double[n];
    for (int i = 0; i < n; i++) {
      params[i] = 0.8 * rnd.nextGaussian();
    }
    double[] x = {0.3, -1.1, 0.7};
    double[] c = {0.9, -0.4};
    double[] plain = new double[n];
    net.backward(params, 0, net.trace(params, 0, x), c, plain, 0);

    // Parameters at offset 7 of a longer array, gradient written from offset 2 of one that
    // already holds 1.0 everywhere.
    double[] shifted = new double[n + 10];
    System.arraycopy(params, 0, shifted, 7, n);
    double[] grad = new double[n + 5];
    Arrays.fill(grad, 1.0);
    net.backward(shifted, 7, net.trace(shifted, 7, x), c, grad, 2);
    for (int i = 0; i < grad.length; i++) {
      double expected = i >= 2 && i < 2 + n ? 1.0 + plain[i - 2] : 1.0;
      assertEquals(expected, grad[i], 1e-15, "gradient " + i);
    }
    assertTrue(Arrays.stream(plain).anyMatch(g -> Math.abs(g) > 1e-3));
  }

  private static double loss(Mlp net, double[] params, int offset, double[] x, double[] c) {
    double[] out = net.forward(params, offset, x);
    double l = 0;
    for (int i = 0; i < out.length; i++) {
      l += c[i] * out[i];
    }
    return l;
  }

  /**
   * Relative error below {@link #TOLERANCE}, relative to the larger magnitude but at least 1e-3
   * (central differences with h = 1e-6 carry about 1e-10 of rounding error, which would dominate
   * the relative error of a gradient that is itself nearly zero).
   */
  static void assertClose(double numeric, double analytic, String what) {
    double scale = Math.max(1e-3, Math.max(Math.abs(numeric), Math.abs(analytic)));
    double error = Math.abs(numeric - analytic) / scale;
    assertTrue(
        error < TOLERANCE,
        "%s: analytic %s, numeric %s, relative error %s".formatted(what, analytic, numeric, error));
  }
}
