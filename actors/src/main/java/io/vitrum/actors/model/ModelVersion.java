package io.vitrum.actors.model;

import io.vitrum.core.CborSerializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One registered, immutable version of a model, as checked when it was registered.
 *
 * @param version its number
 * @param sha256 of its ONNX file (equal to its card's)
 * @param inputs the graph's inputs as {@code name[dims]} ({@code -1}: any size)
 * @param outputs the graph's outputs, the same way
 * @param heldOut its card's held-out metrics
 * @param floorsMet whether its card says every quality floor was met
 * @param registeredAt when it was registered
 */
public record ModelVersion(
    String version,
    String sha256,
    List<String> inputs,
    List<String> outputs,
    Map<String, Double> heldOut,
    boolean floorsMet,
    Instant registeredAt)
    implements CborSerializable {
  public ModelVersion {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    heldOut = Map.copyOf(heldOut);
  }

  /** Whether both describe the same file (registering it again changes nothing). */
  boolean sameContents(ModelVersion other) {
    return sha256.equals(other.sha256)
        && inputs.equals(other.inputs)
        && outputs.equals(other.outputs);
  }
}
