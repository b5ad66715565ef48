package io.vitrum.streams.ml;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model card ({@code models/<name>/<version>/card.json}): what the file is (sha256), its inputs
 * and outputs, how it was trained and how well it did on held-out data. Model-specific sections (a
 * vision model's decision, a GNN's nodes) stay in {@link #raw}.
 *
 * @param name the model's name
 * @param version its version
 * @param task one sentence on what it predicts
 * @param sha256 of the ONNX file
 * @param inputs the graph's inputs
 * @param outputs the graph's outputs
 * @param metrics {@code heldOut}: figures on data never used in training
 * @param floors per held-out metric, {@code min} and/or {@code max}
 * @param floorsMet whether every floor was met
 * @param raw the whole card
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelCard(
    String name,
    String version,
    String task,
    String sha256,
    List<TensorCard> inputs,
    List<TensorCard> outputs,
    JsonNode metrics,
    Map<String, Map<String, Double>> floors,
    boolean floorsMet,
    JsonNode raw) {
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Reads {@code file}. */
  public static ModelCard read(Path file) {
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model card " + file, e);
    }
  }

  /** Parses a card's JSON. */
  public static ModelCard parse(byte[] json) {
    try {
      JsonNode tree = JSON.readTree(json);
      ModelCard card = JSON.treeToValue(tree, ModelCard.class);
      return new ModelCard(
          card.name,
          card.version,
          card.task,
          card.sha256,
          List.copyOf(card.inputs),
          List.copyOf(card.outputs),
          card.metrics,
          card.floors == null ? Map.of() : card.floors,
          card.floorsMet,
          tree);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a model card: " + e.getMessage(), e);
    }
  }

  /** A held-out metric, {@code NaN} when the card has none of that name. */
  public double heldOut(String metric) {
    JsonNode v = metrics == null ? null : metrics.path("heldOut").get(metric);
    return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
  }

  /**
   * Every numeric held-out metric, by name (nested figures such as a confusion matrix left out).
   */
  public Map<String, Double> heldOutFigures() {
    Map<String, Double> out = new TreeMap<>();
    if (metrics != null) {
      metrics
          .path("heldOut")
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isNumber()) {
                  out.put(e.getKey(), e.getValue().asDouble());
                }
              });
    }
    return out;
  }

  /** The input named {@code name}. */
  public TensorCard input(String name) {
    return inputs.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(this.name + " has no input " + name));
  }

  /** The output named {@code name}. */
  public TensorCard output(String name) {
    return outputs.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(this.name + " has no output " + name));
  }
}
