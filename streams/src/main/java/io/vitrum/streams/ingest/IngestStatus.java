package io.vitrum.streams.ingest;

import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's view of its ingest, for {@code GET /api/ingest/status}: every source's handle, when
 * each tag was last accepted, tags seen that the tag map does not know, and quarantine counts by
 * source and reason. Thread-safe.
 */
public final class IngestStatus {
  /** At most this many unknown tag names are remembered (a flood of garbage stays bounded). */
  public static final int MAX_UNKNOWN_TAGS = 1000;

  private final Clock clock;
  private final ConcurrentMap<String, SourceHandle> sources = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Instant> lastAccepted = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Instant> unknown = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicLong> quarantined = new ConcurrentHashMap<>();

  public IngestStatus(Clock clock) {
    this.clock = clock;
  }

  /** The handle of source {@code name}, created on first use. */
  public SourceHandle handle(String name) {
    return sources.computeIfAbsent(name, n -> new SourceHandle(n, clock));
  }

  /** Every source's status, by name. */
  public List<SourceStatus> sources() {
    return sources.values().stream()
        .map(SourceHandle::status)
        .sorted(Comparator.comparing(SourceStatus::name))
        .toList();
  }

  /** A reading of {@code tag} stamped {@code ts} was accepted. */
  public void accepted(String tag, Instant ts) {
    lastAccepted.merge(tag, ts, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Input from {@code source} was quarantined for {@code reason} (a rejection code's wire). */
  public void quarantined(String source, String reason, String tag, boolean unknownTag) {
    quarantined
        .computeIfAbsent(source + '\u0000' + reason, k -> new AtomicLong())
        .incrementAndGet();
    if (unknownTag
        && tag != null
        && (unknown.size() < MAX_UNKNOWN_TAGS || unknown.containsKey(tag))) {
      unknown.put(tag, clock.instant());
    }
  }

  /** Quarantine counts: source → reason → count. */
  public Map<String, Map<String, Long>> quarantineCounts() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    quarantined.forEach(
        (key, count) -> {
          int cut = key.indexOf('\u0000');
          out.computeIfAbsent(key.substring(0, cut), s -> new TreeMap<>())
              .put(key.substring(cut + 1), count.get());
        });
    return out;
  }

  /** Tags seen that the tag map does not name, sorted. */
  public List<String> unknownTags() {
    return unknown.keySet().stream().sorted().toList();
  }

  /**
   * Tags of {@code map} with no accepted reading in the last {@code silentAfter} (never seen, or
   * gone quiet), sorted.
   */
  public List<String> silentTags(TagMap map, Duration silentAfter) {
    Instant cutoff = clock.instant().minus(silentAfter);
    return map.sensors().stream()
        .map(TagMapRow::tag)
        .filter(t -> lastAccepted.getOrDefault(t, Instant.MIN).isBefore(cutoff))
        .sorted()
        .toList();
  }

  /** When {@code tag}'s last accepted reading was stamped, if ever. */
  public Instant lastAccepted(String tag) {
    return lastAccepted.get(tag);
  }
}
