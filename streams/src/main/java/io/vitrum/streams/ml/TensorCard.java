package io.vitrum.streams.ml;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.core.ml.FeatureBins;
import java.util.ArrayList;
import java.util.List;

/**
 * One input or output of a model as its card describes it. A dimension is a number or a symbol such
 * as {@code "batch"} (any size).
 *
 * @param name the tensor's name in the ONNX graph
 * @param type element type, {@code float32}
 * @param shape dimensions
 * @param columns for an input read from feature vectors: the feature names, in order
 * @param mean per-column normalisation means (may be nested per node)
 * @param std per-column normalisation standard deviations
 * @param labels for an output: what its last axis means
 * @param reference for an input read from feature vectors: each column's training distribution as
 *     population-stability bins, {@code {"edges": [[...], ...], "fractions": [[...], ...]}} a list
 *     per column (absent: no drift figure)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TensorCard(
    String name,
    String type,
    List<JsonNode> shape,
    List<String> columns,
    JsonNode mean,
    JsonNode std,
    List<String> labels,
    JsonNode reference) {

  /** Each column's training bins, in column order; empty when the card records none. */
  public List<FeatureBins> bins() {
    if (reference == null || reference.isNull() || reference.isMissingNode()) {
      return List.of();
    }
    JsonNode edges = reference.path("edges");
    JsonNode fractions = reference.path("fractions");
    if (columns == null || edges.size() != columns.size() || fractions.size() != columns.size()) {
      throw new IllegalArgumentException(name + ": reference bins for each of its columns needed");
    }
    List<FeatureBins> out = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) {
      out.add(new FeatureBins(flatten(edges.get(c)), flatten(fractions.get(c))));
    }
    return out;
  }

  /** The shape with symbolic dimensions as {@code -1}, as ONNX Runtime reports them. */
  public long[] dims() {
    long[] dims = new long[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      JsonNode d = shape.get(i);
      dims[i] = d.isNumber() ? d.asLong() : -1;
    }
    return dims;
  }

  /** The normalisation means flattened (nested arrays row by row). */
  public double[] flatMean() {
    return flatten(mean);
  }

  /** The normalisation standard deviations flattened like {@link #flatMean}. */
  public double[] flatStd() {
    return flatten(std);
  }

  private static double[] flatten(JsonNode node) {
    if (node == null || node.isNull()) {
      return new double[0];
    }
    ArrayList<Double> out = new ArrayList<>();
    collect(node, out);
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void collect(JsonNode node, List<Double> out) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    } else {
      out.add(node.asDouble());
    }
  }
}
