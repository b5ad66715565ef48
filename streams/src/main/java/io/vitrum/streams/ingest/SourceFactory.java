package io.vitrum.streams.ingest;

import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import java.util.List;
import java.util.Optional;

/**
 * Makes one protocol's source from the current tag map, when that protocol is configured. Sources
 * that subscribe to the map's rows (OPC UA monitored items, Modbus polls) are made again whenever
 * the map changes; the others read the map as they go.
 */
public interface SourceFactory {

  /** The protocol's source name. */
  String name();

  /** Whether a changed tag map needs a new source (its subscriptions follow the rows). */
  boolean followsTagMap();

  /**
   * The rows of {@code map} a source subscribes to; a changed map makes a new source only when
   * these change.
   */
  default List<TagMapRow> rows(TagMap map) {
    return List.of();
  }

  /** The source for {@code map}, or empty when this protocol is not configured or has no rows. */
  Optional<IngestSource<?>> create(TagMap map);
}
