package io.vitrum.http.dto;

import io.vitrum.core.ingest.TagMapError;
import io.vitrum.streams.ingest.TagMapApplied;
import java.util.List;

/**
 * {@code POST /api/tag-map}: what the posted file did. Good rows apply even when others are
 * refused; each refused row is named by its line.
 */
public record TagMapResponse(
    int rows, int sensorsConfigured, int setpointRows, int total, List<RowError> errors) {

  /** A refused row. */
  public record RowError(int line, String tag, String reason) {}

  public static TagMapResponse of(TagMapApplied applied) {
    return new TagMapResponse(
        applied.rows(),
        applied.sensorsConfigured(),
        applied.setpointRows(),
        applied.total(),
        applied.errors().stream().map(TagMapResponse::error).toList());
  }

  private static RowError error(TagMapError e) {
    return new RowError(e.line(), e.tag(), e.reason());
  }
}
