package io.vitrum.streams.ml;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a multi-layer perceptron as an ONNX model, so a policy network trained in Java can be
 * served by ONNX Runtime like any other model. Each {@link DenseLayer} becomes a {@code Gemm} node
 * ({@code transB=1}, weights and bias as float32 initializers), followed by a {@code Tanh} node
 * where the layer asks for one; the input and output are float32 {@code [batch, n]}.
 *
 * <p>The protobuf is encoded by hand (IR version 8, default opset 17) because the JVM side has no
 * ONNX builder library; only the few fields of onnx.proto that such a graph needs are written.
 */
public final class OnnxMlpWriter {
  private static final int IR_VERSION = 8;
  private static final int OPSET_VERSION = 17;
  private static final int FLOAT = 1; // TensorProto.DataType.FLOAT
  private static final int ATTRIBUTE_INT = 2; // AttributeProto.AttributeType.INT

  private OnnxMlpWriter() {}

  /**
   * Encodes {@code layers}, applied in order, as a serialized ONNX ModelProto.
   *
   * @param graphName the graph's name
   * @param inputName the name of the float32 {@code [batch, layers[0].inputs()]} input
   * @param outputName the name of the float32 {@code [batch, last.outputs()]} output
   * @param layers the layers, at least one, each one's inputs the previous one's outputs
   * @return the model's bytes, ready for {@code OrtEnvironment.createSession(byte[], ...)}
   * @throws IllegalArgumentException when there are no layers, consecutive sizes do not match, or
   *     the names are missing or clash with each other or with the graph's internal names
   */
  public static byte[] write(
      String graphName, String inputName, String outputName, List<DenseLayer> layers) {
    if (graphName == null || layers == null || layers.isEmpty()) {
      throw new IllegalArgumentException("a graph name and at least one layer are required");
    }
    for (int i = 1; i < layers.size(); i++) {
      if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
        throw new IllegalArgumentException(
            "layer "
                + i
                + " takes "
                + layers.get(i).inputs()
                + " inputs, layer "
                + (i - 1)
                + " gives "
                + layers.get(i - 1).outputs()
                + " outputs");
      }
    }
    Set<String> names = new HashSet<>();
    claim(names, inputName);
    claim(names, outputName);

    Proto graph = new Proto();
    String x = inputName;
    for (int i = 0; i < layers.size(); i++) {
      DenseLayer layer = layers.get(i);
      boolean last = i == layers.size() - 1;
      String w = claim(names, "layer" + i + ".weight");
      String b = claim(names, "layer" + i + ".bias");
      graph.message(5, tensor(w, new long[] {layer.outputs(), layer.inputs()}, flat(layer)));
      graph.message(5, tensor(b, new long[] {layer.outputs()}, layer.bias()));

      String gemm = last && !layer.tanh() ? outputName : claim(names, "layer" + i + ".gemm");
      Proto transB = new Proto().string(1, "transB").varint(3, 1).varint(20, ATTRIBUTE_INT);
      graph.message(1, node("layer" + i + "/Gemm", "Gemm", List.of(x, w, b), gemm, transB));
      x = gemm;
      if (layer.tanh()) {
        String tanh = last ? outputName : claim(names, "layer" + i + ".tanh");
        graph.message(1, node("layer" + i + "/Tanh", "Tanh", List.of(x), tanh, null));
        x = tanh;
      }
    }
    graph.string(2, graphName);
    graph.message(11, valueInfo(inputName, layers.get(0).inputs()));
    graph.message(12, valueInfo(outputName, layers.get(layers.size() - 1).outputs()));

    Proto opset = new Proto().string(1, "").varint(2, OPSET_VERSION);
    return new Proto()
        .varint(1, IR_VERSION)
        .string(2, "vitrum")
        .message(7, graph)
        .message(8, opset)
        .toByteArray();
  }

  private static String claim(Set<String> names, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("input and output names must not be empty");
    }
    if (!names.add(name)) {
      throw new IllegalArgumentException("the name " + name + " is used twice in the graph");
    }
    return name;
  }

  private static float[] flat(DenseLayer layer) {
    float[] values = new float[layer.outputs() * layer.inputs()];
    float[][] weights = layer.weights();
    for (int r = 0; r < weights.length; r++) {
      System.arraycopy(weights[r], 0, values, r * layer.inputs(), layer.inputs());
    }
    return values;
  }

  /** TensorProto{dims=1, data_type=2, name=8, raw_data=9}. */
  private static Proto tensor(String name, long[] dims, float[] values) {
    Proto tensor = new Proto();
    for (long dim : dims) {
      tensor.varint(1, dim);
    }
    ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES);
    raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
    return tensor.varint(2, FLOAT).string(8, name).bytes(9, raw.array());
  }

  /** NodeProto{input=1, output=2, name=3, op_type=4, attribute=5}. */
  private static Proto node(
      String name, String opType, List<String> inputs, String output, Proto attribute) {
    Proto node = new Proto();
    for (String input : inputs) {
      node.string(1, input);
    }
    node.string(2, output).string(3, name).string(4, opType);
    return attribute == null ? node : node.message(5, attribute);
  }

  /** ValueInfoProto{name=1, type=2: TypeProto{tensor_type=1: {elem_type=1, shape=2}}}. */
  private static Proto valueInfo(String name, int width) {
    Proto shape =
        new Proto()
            .message(1, new Proto().string(2, "batch"))
            .message(1, new Proto().varint(1, width));
    Proto tensorType = new Proto().varint(1, FLOAT).message(2, shape);
    return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
  }

  /** Protobuf wire format: one message under construction, fields appended in call order. */
  private static final class Proto {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long value) {
      tag(field, VARINT);
      raw(value);
      return this;
    }

    Proto string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto message) {
      return bytes(field, message.toByteArray());
    }

    Proto bytes(int field, byte[] value) {
      tag(field, LENGTH_DELIMITED);
      raw(value.length);
      out.writeBytes(value);
      return this;
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    private void tag(int field, int wireType) {
      raw(((long) field << 3) | wireType);
    }

    /** Base-128 varint, low group first; negative values take ten bytes, as protobuf's do. */
    private void raw(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) ((value & 0x7F) | 0x80));
        value >>>= 7;
      }
      out.write((int) value);
    }
  }
}
