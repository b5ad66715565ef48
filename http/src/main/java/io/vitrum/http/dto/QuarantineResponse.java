package io.vitrum.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import io.vitrum.streams.ingest.kafka.QuarantineStore;
import java.util.List;

/** {@code GET /api/quarantine}: the newest quarantined input, newest first. */
public record QuarantineResponse(int count, List<Entry> records) {

  /** One quarantined input and where it sits in {@code vitrum.quarantine}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      int partition,
      long offset,
      String at,
      String source,
      String reason,
      String detail,
      String tag,
      String ts,
      Double value,
      String payloadEncoding,
      String payload) {
    static Entry of(QuarantineStore.Entry e) {
      QuarantineRecord r = e.record();
      return new Entry(
          e.partition(),
          e.offset(),
          r.at(),
          r.source(),
          r.reason(),
          r.detail(),
          r.tag(),
          r.ts(),
          r.value(),
          r.payloadEncoding(),
          r.payload());
    }
  }

  public static QuarantineResponse of(List<QuarantineStore.Entry> entries) {
    return new QuarantineResponse(entries.size(), entries.stream().map(Entry::of).toList());
  }
}
