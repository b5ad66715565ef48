package io.vitrum.streams.ingest.kafka;

import io.vitrum.core.plant.TagId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest delivered value of every tag, per furnace: what the twins are synced with.
 * Thread-safe.
 */
public final class LatestReadings {
  private final ConcurrentMap<String, ConcurrentMap<String, Double>> byFurnace =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Instant> latestTs = new ConcurrentHashMap<>();

  /** Records the newest value of {@code tag}. */
  public void put(String tag, double value, Instant ts) {
    String furnace = TagId.furnaceOf(tag);
    byFurnace.computeIfAbsent(furnace, f -> new ConcurrentHashMap<>()).put(tag, value);
    latestTs.merge(furnace, ts, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Furnace → (tag → latest value), a copy. */
  public Map<String, Map<String, Double>> snapshot() {
    Map<String, Map<String, Double>> out = new HashMap<>();
    byFurnace.forEach((f, m) -> out.put(f, Map.copyOf(m)));
    return out;
  }

  /** The newest reading timestamp of {@code furnace}, or {@code null}. */
  public Instant latest(String furnace) {
    return latestTs.get(furnace);
  }
}
