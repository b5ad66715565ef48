/**
 * Serving: the model index and cards under {@code models/}, ONNX Runtime sessions checked against
 * their cards, and the models' adapters from engine data (frames, feature vectors) to tensors.
 */
package io.vitrum.streams.ml;
