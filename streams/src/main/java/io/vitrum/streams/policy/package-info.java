/**
 * The RL policy as a served model: the trained network exported to ONNX with its card, the ONNX
 * graph run as a {@link io.vitrum.core.rl.PolicyFunction}, and training runs that write a new
 * version into the models directory.
 */
package io.vitrum.streams.policy;
