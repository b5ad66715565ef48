package io.vitrum.streams.inference;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The newest prediction per furnace on this node, with the window it came from (what an explanation
 * needs), for the API. Thread-safe.
 */
public final class LatestPredictions {
  private final ConcurrentMap<String, Predicted> byFurnace = new ConcurrentHashMap<>();

  public void put(Predicted p) {
    byFurnace.merge(
        p.prediction().furnace(),
        p,
        (old, fresh) -> fresh.prediction().at() >= old.prediction().at() ? fresh : old);
  }

  public Optional<Predicted> of(String furnace) {
    return Optional.ofNullable(byFurnace.get(furnace));
  }
}
