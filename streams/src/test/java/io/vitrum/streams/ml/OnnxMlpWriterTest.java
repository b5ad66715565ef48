package io.vitrum.streams.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxMlpWriterTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  @Test
  void aThreeLayerMlpRunsInOnnxRuntimeAsInJava() throws OrtException {
    Random random = new Random(42);
    List<DenseLayer> layers =
        List.of(
            layer(random, 7, 16, true), layer(random, 16, 16, true), layer(random, 16, 4, false));
    byte[] model = OnnxMlpWriter.write("policy", "obs", "action", layers);

    try (OrtSession session = ENV.createSession(model, new OrtSession.SessionOptions())) {
      assertEquals(List.of("obs"), List.copyOf(session.getInputNames()));
      assertEquals(List.of("action"), List.copyOf(session.getOutputNames()));
      assertArrayEquals(new long[] {-1, 7}, shape(session.getInputInfo().get("obs").getInfo()));
      assertArrayEquals(new long[] {-1, 4}, shape(session.getOutputInfo().get("action").getInfo()));

      float[][] batch = rows(random, 3, 7);
      assertRowsClose(forward(layers, batch), run(session, "obs", batch));
    }
  }

  @Test
  void layersWhoseSizesDoNotChainAreRefused() {
    Random random = new Random(7);
    List<DenseLayer> layers = List.of(layer(random, 7, 16, true), layer(random, 15, 4, false));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> OnnxMlpWriter.write("g", "x", "y", layers));
    assertTrue(e.getMessage().contains("layer 1 takes 15 inputs"), e.getMessage());
  }

  @Test
  void aSingleLinearLayerRuns() throws OrtException {
    Random random = new Random(3);
    List<DenseLayer> layers = List.of(layer(random, 5, 2, false));
    byte[] model = OnnxMlpWriter.write("linear", "x", "y", layers);

    try (OrtSession session = ENV.createSession(model, new OrtSession.SessionOptions())) {
      assertArrayEquals(new long[] {-1, 5}, shape(session.getInputInfo().get("x").getInfo()));
      assertArrayEquals(new long[] {-1, 2}, shape(session.getOutputInfo().get("y").getInfo()));
      float[][] batch = rows(random, 3, 5);
      assertRowsClose(forward(layers, batch), run(session, "x", batch));
    }
  }

  private static DenseLayer layer(Random random, int in, int out, boolean tanh) {
    return new DenseLayer(rows(random, out, in), rows(random, 1, out)[0], tanh);
  }

  private static float[][] rows(Random random, int rows, int columns) {
    float[][] values = new float[rows][columns];
    for (float[] row : values) {
      for (int c = 0; c < columns; c++) {
        row[c] = (float) random.nextGaussian() * 0.5f;
      }
    }
    return values;
  }

  private static long[] shape(ValueInfo info) {
    return ((TensorInfo) info).getShape();
  }

  /** The reference: each layer's y = W·x + b, then tanh where asked, in double precision. */
  private static float[][] forward(List<DenseLayer> layers, float[][] batch) {
    float[][] x = batch;
    for (DenseLayer layer : layers) {
      float[][] w = layer.weights();
      float[] b = layer.bias();
      float[][] y = new float[x.length][layer.outputs()];
      for (int n = 0; n < x.length; n++) {
        for (int o = 0; o < layer.outputs(); o++) {
          double sum = b[o];
          for (int i = 0; i < layer.inputs(); i++) {
            sum += (double) w[o][i] * x[n][i];
          }
          y[n][o] = (float) (layer.tanh() ? Math.tanh(sum) : sum);
        }
      }
      x = y;
    }
    return x;
  }

  private static float[][] run(OrtSession session, String input, float[][] batch)
      throws OrtException {
    int width = batch[0].length;
    FloatBuffer values = FloatBuffer.allocate(batch.length * width);
    for (float[] row : batch) {
      values.put(row);
    }
    values.flip();
    try (OnnxTensor x = OnnxTensor.createTensor(ENV, values, new long[] {batch.length, width});
        OrtSession.Result result = session.run(Map.of(input, x))) {
      float[][] y = (float[][]) result.get(0).getValue();
      assertEquals(batch.length, y.length);
      return y;
    }
  }

  private static void assertRowsClose(float[][] expected, float[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int n = 0; n < expected.length; n++) {
      assertArrayEquals(expected[n], actual[n], 1e-5f, "row " + n);
    }
  }
}
