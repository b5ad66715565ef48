package io.vitrum.streams.ingest;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The node's registry of source handles: what {@code GET /api/ingest/status} reports. */
public final class IngestStatus {
  private final Clock clock;
  private final ConcurrentMap<String, SourceHandle> sources = new ConcurrentHashMap<>();

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
}
