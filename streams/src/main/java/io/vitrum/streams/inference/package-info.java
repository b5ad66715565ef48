/**
 * The models in the stream: micro-batched ONNX Runtime runs on their own dispatcher, reject
 * decisions for inspection frames, predictions from feature vectors.
 */
package io.vitrum.streams.inference;
