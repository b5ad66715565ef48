/** Serving benchmarks: ONNX Runtime alone against the engine's stream paths, in one run. */
package io.vitrum.loadtests.inference;
