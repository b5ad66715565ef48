package io.vitrum.core.rl;

import java.util.Arrays;
import java.util.Random;

/**
 * The shape of a fully connected network with tanh hidden layers and a linear output, over a flat
 * parameter array: per layer its weights {@code [out][in]} row-major, then its biases. The
 * parameters live with the caller (an optimiser updates them in place), so one shape serves any
 * number of parameter sets. Immutable and thread-safe.
 */
public final class Mlp {
  private final int[] sizes;
  private final int[] offsets;
  private final int parameterCount;

  /** A network with layer widths {@code sizes}: input first, output last. */
  public Mlp(int... sizes) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("a network has an input and an output layer");
    }
    this.sizes = sizes.clone();
    this.offsets = new int[sizes.length - 1];
    int n = 0;
    for (int l = 0; l < sizes.length - 1; l++) {
      if (sizes[l] < 1 || sizes[l + 1] < 1) {
        throw new IllegalArgumentException("layer widths must be positive");
      }
      offsets[l] = n;
      n += sizes[l + 1] * sizes[l] + sizes[l + 1];
    }
    this.parameterCount = n;
  }

  public int parameterCount() {
    return parameterCount;
  }

  public int inputs() {
    return sizes[0];
  }

  public int outputs() {
    return sizes[sizes.length - 1];
  }

  /** Number of weight layers. */
  public int layers() {
    return sizes.length - 1;
  }

  /** Widths of layer {@code l}'s input and output. */
  public int[] layerShape(int l) {
    return new int[] {sizes[l + 1], sizes[l]};
  }

  /** Where layer {@code l}'s weights start in the parameters (its biases follow them). */
  public int layerOffset(int l) {
    return offsets[l];
  }

  /**
   * Fresh parameters: uniform in ±sqrt(6 / (in + out)) per layer (Glorot), the output layer scaled
   * by {@code outputScale}, biases zero.
   */
  public double[] initialise(Random rnd, double outputScale) {
    double[] p = new double[parameterCount];
    for (int l = 0; l < layers(); l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double bound = Math.sqrt(6.0 / (in + out)) * (l == layers() - 1 ? outputScale : 1);
      for (int i = 0; i < in * out; i++) {
        p[offsets[l] + i] = (2 * rnd.nextDouble() - 1) * bound;
      }
    }
    return p;
  }

  /** The output for input {@code x}. */
  public double[] forward(double[] params, int offset, double[] x) {
    return trace(params, offset, x).output();
  }

  /** The activations of every layer for input {@code x}, for {@link #backward}. */
  public Trace trace(double[] params, int offset, double[] x) {
    if (x.length != sizes[0]) {
      throw new IllegalArgumentException("expected " + sizes[0] + " inputs, got " + x.length);
    }
    double[][] activations = new double[sizes.length][];
    activations[0] = x;
    for (int l = 0; l < layers(); l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      int w = offset + offsets[l];
      int b = w + in * out;
      double[] prev = activations[l];
      double[] next = new double[out];
      boolean hidden = l < layers() - 1;
      for (int o = 0; o < out; o++) {
        double sum = params[b + o];
        int row = w + o * in;
        for (int i = 0; i < in; i++) {
          sum += params[row + i] * prev[i];
        }
        next[o] = hidden ? Math.tanh(sum) : sum;
      }
      activations[l + 1] = next;
    }
    return new Trace(activations);
  }

  /**
   * Adds to {@code grad} (from {@code gradOffset}) the gradient of a loss with respect to the
   * parameters, given the loss's gradient {@code dOutput} with respect to the output of {@code
   * trace}.
   */
  public void backward(
      double[] params, int offset, Trace trace, double[] dOutput, double[] grad, int gradOffset) {
    double[] delta = dOutput.clone();
    for (int l = layers() - 1; l >= 0; l--) {
      int in = sizes[l];
      int out = sizes[l + 1];
      int w = offsets[l];
      int b = w + in * out;
      double[] prev = trace.activations[l];
      double[] back = l > 0 ? new double[in] : null;
      for (int o = 0; o < out; o++) {
        double d = delta[o];
        if (d == 0) {
          continue;
        }
        grad[gradOffset + b + o] += d;
        int row = w + o * in;
        for (int i = 0; i < in; i++) {
          grad[gradOffset + row + i] += d * prev[i];
          if (back != null) {
            back[i] += d * params[offset + row + i];
          }
        }
      }
      if (back != null) {
        for (int i = 0; i < in; i++) {
          double a = prev[i];
          back[i] *= 1 - a * a;
        }
        delta = back;
      }
    }
  }

  /** The activations of one forward pass, input first. */
  public static final class Trace {
    private final double[][] activations;

    private Trace(double[][] activations) {
      this.activations = activations;
    }

    /** The network's output. */
    public double[] output() {
      return activations[activations.length - 1];
    }
  }

  @Override
  public String toString() {
    return "Mlp" + Arrays.toString(sizes);
  }
}
