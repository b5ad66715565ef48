package io.vitrum.http.audit;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The audit trail in Cassandra: one row per entry in {@code audit_by_hour}, partitioned by the hour
 * it was answered in (bounded partitions at any command rate), newest first within the hour. A
 * query walks the hours of its range backwards and stops at its limit; furnace and actor are
 * filtered as rows are read.
 */
public final class CassandraAuditTrail implements AuditTrail {
  static final String TABLE = "audit_by_hour";
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  private final CassandraSession session;
  private final String table;
  private final CompletionStage<PreparedStatement> insert;
  private final CompletionStage<PreparedStatement> select;

  private CassandraAuditTrail(CassandraSession session, AuditSettings settings) {
    this.session = session;
    this.table = settings.keyspace() + "." + TABLE;
    CompletionStage<Done> ready =
        settings.createTables()
            ? createTables(session, settings)
            : CompletableFuture.completedFuture(Done.getInstance());
    this.insert =
        ready.thenCompose(
            d ->
                session.prepare(
                    "INSERT INTO "
                        + table
                        + " (hour, at, id, actor, roles, furnace, action, path, status, outcome,"
                        + " correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    this.select =
        ready.thenCompose(
            d ->
                session.prepare(
                    "SELECT at, id, actor, roles, furnace, action, path, status, outcome,"
                        + " correlation_id FROM "
                        + table
                        + " WHERE hour = ? AND at >= ? AND at < ?"));
  }

  /**
   * The trail over the node's Cassandra session of its own tables ({@code
   * vitrum.cassandra-session}).
   */
  public static CassandraAuditTrail create(ActorSystem<?> system, AuditSettings settings) {
    CassandraSession session =
        CassandraSessionRegistry.get(system)
            .sessionFor(CassandraSessionSettings.create("vitrum.cassandra-session"));
    return new CassandraAuditTrail(session, settings);
  }

  private static CompletionStage<Done> createTables(
      CassandraSession session, AuditSettings settings) {
    long ttl = settings.retention().toSeconds();
    return session
        .executeDDL(
            "CREATE KEYSPACE IF NOT EXISTS "
                + settings.keyspace()
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}")
        .thenCompose(
            d ->
                session.executeDDL(
                    "CREATE TABLE IF NOT EXISTS "
                        + settings.keyspace()
                        + "."
                        + TABLE
                        + " (hour text, at timestamp, id text, actor text, roles list<text>,"
                        + " furnace text, action text, path text, status int, outcome text,"
                        + " correlation_id text, PRIMARY KEY ((hour), at, id))"
                        + " WITH CLUSTERING ORDER BY (at DESC, id ASC)"
                        + " AND default_time_to_live = "
                        + ttl));
  }

  @Override
  public CompletionStage<Done> record(AuditEntry e) {
    return insert.thenCompose(
        statement ->
            session.executeWrite(
                statement.bind(
                    HOUR.format(e.at()),
                    e.at(),
                    e.id(),
                    e.actor(),
                    e.roles(),
                    e.furnace(),
                    e.action(),
                    e.path(),
                    e.status(),
                    e.outcome(),
                    e.correlationId())));
  }

  @Override
  public CompletionStage<List<AuditEntry>> find(AuditQuery query) {
    List<AuditEntry> found = new ArrayList<>();
    Instant lastHour = query.to().minusNanos(1).truncatedTo(ChronoUnit.HOURS);
    return select.thenCompose(statement -> walk(statement, query, lastHour, found));
  }

  private CompletionStage<List<AuditEntry>> walk(
      PreparedStatement statement, AuditQuery query, Instant hour, List<AuditEntry> found) {
    if (found.size() >= query.limit()
        || hour.plus(1, ChronoUnit.HOURS).isBefore(query.from())
        || hour.plus(1, ChronoUnit.HOURS).equals(query.from())) {
      return CompletableFuture.completedFuture(found);
    }
    return session
        .selectAll(statement.bind(HOUR.format(hour), query.from(), query.to()))
        .thenCompose(
            rows -> {
              for (Row row : rows) {
                AuditEntry e = entry(row);
                if (query.matches(e) && found.size() < query.limit()) {
                  found.add(e);
                }
              }
              return walk(statement, query, hour.minus(1, ChronoUnit.HOURS), found);
            });
  }

  private static AuditEntry entry(Row row) {
    return new AuditEntry(
        row.getInstant("at"),
        row.getString("id"),
        row.getString("actor"),
        row.getList("roles", String.class),
        row.getString("furnace"),
        row.getString("action"),
        row.getString("path"),
        row.getInt("status"),
        row.getString("outcome"),
        row.getString("correlation_id"));
  }
}
