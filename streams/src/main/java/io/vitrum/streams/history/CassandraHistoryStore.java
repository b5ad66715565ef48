package io.vitrum.streams.history;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vitrum.core.history.BlockCodec;
import io.vitrum.core.history.Points;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.Rollup;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.core.history.RollupCodec;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * History in Cassandra, three tables in the history keyspace:
 *
 * <ul>
 *   <li>{@code raw_blocks ((tag, period), window_start)}: one row per block ({@link BlockCodec}
 *       bytes and the point count), partitioned by tag and UTC day; time-window compaction by day;
 *   <li>{@code rollups_1m ((tag, period), hour)}: one row per tag and hour holding that hour's
 *       minute buckets ({@link RollupCodec}), partitioned by tag and 30-day period;
 *   <li>{@code rollups_1h ((tag, period), hour)}: one row per tag and hour with its aggregates,
 *       partitioned by tag and 400-day period.
 * </ul>
 *
 * Every row expires (a TTL set at write) when its points' retention is over, counted from the end
 * of its window, so old data leaves the way time-series compaction expects: whole windows at once.
 */
public final class CassandraHistoryStore implements HistoryStore {
  private static final long DAY = 86_400_000L;
  private static final long MINUTE_PERIOD = 30 * DAY;
  private static final long HOUR_PERIOD = 400 * DAY;
  private static final long HOUR = 3_600_000L;

  private final CassandraSession session;
  private final HistorySettings settings;
  private final HistoryMetrics metrics;
  private final Clock clock;
  private final CompletionStage<Statements> statements;

  private record Statements(
      PreparedStatement putBlock,
      PreparedStatement block,
      PreparedStatement blocks,
      PreparedStatement putMinutes,
      PreparedStatement minutesOfHour,
      PreparedStatement minutes,
      PreparedStatement putHour,
      PreparedStatement hours,
      PreparedStatement putTag,
      PreparedStatement tags) {}

  private CassandraHistoryStore(
      CassandraSession session, HistorySettings settings, HistoryMetrics metrics, Clock clock) {
    this.session = session;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    CompletionStage<Done> ready =
        settings.createTables()
            ? HistorySchema.create(session, settings)
            : CompletableFuture.completedFuture(Done.getInstance());
    this.statements = ready.thenCompose(d -> prepare());
  }

  /**
   * The store over the node's Cassandra session of its own tables ({@code
   * vitrum.cassandra-session}).
   */
  public static CassandraHistoryStore create(
      ActorSystem<?> system, HistorySettings settings, HistoryMetrics metrics, Clock clock) {
    CassandraSession session =
        CassandraSessionRegistry.get(system)
            .sessionFor(CassandraSessionSettings.create("vitrum.cassandra-session"));
    return new CassandraHistoryStore(session, settings, metrics, clock);
  }

  /** Completes when the tables exist and the statements are prepared. */
  public CompletionStage<Done> ready() {
    return statements.thenApply(s -> Done.getInstance());
  }

  private CompletionStage<Statements> prepare() {
    String ks = settings.keyspace();
    List<String> cql =
        List.of(
            "INSERT INTO "
                + ks
                + ".raw_blocks (tag, period, window_start, points, data)"
                + " VALUES (?, ?, ?, ?, ?) USING TTL ?",
            "SELECT data FROM "
                + ks
                + ".raw_blocks WHERE tag = ? AND period = ?"
                + " AND window_start = ?",
            "SELECT window_start, points, data FROM "
                + ks
                + ".raw_blocks"
                + " WHERE tag = ? AND period = ? AND window_start >= ? AND window_start < ?",
            "INSERT INTO "
                + ks
                + ".rollups_1m (tag, period, hour, buckets) VALUES (?, ?, ?, ?)"
                + " USING TTL ?",
            "SELECT buckets FROM " + ks + ".rollups_1m WHERE tag = ? AND period = ? AND hour = ?",
            "SELECT buckets FROM "
                + ks
                + ".rollups_1m"
                + " WHERE tag = ? AND period = ? AND hour >= ? AND hour < ?",
            "INSERT INTO "
                + ks
                + ".rollups_1h (tag, period, hour, count, sum, sum_squares, min,"
                + " max, last_ts, last) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?",
            "SELECT hour, count, sum, sum_squares, min, max, last_ts, last FROM "
                + ks
                + ".rollups_1h WHERE tag = ? AND period = ? AND hour >= ? AND hour < ?",
            "INSERT INTO " + ks + ".tags_by_furnace (furnace, tag) VALUES (?, ?)",
            "SELECT tag FROM " + ks + ".tags_by_furnace WHERE furnace = ?");
    List<CompletableFuture<PreparedStatement>> prepared =
        cql.stream().map(q -> session.prepare(q).toCompletableFuture()).toList();
    return CompletableFuture.allOf(prepared.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              List<PreparedStatement> p = prepared.stream().map(CompletableFuture::join).toList();
              return new Statements(
                  p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5), p.get(6), p.get(7),
                  p.get(8), p.get(9));
            });
  }

  @Override
  public CompletionStage<Optional<Points>> block(String tag, long windowStart) {
    return statements
        .thenCompose(
            s ->
                read(
                    s.block()
                        .bind(
                            tag,
                            Math.floorDiv(windowStart, DAY),
                            Instant.ofEpochMilli(windowStart))))
        .thenApply(
            rows ->
                rows.isEmpty()
                    ? Optional.empty()
                    : Optional.of(BlockCodec.decode(bytes(rows.get(0), "data"))));
  }

  @Override
  public CompletionStage<Done> putBlock(String tag, long start, long end, Points points) {
    long ttl = settings.retention().ttlSeconds(Resolution.RAW, end, clock.millis());
    if (ttl < 0) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    byte[] data = BlockCodec.encode(points);
    metrics.bytes(data.length);
    return statements.thenCompose(
        s ->
            write(
                s.putBlock()
                    .bind(
                        tag,
                        Math.floorDiv(start, DAY),
                        Instant.ofEpochMilli(start),
                        points.size(),
                        ByteBuffer.wrap(data),
                        (int) ttl)));
  }

  @Override
  public CompletionStage<List<RollupBucket>> minutesOfHour(String tag, long hourStart) {
    return statements
        .thenCompose(
            s ->
                read(
                    s.minutesOfHour()
                        .bind(
                            tag,
                            Math.floorDiv(hourStart, MINUTE_PERIOD),
                            Instant.ofEpochMilli(hourStart))))
        .thenApply(
            rows -> rows.isEmpty() ? List.of() : RollupCodec.decode(bytes(rows.get(0), "buckets")));
  }

  @Override
  public CompletionStage<Done> putHour(
      String tag, long hourStart, List<RollupBucket> minutes, RollupBucket hour) {
    long now = clock.millis();
    long end = hourStart + HOUR;
    long minuteTtl = settings.retention().ttlSeconds(Resolution.MINUTE, end, now);
    long hourTtl = settings.retention().ttlSeconds(Resolution.HOUR, end, now);
    return statements.thenCompose(
        s -> {
          CompletionStage<Done> m =
              minuteTtl < 0
                  ? CompletableFuture.completedFuture(Done.getInstance())
                  : write(
                      s.putMinutes()
                          .bind(
                              tag,
                              Math.floorDiv(hourStart, MINUTE_PERIOD),
                              Instant.ofEpochMilli(hourStart),
                              ByteBuffer.wrap(RollupCodec.encode(minutes)),
                              (int) minuteTtl));
          if (hourTtl < 0) {
            return m;
          }
          Rollup r = hour.rollup();
          CompletionStage<Done> h =
              write(
                  s.putHour()
                      .bind(
                          tag,
                          Math.floorDiv(hourStart, HOUR_PERIOD),
                          Instant.ofEpochMilli(hourStart),
                          r.count(),
                          r.sum(),
                          r.sumSquares(),
                          r.min(),
                          r.max(),
                          Instant.ofEpochMilli(r.lastTs()),
                          r.last(),
                          (int) hourTtl));
          return m.thenCombine(h, (a, b) -> Done.getInstance());
        });
  }

  @Override
  public CompletionStage<List<EncodedBlock>> blocks(
      String tag, long fromWindow, long to, long maxPoints) {
    List<EncodedBlock> found = new ArrayList<>();
    return statements.thenCompose(
        s ->
            walk(
                Math.floorDiv(fromWindow, DAY),
                Math.floorDiv(to - 1, DAY),
                period ->
                    s.blocks()
                        .bind(
                            tag,
                            period,
                            Instant.ofEpochMilli(fromWindow),
                            Instant.ofEpochMilli(to)),
                row ->
                    found.add(
                        new EncodedBlock(
                            row.getInstant("window_start").toEpochMilli(),
                            row.getInt("points"),
                            bytes(row, "data"))),
                () -> found.stream().mapToLong(EncodedBlock::points).sum() > maxPoints,
                found));
  }

  @Override
  public CompletionStage<List<RollupBucket>> minutes(
      String tag, long from, long to, long maxBuckets) {
    long firstHour = Math.floorDiv(from, HOUR) * HOUR;
    List<RollupBucket> found = new ArrayList<>();
    return statements.thenCompose(
        s ->
            walk(
                Math.floorDiv(firstHour, MINUTE_PERIOD),
                Math.floorDiv(to - 1, MINUTE_PERIOD),
                period ->
                    s.minutes()
                        .bind(
                            tag, period, Instant.ofEpochMilli(firstHour), Instant.ofEpochMilli(to)),
                row -> {
                  for (RollupBucket b : RollupCodec.decode(bytes(row, "buckets"))) {
                    if (b.start() >= from && b.start() < to) {
                      found.add(b);
                    }
                  }
                },
                () -> found.size() > maxBuckets,
                found));
  }

  @Override
  public CompletionStage<List<RollupBucket>> hours(
      String tag, long from, long to, long maxBuckets) {
    List<RollupBucket> found = new ArrayList<>();
    return statements.thenCompose(
        s ->
            walk(
                Math.floorDiv(from, HOUR_PERIOD),
                Math.floorDiv(to - 1, HOUR_PERIOD),
                period ->
                    s.hours()
                        .bind(tag, period, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)),
                row ->
                    found.add(
                        new RollupBucket(
                            row.getInstant("hour").toEpochMilli(),
                            new Rollup(
                                row.getLong("count"),
                                row.getDouble("sum"),
                                row.getDouble("sum_squares"),
                                row.getDouble("min"),
                                row.getDouble("max"),
                                row.getInstant("last_ts").toEpochMilli(),
                                row.getDouble("last")))),
                () -> found.size() > maxBuckets,
                found));
  }

  @Override
  public CompletionStage<Done> putTag(String furnace, String tag) {
    return statements.thenCompose(s -> write(s.putTag().bind(furnace, tag)));
  }

  @Override
  public CompletionStage<List<String>> tags(String furnace) {
    return statements
        .thenCompose(s -> read(s.tags().bind(furnace)))
        .thenApply(rows -> rows.stream().map(r -> r.getString("tag")).toList());
  }

  /**
   * Reads the partitions {@code period}..{@code last} in order, handing each row to {@code onRow},
   * until {@code enough} says so.
   */
  private <T> CompletionStage<T> walk(
      long period,
      long last,
      Function<Long, BoundStatement> query,
      java.util.function.Consumer<Row> onRow,
      java.util.function.BooleanSupplier enough,
      T result) {
    if (period > last || enough.getAsBoolean()) {
      return CompletableFuture.completedFuture(result);
    }
    return read(query.apply(period))
        .thenCompose(
            rows -> {
              rows.forEach(onRow);
              return walk(period + 1, last, query, onRow, enough, result);
            });
  }

  private CompletionStage<List<Row>> read(BoundStatement statement) {
    metrics.cql("read");
    return session.selectAll(statement);
  }

  private CompletionStage<Done> write(BoundStatement statement) {
    metrics.cql("write");
    return session.executeWrite(statement);
  }

  private static byte[] bytes(Row row, String column) {
    ByteBuffer buffer = row.getByteBuffer(column);
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
