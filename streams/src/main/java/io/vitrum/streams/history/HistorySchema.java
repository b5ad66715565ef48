package io.vitrum.streams.history;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/**
 * The history keyspace and tables, created at start in the local profile and tests (production
 * applies the same CQL from its schema scripts). Blocks compact in daily time windows and expire by
 * TTL, so whole SSTables drop when their retention is over.
 */
final class HistorySchema {
  private HistorySchema() {}

  /** The CQL statements, in order. */
  static List<String> statements(HistorySettings settings) {
    String ks = settings.keyspace();
    return List.of(
        "CREATE KEYSPACE IF NOT EXISTS "
            + ks
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': "
            + settings.replicationFactor()
            + "}",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + ".raw_blocks (tag text, period bigint, window_start timestamp, points int,"
            + " data blob, PRIMARY KEY ((tag, period), window_start))"
            + " WITH compaction = {'class': 'TimeWindowCompactionStrategy',"
            + " 'compaction_window_unit': 'DAYS', 'compaction_window_size': 1}"
            + " AND gc_grace_seconds = 10800",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + ".rollups_1m (tag text, period bigint, hour timestamp, buckets blob,"
            + " PRIMARY KEY ((tag, period), hour))"
            + " WITH compaction = {'class': 'TimeWindowCompactionStrategy',"
            + " 'compaction_window_unit': 'DAYS', 'compaction_window_size': 30}"
            + " AND gc_grace_seconds = 10800",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + ".rollups_1h (tag text, period bigint, hour timestamp, count bigint, sum double,"
            + " sum_squares double, min double, max double, last_ts timestamp, last double,"
            + " PRIMARY KEY ((tag, period), hour))",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + ".tags_by_furnace (furnace text, tag text, PRIMARY KEY ((furnace), tag))");
  }

  static CompletionStage<Done> create(CassandraSession session, HistorySettings settings) {
    CompletionStage<Done> done = CompletableFuture.completedFuture(Done.getInstance());
    for (String cql : statements(settings)) {
      done = done.thenCompose(d -> session.executeDDL(cql));
    }
    return done;
  }
}
