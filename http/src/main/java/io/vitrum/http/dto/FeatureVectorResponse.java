package io.vitrum.http.dto;

import io.vitrum.core.features.FeatureVector;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A feature vector: its furnace, instant, run ({@code live} or a replay's id), layout version and
 * values by feature name ({@code null} for a window without readings).
 */
public record FeatureVectorResponse(
    String furnace, Instant at, String run, int schemaVersion, Map<String, Double> features) {

  public static FeatureVectorResponse of(FeatureVector v) {
    Map<String, Double> features = new LinkedHashMap<>();
    for (int i = 0; i < v.names().size(); i++) {
      double value = v.values()[i];
      features.put(v.names().get(i), Double.isFinite(value) ? value : null);
    }
    return new FeatureVectorResponse(
        v.furnace(), Instant.ofEpochMilli(v.at()), v.run(), v.schemaVersion(), features);
  }
}
