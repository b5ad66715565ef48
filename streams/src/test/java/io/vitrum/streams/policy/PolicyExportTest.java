package io.vitrum.streams.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.vitrum.core.rl.ActorCritic;
import io.vitrum.core.rl.ControlledSetpoints;
import io.vitrum.core.rl.Observation;
import io.vitrum.core.rl.ObservationFeature;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exported graph is the trained policy: on raw observations ONNX Runtime gives the same actions
 * as the Java network on normalised ones, so the folded normalisation is right.
 */
class PolicyExportTest {

  @Test
  void theExportedGraphActsAsTheJavaPolicyOnRawObservations() throws Exception {
    Random rnd = new Random(3);
    ActorCritic net =
        ActorCritic.create(Observation.SIZE, ControlledSetpoints.SIZE, 16, Math.log(0.5), rnd);
    // the fresh actor's output layer is scaled down: give it weight so the test sees every layer
    double[] p = net.policyParameters();
    for (int i = 0; i < net.actor().parameterCount(); i++) {
      p[i] += 0.3 * rnd.nextGaussian();
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session =
        env.createSession(PolicyExport.onnx(net), new OrtSession.SessionOptions())) {
      for (int k = 0; k < 20; k++) {
        double[] raw = new double[Observation.SIZE];
        float[] x = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
          ObservationFeature f = Observation.FEATURES.get(i);
          raw[i] = f.centre() + f.scale() * rnd.nextGaussian();
          x[i] = (float) raw[i];
        }
        double[] expected = net.meanPolicy().act(raw);
        try (OnnxTensor in =
                OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, raw.length});
            OrtSession.Result out = session.run(Map.of(PolicyExport.INPUT, in))) {
          float[][] y = (float[][]) out.get(PolicyExport.OUTPUT).orElseThrow().getValue();
          assertEquals(ControlledSetpoints.SIZE, y[0].length);
          double[] actual = new double[y[0].length];
          for (int i = 0; i < actual.length; i++) {
            actual[i] = y[0][i];
          }
          assertArrayEquals(expected, actual, 1e-3);
        }
      }
    }
  }
}
