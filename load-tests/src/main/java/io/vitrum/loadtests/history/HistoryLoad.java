package io.vitrum.loadtests.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.config.VitrumConfig;
import io.vitrum.config.embedded.EmbeddedCassandra;
import io.vitrum.config.embedded.EmbeddedCassandraSettings;
import io.vitrum.config.embedded.EmbeddedKafka;
import io.vitrum.config.embedded.EmbeddedKafkaSettings;
import io.vitrum.core.history.Aggregate;
import io.vitrum.core.history.Points;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.core.history.Series;
import io.vitrum.loadtests.Cli;
import io.vitrum.streams.history.AlignedPage;
import io.vitrum.streams.history.CassandraHistoryStore;
import io.vitrum.streams.history.HistoryMetrics;
import io.vitrum.streams.history.HistoryQuery;
import io.vitrum.streams.history.HistorySettings;
import io.vitrum.streams.history.HistoryWriter;
import io.vitrum.streams.history.SeriesPage;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.KafkaTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The history figures, in one run on real servers it starts itself (a Cassandra and a Kafka child
 * process under {@code --data}, wiped first): simulated furnaces' readings are published to {@code
 * vitrum.readings} as ingest writes them, then drained (1) by the history writer into compressed
 * blocks and rollups and (2) by a one-row-per-point baseline, each timed from the start of its
 * drain to its last point durable; then query latencies (a day of raw 1 Hz points of one tag, a
 * week of 1-minute rollups of 10 tags) for both. Prints every figure; asserts nothing.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl load-tests -am package
 * java -Xmx2g -cp "load-tests/target/classes:$(cat load-tests/target/runtime.classpath)" \
 *     io.vitrum.loadtests.history.HistoryLoad \
 *     [--furnaces 20] [--minutes 120] [--baseline-seconds 90] [--in-flight 256] [--queries 100] \
 *     [--data /tmp/vitrum-history-load]
 * </pre>
 */
public final class HistoryLoad {
  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long BLOCK = 600_000L;
  private static final String KEYSPACE = "history_load";

  private HistoryLoad() {}

  record Options(
      int furnaces,
      int minutes,
      int baselineSeconds,
      int inFlight,
      int queries,
      Path data,
      long seed) {}

  public static void main(String[] args) throws Exception {
    Options o =
        Cli.parseOrExit(
            args,
            HistoryLoad::parse,
            "usage: HistoryLoad [--furnaces N] [--minutes M] [--baseline-seconds S]"
                + " [--in-flight N] [--queries N] [--data DIR] [--seed N]");
    run(o);
    System.exit(0);
  }

  static Options parse(String[] args) {
    int furnaces = 20;
    int minutes = 120;
    int baselineSeconds = 90;
    int inFlight = 256;
    int queries = 100;
    Path data = Path.of("/tmp/vitrum-history-load");
    long seed = 2026;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--furnaces" -> furnaces = Integer.parseInt(value);
        case "--minutes" -> minutes = Integer.parseInt(value);
        case "--baseline-seconds" -> baselineSeconds = Integer.parseInt(value);
        case "--in-flight" -> inFlight = Integer.parseInt(value);
        case "--queries" -> queries = Integer.parseInt(value);
        case "--data" -> data = Path.of(value);
        case "--seed" -> seed = Long.parseLong(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
      i++;
    }
    if (furnaces < 1 || minutes < 20 || queries < 10 || inFlight < 1) {
      throw new IllegalArgumentException("need furnaces >= 1, minutes >= 20, queries >= 10");
    }
    return new Options(furnaces, minutes, baselineSeconds, inFlight, queries, data, seed);
  }

  static void run(Options o) throws Exception {
    wipe(o.data());
    Config defaults = ConfigFactory.load();
    CompletableFuture<EmbeddedCassandra> cassandra =
        CompletableFuture.supplyAsync(
            () -> {
              EmbeddedCassandraSettings s = EmbeddedCassandraSettings.create(defaults);
              return EmbeddedCassandra.start(
                  new EmbeddedCassandraSettings(
                      true,
                      o.data().resolve("cassandra"),
                      0,
                      "1g",
                      s.startTimeout(),
                      s.javaHome()));
            });
    EmbeddedKafka kafkaServer =
        EmbeddedKafka.start(
            EmbeddedKafkaSettings.create(defaults).forTests(o.data().resolve("kafka")));
    EmbeddedCassandra cassandraServer = cassandra.get(5, TimeUnit.MINUTES);
    Config config = config(cassandraServer.contactPoint(), kafkaServer.bootstrapServers());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "history-load", config);
    try {
      measure(o, system, config, kafkaServer.bootstrapServers());
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      kafkaServer.close();
      cassandraServer.close();
    }
  }

  private static Config config(String contactPoint, String bootstrap) {
    Config base =
        ConfigFactory.parseString(
                """
                pekko.actor.provider = local
                pekko.loglevel = WARNING
                vitrum.history.keyspace = "%s"
                vitrum.history.create-tables = on
                vitrum.history.writer.grace = 2s
                datastax-java-driver.basic.request.timeout = 30s
                """
                    .formatted(KEYSPACE))
            .withFallback(ConfigFactory.load());
    return VitrumConfig.withKafkaBootstrapServers(
            VitrumConfig.withCassandraContactPoints(base, contactPoint), bootstrap)
        .resolve();
  }

  private static void measure(Options o, ActorSystem<Void> system, Config config, String bootstrap)
      throws Exception {
    HistorySettings settings = HistorySettings.create(config);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    HistoryMetrics metrics = new HistoryMetrics(registry);
    CassandraHistoryStore store =
        CassandraHistoryStore.create(system, settings, metrics, Clock.systemUTC());
    store.ready().toCompletableFuture().get(2, TimeUnit.MINUTES);
    CqlSession cql =
        CassandraSessionRegistry.get(system)
            .sessionFor(CassandraSessionSettings.create("vitrum.cassandra-session"))
            .underlying()
            .toCompletableFuture()
            .get(1, TimeUnit.MINUTES);
    RowPerPointBaseline baseline = RowPerPointBaseline.create(cql, KEYSPACE);
    KafkaSettings kafka = KafkaSettings.create(config).withTopicPrefix("history-load.");
    KafkaTopics.ensure(kafka).toCompletableFuture().get(3, TimeUnit.MINUTES);

    Instant start = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
    PlantReadings.Published published =
        PlantReadings.publish(
            bootstrap,
            kafka.readings(),
            o.furnaces(),
            start,
            Duration.ofMinutes(o.minutes()),
            o.seed());
    System.out.printf(
        Locale.ROOT,
        "published %,d points in %,d records (%d furnaces, %d min of plant time) in %.1f s%n",
        published.points(),
        published.records(),
        o.furnaces(),
        o.minutes(),
        published.seconds());

    Drain history =
        drainHistory(system, kafka, settings, store, metrics, registry, published.points());
    System.out.printf(
        Locale.ROOT,
        "history writer: %,d points durable in %.1f s = %,.0f points/s (all read and held after"
            + " %.1f s); %,.0f blocks, %,.0f CQL writes (%,.0f/s, %.4f per point), %,.0f CQL reads,"
            + " %.2f block bytes per point%n",
        history.points(),
        history.seconds(),
        history.points() / history.seconds(),
        history.readSeconds(),
        metrics.count("vitrum.history.blocks", "written"),
        metrics.count("vitrum.history.cql", "write"),
        metrics.count("vitrum.history.cql", "write") / history.seconds(),
        metrics.count("vitrum.history.cql", "write") / history.points(),
        metrics.count("vitrum.history.cql", "read"),
        metrics.count("vitrum.history.block.bytes", null) / history.points());

    RowPerPointBaseline.Consumed rows =
        baseline.consume(
            bootstrap,
            kafka.readings(),
            published.points(),
            o.inFlight(),
            Duration.ofSeconds(o.baselineSeconds()));
    System.out.printf(
        Locale.ROOT,
        "one row per point: %,d points durable in %.1f s = %,.0f points/s (%,d failed), one CQL"
            + " write per point (%,.0f/s)%n",
        rows.points(),
        rows.seconds(),
        rows.perSecond(),
        rows.failures(),
        rows.perSecond());
    System.out.printf(
        Locale.ROOT,
        "points/s, history writer / one row per point: %.1f%n",
        (history.points() / history.seconds()) / rows.perSecond());

    queries(o, store, settings, baseline);
  }

  /** How long the writer took to make every published point durable. */
  private record Drain(long points, double seconds, double readSeconds) {}

  private static Drain drainHistory(
      ActorSystem<Void> system,
      KafkaSettings kafka,
      HistorySettings settings,
      CassandraHistoryStore store,
      HistoryMetrics metrics,
      SimpleMeterRegistry registry,
      long points)
      throws InterruptedException {
    long began = System.nanoTime();
    UniqueKillSwitch writer =
        new HistoryWriter(system, kafka, settings, store, metrics, Clock.systemUTC()).start();
    double read = Double.NaN;
    long deadline = began + TimeUnit.MINUTES.toNanos(30);
    while (durable(metrics) < points && System.nanoTime() < deadline) {
      if (Double.isNaN(read) && durable(metrics) + open(registry) >= points) {
        read = (System.nanoTime() - began) / 1e9;
      }
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    writer.shutdown();
    return new Drain((long) durable(metrics), seconds, Double.isNaN(read) ? seconds : read);
  }

  private static double durable(HistoryMetrics metrics) {
    return metrics.count("vitrum.history.points", "written")
        + metrics.count("vitrum.history.points", "unchanged")
        + metrics.count("vitrum.history.points", "expired");
  }

  private static double open(SimpleMeterRegistry registry) {
    return registry.get("vitrum.history.open.points").gauge().value();
  }

  private static void queries(
      Options o, CassandraHistoryStore store, HistorySettings settings, RowPerPointBaseline rows)
      throws Exception {
    HistoryQuery query = new HistoryQuery(store, settings.writer().blocks());
    // A day of 1 Hz points of one tag, stored as the writer stores it and one row per point.
    long day = Math.floorDiv(Instant.now().minus(Duration.ofDays(3)).toEpochMilli(), DAY) * DAY;
    Map<String, Points> dayData =
        PlantReadings.oneHertz(1, Instant.ofEpochMilli(day), Duration.ofDays(1), o.seed());
    String dayTag = dayData.keySet().iterator().next();
    Points dayPoints = dayData.get(dayTag);
    storeBlocks(store, dayTag, dayPoints);
    rows.putPoints(dayTag, dayPoints, o.inFlight());

    // A week of 1-minute rollups of 10 tags, within one 30-day partition of both tables.
    long period = 30 * DAY;
    long week =
        Math.floorDiv(Instant.now().minus(Duration.ofDays(40)).toEpochMilli(), period) * period;
    long weekEnd = week + 7 * DAY;
    Map<String, Points> weekData =
        PlantReadings.oneHertz(10, Instant.ofEpochMilli(week), Duration.ofDays(7), o.seed() + 1);
    for (Map.Entry<String, Points> e : weekData.entrySet()) {
      List<RollupBucket> minutes = storeHours(store, e.getKey(), e.getValue());
      rows.putMinutes(e.getKey(), minutes, o.inFlight());
    }
    List<String> weekTags = List.copyOf(weekData.keySet());

    int limit = settings.query().maxPoints();
    int warmup = Math.max(5, o.queries() / 10);
    List<LatencySample> samples = new ArrayList<>();
    samples.add(
        LatencySample.of(
            "day of raw 1 Hz, 1 tag: history blocks",
            warmup,
            o.queries(),
            () -> {
              SeriesPage p =
                  query
                      .series(dayTag, day, day + DAY, Resolution.RAW, limit)
                      .toCompletableFuture()
                      .get(60, TimeUnit.SECONDS);
              return check(p.size(), dayPoints.size());
            }));
    samples.add(
        LatencySample.of(
            "day of raw 1 Hz, 1 tag: one row per point",
            warmup,
            o.queries(),
            () ->
                check(
                    rows.day(dayTag, day, day + DAY)
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS)
                        .size(),
                    dayPoints.size())));
    samples.add(
        LatencySample.of(
            "week at 1 min, 10 tags aligned: history rollups",
            warmup,
            o.queries(),
            () -> {
              AlignedPage p =
                  query
                      .aligned(weekTags, week, weekEnd, Resolution.MINUTE, Aggregate.MEAN, limit)
                      .toCompletableFuture()
                      .get(60, TimeUnit.SECONDS);
              return check(p.ts().length, 7 * 1440);
            }));
    samples.add(
        LatencySample.of(
            "week at 1 min, 10 tags: one row per minute",
            warmup,
            o.queries(),
            () -> {
              List<CompletableFuture<List<RollupBucket>>> all =
                  weekTags.stream()
                      .map(t -> rows.minutes(t, week, weekEnd).toCompletableFuture())
                      .toList();
              CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                  .get(60, TimeUnit.SECONDS);
              return check(all.get(0).join().size(), 7 * 1440);
            }));
    for (LatencySample s : samples) {
      System.out.printf(
          Locale.ROOT,
          "%-50s p50 %7.1f ms  p99 %7.1f ms  (%d runs after %d warm-up)%n",
          s.name(),
          s.millis(0.50),
          s.millis(0.99),
          o.queries(),
          warmup);
    }
    System.out.printf(
        Locale.ROOT,
        "p50, one row per point / history: day raw %.1f, week 1 min %.1f%n",
        samples.get(1).millis(0.5) / samples.get(0).millis(0.5),
        samples.get(3).millis(0.5) / samples.get(2).millis(0.5));
  }

  private static int check(int actual, int expected) {
    if (actual != expected) {
      throw new IllegalStateException("query answered " + actual + " points, not " + expected);
    }
    return actual;
  }

  /** Writes {@code points} as the writer would: one block per 10 minutes, with its rollups. */
  private static void storeBlocks(CassandraHistoryStore store, String tag, Points points)
      throws Exception {
    long first = points.timestamps()[0];
    long last = points.timestamps()[points.size() - 1];
    for (long w = Math.floorDiv(first, BLOCK) * BLOCK; w <= last; w += BLOCK) {
      Points block = Series.slice(points, w, w + BLOCK);
      store.putBlock(tag, w, w + BLOCK, block).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    storeHours(store, tag, points);
  }

  /**
   * Writes the minute and hour rollups of {@code points}, one row per hour; returns the minutes.
   */
  private static List<RollupBucket> storeHours(
      CassandraHistoryStore store, String tag, Points points) throws Exception {
    List<RollupBucket> all = RollupBucket.of(points, Resolution.MINUTE);
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (int i = 0; i < all.size(); ) {
      long hour = Math.floorDiv(all.get(i).start(), HOUR) * HOUR;
      int j = i;
      while (j < all.size() && all.get(j).start() < hour + HOUR) {
        j++;
      }
      List<RollupBucket> minutes = all.subList(i, j);
      RollupBucket hourBucket = RollupBucket.coarsen(minutes, Resolution.HOUR).get(0);
      writes.add(store.putHour(tag, hour, minutes, hourBucket).toCompletableFuture());
      i = j;
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    return all;
  }

  private static void wipe(Path directory) throws Exception {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(directory);
  }
}
