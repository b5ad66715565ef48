package io.vitrum.streams.ml;

/**
 * One fully connected layer of a multi-layer perceptron: {@code y = W·x + b}, optionally followed
 * by a Tanh. The arrays are copied on the way in and out, so a layer once checked stays valid.
 *
 * @param weights the weight matrix, {@code [outputs][inputs]}
 * @param bias the bias vector, {@code [outputs]}
 * @param tanh whether a Tanh follows the affine map
 */
public record DenseLayer(float[][] weights, float[] bias, boolean tanh) {
  /**
   * Checks that the weights are a non-empty rectangular matrix, that the bias has one entry per
   * row, and that every value is finite.
   *
   * @throws IllegalArgumentException when any of these does not hold
   */
  public DenseLayer {
    if (weights == null || bias == null) {
      throw new IllegalArgumentException("weights and bias must not be null");
    }
    if (weights.length == 0) {
      throw new IllegalArgumentException("weights must have at least one row");
    }
    float[][] rows = new float[weights.length][];
    for (int r = 0; r < weights.length; r++) {
      if (weights[r] == null) {
        throw new IllegalArgumentException("weights row " + r + " is null");
      }
      if (weights[r].length == 0 || weights[r].length != weights[0].length) {
        throw new IllegalArgumentException(
            "weights row "
                + r
                + " has "
                + weights[r].length
                + " columns, row 0 has "
                + weights[0].length
                + " (rows must be equal and non-empty)");
      }
      rows[r] = checkFinite(weights[r], "weights row " + r);
    }
    if (bias.length != weights.length) {
      throw new IllegalArgumentException(
          "bias has " + bias.length + " entries, weights have " + weights.length + " rows");
    }
    weights = rows;
    bias = checkFinite(bias, "bias");
  }

  /** Returns a copy of the weight matrix, {@code [outputs][inputs]}. */
  @Override
  public float[][] weights() {
    float[][] copy = new float[weights.length][];
    for (int r = 0; r < weights.length; r++) {
      copy[r] = weights[r].clone();
    }
    return copy;
  }

  /** Returns a copy of the bias vector, {@code [outputs]}. */
  @Override
  public float[] bias() {
    return bias.clone();
  }

  /** Returns the number of inputs, the weight matrix's column count. */
  public int inputs() {
    return weights[0].length;
  }

  /** Returns the number of outputs, the weight matrix's row count. */
  public int outputs() {
    return weights.length;
  }

  private static float[] checkFinite(float[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(what + " has a non-finite value at " + i);
      }
    }
    return values.clone();
  }
}
