package io.vitrum.streams.inference;

import io.vitrum.core.features.FeatureVector;
import java.util.List;

/** A prediction with the window of minute vectors it was computed from (oldest first). */
public record Predicted(Prediction prediction, List<FeatureVector> window) {}
