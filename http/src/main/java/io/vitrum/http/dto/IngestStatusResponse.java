package io.vitrum.http.dto;

import io.vitrum.streams.ingest.Ingest;
import io.vitrum.streams.ingest.SourceStatus;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/ingest/status}: every source's connection state, readings received and rate, last
 * error and lag; quarantine counts by source and reason; configured tags that are silent and tags
 * seen that the tag map does not know; frames per furnace.
 */
public record IngestStatusResponse(
    boolean enabled,
    String kafka,
    List<Source> sources,
    Map<String, Map<String, Long>> quarantined,
    int tagsConfigured,
    int silentTagCount,
    List<String> silentTags,
    List<String> unknownTags,
    Map<String, Long> frames) {

  /** At most this many silent tags are listed (the count is always complete). */
  public static final int MAX_LISTED = 200;

  /**
   * One source.
   *
   * @param readingsPerSecond readings per second over the last ten seconds
   */
  public record Source(
      String name,
      String state,
      String endpoint,
      String since,
      long messages,
      long readings,
      double readingsPerSecond,
      Long lag,
      long reconnects,
      String lastError,
      String lastErrorAt) {
    static Source of(SourceStatus s) {
      return new Source(
          s.name(),
          s.state().name().toLowerCase(java.util.Locale.ROOT),
          s.endpoint(),
          s.since().toString(),
          s.messages(),
          s.readings(),
          s.readingsPerSecond(),
          s.lag(),
          s.reconnects(),
          s.lastError(),
          s.lastErrorAt() == null ? null : s.lastErrorAt().toString());
    }
  }

  /** Ingest is not running on this node (no Kafka configured). */
  public static IngestStatusResponse disabled() {
    return new IngestStatusResponse(
        false, "", List.of(), Map.of(), 0, 0, List.of(), List.of(), Map.of());
  }

  public static IngestStatusResponse of(Ingest ingest) {
    List<String> silent =
        ingest.status().silentTags(ingest.tagMaps().get(), ingest.settings().silentAfter());
    return new IngestStatusResponse(
        true,
        ingest.kafka().bootstrapServers(),
        ingest.status().sources().stream().map(Source::of).toList(),
        ingest.status().quarantineCounts(),
        ingest.tagMaps().get().sensors().size(),
        silent.size(),
        silent.subList(0, Math.min(MAX_LISTED, silent.size())),
        ingest.status().unknownTags(),
        ingest.frames().counts());
  }
}
