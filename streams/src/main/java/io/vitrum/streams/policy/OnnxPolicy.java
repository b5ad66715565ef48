package io.vitrum.streams.policy;

import io.vitrum.core.rl.ControlledSetpoints;
import io.vitrum.core.rl.Observation;
import io.vitrum.core.rl.PolicyFunction;
import io.vitrum.streams.ml.OnnxModel;

/** A served policy version run by ONNX Runtime, one observation at a time. Thread-safe. */
public final class OnnxPolicy implements PolicyFunction {
  private final OnnxModel model;

  public OnnxPolicy(OnnxModel model) {
    this.model = model;
  }

  /** The version this runs: {@code <name>/<version>} of its card. */
  public String version() {
    return model.card().name() + "/" + model.card().version();
  }

  @Override
  public double[] act(double[] observation) {
    if (observation.length != Observation.SIZE) {
      throw new IllegalArgumentException("expected " + Observation.SIZE + " observation values");
    }
    float[] x = new float[observation.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) observation[i];
    }
    float[] y =
        model
            .run(new OnnxModel.Tensor(x, new long[] {1, observation.length}))
            .get(PolicyExport.OUTPUT)
            .values();
    double[] out = new double[ControlledSetpoints.SIZE];
    for (int i = 0; i < out.length; i++) {
      out[i] = y[i];
    }
    return out;
  }
}
