package io.vitrum.loadtests.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vitrum.core.history.Points;
import io.vitrum.core.history.Rollup;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.streams.ingest.kafka.ReadingsRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The way a general IoT platform keeps time series (ThingsBoard's {@code ts_kv_cf}): one Cassandra
 * row per point, {@code ((tag, day), ts) -> value}, written with one asynchronous INSERT each, and
 * (for the week query) one row per minute bucket. Same Cassandra, same driver, same Kafka topic as
 * the history writer, so the two can be compared in one run.
 */
final class RowPerPointBaseline {
  private static final long DAY = 86_400_000L;
  private static final long MINUTE_PERIOD = 30 * DAY;

  private final CqlSession session;
  private final PreparedStatement insertPoint;
  private final PreparedStatement selectDay;
  private final PreparedStatement insertMinute;
  private final PreparedStatement selectMinutes;

  private RowPerPointBaseline(CqlSession session, String keyspace) {
    this.session = session;
    session.execute(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".points_by_row (tag text, day bigint, ts bigint, value double,"
            + " PRIMARY KEY ((tag, day), ts))");
    session.execute(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".minutes_by_row (tag text, period bigint, minute bigint, count bigint, sum double,"
            + " sum_squares double, min double, max double, last_ts bigint, last double,"
            + " PRIMARY KEY ((tag, period), minute))");
    insertPoint =
        session.prepare(
            "INSERT INTO " + keyspace + ".points_by_row (tag, day, ts, value) VALUES (?, ?, ?, ?)");
    selectDay =
        session.prepare(
            "SELECT ts, value FROM "
                + keyspace
                + ".points_by_row WHERE tag = ? AND day = ? AND ts >= ? AND ts < ?");
    insertMinute =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".minutes_by_row (tag, period, minute, count, sum, sum_squares, min, max,"
                + " last_ts, last) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    selectMinutes =
        session.prepare(
            "SELECT minute, count, sum, sum_squares, min, max, last_ts, last FROM "
                + keyspace
                + ".minutes_by_row WHERE tag = ? AND period = ? AND minute >= ? AND minute < ?");
  }

  /** Creates the baseline's tables in {@code keyspace} (which exists). */
  static RowPerPointBaseline create(CqlSession session, String keyspace) {
    return new RowPerPointBaseline(session, keyspace);
  }

  /** What {@link #consume} wrote. */
  record Consumed(long points, long failures, double seconds) {
    double perSecond() {
      return points / seconds;
    }
  }

  /**
   * Reads {@code topic} from the start (a group of its own) and writes one row per point, at most
   * {@code inFlight} INSERTs outstanding, until {@code points} points are written or {@code limit}
   * has passed.
   */
  Consumed consume(String bootstrap, String topic, long points, int inFlight, Duration limit)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    AtomicLong written = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long began = System.nanoTime();
    long deadline = began + limit.toNanos();
    long sent = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumer(bootstrap))) {
      consumer.subscribe(List.of(topic));
      while (sent < points && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          ReadingsRecord record = ReadingsRecord.decode(r.value());
          for (ReadingsRecord.Sample s : record.samples()) {
            permits.acquire();
            sent++;
            session
                .executeAsync(
                    insertPoint.bind(
                        record.tag(),
                        Math.floorDiv(s.epochMillis(), DAY),
                        s.epochMillis(),
                        s.value()))
                .whenComplete(
                    (rs, e) -> {
                      (e == null ? written : failures).incrementAndGet();
                      permits.release();
                    });
          }
        }
      }
    }
    permits.acquire(inFlight);
    return new Consumed(written.get(), failures.get(), (System.nanoTime() - began) / 1e9);
  }

  /** Writes {@code points} of {@code tag}, one row each (for the query benchmark). */
  void putPoints(String tag, Points points, int inFlight) throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    for (int i = 0; i < points.size(); i++) {
      permits.acquire();
      long ts = points.timestamps()[i];
      session
          .executeAsync(insertPoint.bind(tag, Math.floorDiv(ts, DAY), ts, points.values()[i]))
          .whenComplete((rs, e) -> permits.release());
    }
    permits.acquire(inFlight);
  }

  /** Writes {@code buckets} of {@code tag}, one row per minute. */
  void putMinutes(String tag, List<RollupBucket> buckets, int inFlight)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    for (RollupBucket b : buckets) {
      permits.acquire();
      Rollup r = b.rollup();
      session
          .executeAsync(
              insertMinute.bind(
                  tag,
                  Math.floorDiv(b.start(), MINUTE_PERIOD),
                  b.start(),
                  r.count(),
                  r.sum(),
                  r.sumSquares(),
                  r.min(),
                  r.max(),
                  r.lastTs(),
                  r.last()))
          .whenComplete((rs, e) -> permits.release());
    }
    permits.acquire(inFlight);
  }

  /** {@code tag}'s points in [{@code from}, {@code to}) within one day, every page read. */
  CompletionStage<Points> day(String tag, long from, long to) {
    List<long[]> ts = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    return session
        .executeAsync(selectDay.bind(tag, Math.floorDiv(from, DAY), from, to))
        .thenCompose(rs -> drain(rs, ts, values))
        .thenApply(d -> join(ts, values));
  }

  /** {@code tag}'s minute buckets in [{@code from}, {@code to}) within one 30-day period. */
  CompletionStage<List<RollupBucket>> minutes(String tag, long from, long to) {
    List<RollupBucket> out = new ArrayList<>();
    return session
        .executeAsync(selectMinutes.bind(tag, Math.floorDiv(from, MINUTE_PERIOD), from, to))
        .thenCompose(rs -> drainMinutes(rs, out))
        .thenApply(d -> out);
  }

  private static CompletionStage<Void> drain(
      AsyncResultSet rs, List<long[]> ts, List<double[]> values) {
    int n = rs.remaining();
    long[] t = new long[n];
    double[] v = new double[n];
    int i = 0;
    for (Row row : rs.currentPage()) {
      t[i] = row.getLong(0);
      v[i] = row.getDouble(1);
      i++;
    }
    ts.add(t);
    values.add(v);
    return rs.hasMorePages()
        ? rs.fetchNextPage().thenCompose(next -> drain(next, ts, values))
        : CompletableFuture.completedFuture(null);
  }

  private static CompletionStage<Void> drainMinutes(AsyncResultSet rs, List<RollupBucket> out) {
    for (Row row : rs.currentPage()) {
      out.add(
          new RollupBucket(
              row.getLong(0),
              new Rollup(
                  row.getLong(1),
                  row.getDouble(2),
                  row.getDouble(3),
                  row.getDouble(4),
                  row.getDouble(5),
                  row.getLong(6),
                  row.getDouble(7))));
    }
    return rs.hasMorePages()
        ? rs.fetchNextPage().thenCompose(next -> drainMinutes(next, out))
        : CompletableFuture.completedFuture(null);
  }

  private static Points join(List<long[]> ts, List<double[]> values) {
    int n = ts.stream().mapToInt(a -> a.length).sum();
    long[] t = new long[n];
    double[] v = new double[n];
    int at = 0;
    for (int i = 0; i < ts.size(); i++) {
      System.arraycopy(ts.get(i), 0, t, at, ts.get(i).length);
      System.arraycopy(values.get(i), 0, v, at, values.get(i).length);
      at += ts.get(i).length;
    }
    return new Points(t, v);
  }

  private static Properties consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "row-per-point-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }
}
