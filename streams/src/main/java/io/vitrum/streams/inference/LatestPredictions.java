package io.vitrum.streams.inference;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The newest prediction per furnace on this node, for the API. Thread-safe. */
public final class LatestPredictions {
  private final ConcurrentMap<String, Prediction> byFurnace = new ConcurrentHashMap<>();

  public void put(Prediction p) {
    byFurnace.merge(p.furnace(), p, (old, fresh) -> fresh.at() >= old.at() ? fresh : old);
  }

  public Optional<Prediction> of(String furnace) {
    return Optional.ofNullable(byFurnace.get(furnace));
  }
}
