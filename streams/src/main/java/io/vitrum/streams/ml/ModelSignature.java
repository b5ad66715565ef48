package io.vitrum.streams.ml;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What identifies a model file: its sha256 and its graph's inputs and outputs written {@code
 * name[dims]} ({@code -1}: any size, e.g. {@code frames[-1, 1, 64, 64]}), as a card declares them
 * ({@link #declared}) or as the file has them ({@link #found}); sorted by name, so two compare
 * equal whatever order each lists them in.
 */
public record ModelSignature(String sha256, List<String> inputs, List<String> outputs) {
  public ModelSignature {
    inputs = inputs.stream().sorted().toList();
    outputs = outputs.stream().sorted().toList();
  }

  /** What {@code card} declares. */
  public static ModelSignature declared(ModelCard card) {
    return new ModelSignature(card.sha256(), tensors(card.inputs()), tensors(card.outputs()));
  }

  /**
   * What {@code file} is, read by ONNX Runtime.
   *
   * @throws IllegalArgumentException when ONNX Runtime cannot load it
   */
  public static ModelSignature found(Path file) {
    String sha = OnnxModel.sha256(file);
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session =
            OrtEnvironment.getEnvironment().createSession(file.toString(), options)) {
      return new ModelSignature(sha, nodes(session.getInputInfo()), nodes(session.getOutputInfo()));
    } catch (OrtException e) {
      throw new IllegalArgumentException("ONNX Runtime cannot load " + file + ": " + e, e);
    }
  }

  private static List<String> tensors(List<TensorCard> cards) {
    return cards.stream().map(t -> t.name() + Arrays.toString(t.dims())).toList();
  }

  private static List<String> nodes(Map<String, NodeInfo> info) {
    List<String> out = new ArrayList<>();
    info.forEach(
        (name, node) ->
            out.add(
                name
                    + (node.getInfo() instanceof TensorInfo t
                        ? Arrays.toString(t.getShape())
                        : "[not a tensor]")));
    return out;
  }
}
