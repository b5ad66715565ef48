package io.vitrum.core.rl;

/**
 * A deterministic policy: the action for a raw {@link Observation} (engineering units), one value
 * per {@link ControlledSetpoints} parameter in units of its shield step. Implemented by the network
 * in training and by the exported ONNX graph in serving.
 */
@FunctionalInterface
public interface PolicyFunction {
  double[] act(double[] observation);
}
