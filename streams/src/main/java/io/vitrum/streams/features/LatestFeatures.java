package io.vitrum.streams.features;

import io.vitrum.core.features.FeatureVector;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The newest feature vector of each furnace that a run has computed on this node. */
public final class LatestFeatures {
  private final ConcurrentMap<String, FeatureVector> latest = new ConcurrentHashMap<>();

  /** Keeps {@code vector} if it is newer than the furnace's last. */
  public void put(FeatureVector vector) {
    latest.merge(vector.furnace(), vector, (old, v) -> v.at() >= old.at() ? v : old);
  }

  /** The furnace's newest vector, if any. */
  public Optional<FeatureVector> of(String furnace) {
    return Optional.ofNullable(latest.get(furnace));
  }
}
