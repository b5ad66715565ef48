package io.vitrum.http.report;

import io.vitrum.streams.ingest.Ingest;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import io.vitrum.streams.ingest.kafka.QuarantineStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The quarantine records a node holds for the report: the newest of {@code vitrum.quarantine}, as
 * {@link QuarantineStore} keeps them (rebuilt from the topic at start, so they reach back before
 * the node's start, up to the store's capacity).
 */
@FunctionalInterface
public interface QuarantineLog {

  /** The records held, or empty when this node runs no ingest. */
  Optional<Held> held();

  /**
   * What is held.
   *
   * @param newestFirst the records, newest first
   * @param capacity how many the node holds at most: when it holds that many, older ones are gone
   */
  record Held(List<QuarantineRecord> newestFirst, int capacity) {}

  /** The quarantine store of {@code ingest}, when ingest runs. */
  static QuarantineLog of(Supplier<Optional<Ingest>> ingest) {
    return () ->
        ingest
            .get()
            .map(
                in -> {
                  int capacity = in.settings().quarantineCapacity();
                  return new Held(
                      in.quarantine().newest(capacity, null, null).stream()
                          .map(QuarantineStore.Entry::record)
                          .toList(),
                      capacity);
                });
  }
}
