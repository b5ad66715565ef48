package io.vitrum.streams.policy;

import io.vitrum.core.rl.ActorCritic;
import io.vitrum.core.rl.Mlp;
import io.vitrum.core.rl.Observation;
import io.vitrum.core.rl.ObservationFeature;
import io.vitrum.streams.ml.DenseLayer;
import io.vitrum.streams.ml.OnnxMlpWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic policy (the actor's mean) as an ONNX graph: input {@value #INPUT}, float32
 * {@code [batch, 16]}, the raw {@link Observation} in engineering units; output {@value #OUTPUT},
 * float32 {@code [batch, 4]}, one action per controlled setpoint in shield steps. The observation's
 * centring and scaling are folded into the first layer ({@code W' = W / s}, {@code b' = b − W' c}),
 * so the graph needs no preprocessing.
 */
public final class PolicyExport {
  /** The graph's input name. */
  public static final String INPUT = "observation";

  /** The graph's output name. */
  public static final String OUTPUT = "action";

  private PolicyExport() {}

  /** The ONNX file's bytes for {@code net}'s actor. */
  public static byte[] onnx(ActorCritic net) {
    return OnnxMlpWriter.write("vitrum-policy", INPUT, OUTPUT, layers(net));
  }

  /** The actor's layers with the observation normalisation folded into the first. */
  static List<DenseLayer> layers(ActorCritic net) {
    Mlp actor = net.actor();
    double[] p = net.policyParameters();
    List<DenseLayer> out = new ArrayList<>();
    for (int l = 0; l < actor.layers(); l++) {
      int[] shape = actor.layerShape(l);
      int rows = shape[0];
      int cols = shape[1];
      int w = actor.layerOffset(l);
      float[][] weights = new float[rows][cols];
      float[] bias = new float[rows];
      for (int r = 0; r < rows; r++) {
        double b = p[w + rows * cols + r];
        for (int c = 0; c < cols; c++) {
          double weight = p[w + r * cols + c];
          if (l == 0) {
            ObservationFeature f = Observation.FEATURES.get(c);
            weight /= f.scale();
            b -= weight * f.centre();
          }
          weights[r][c] = (float) weight;
        }
        bias[r] = (float) b;
      }
      out.add(new DenseLayer(weights, bias, l < actor.layers() - 1));
    }
    return out;
  }
}
