package io.vitrum.streams.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.config.VitrumConfig;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.history.Points;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.Rollup;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.PlantWiring;
import io.vitrum.core.sim.SimulatorConfig;
import io.vitrum.streams.features.FeatureSettings;
import io.vitrum.streams.features.LiveFeatures;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.ReadingsRecord;
import io.vitrum.streams.ingest.testsupport.Eventually;
import io.vitrum.streams.testing.TestCassandra;
import io.vitrum.streams.testing.TestKafka;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history writer over a real Kafka broker and a real Cassandra, fed the simulator's readings: a
 * query equals exactly what was ingested and the rollups equal the aggregates of the raw points; a
 * writer crashed mid-block and restarted leaves no gap and no duplicate; reading the whole log
 * again rewrites nothing; retention drops what is due; and a replay through the feature stage gives
 * the vectors the live run gave. Each test has its own topics and its own stretch of time in the
 * class's keyspace.
 */
@ExtendWith(LogCapturingExtension.class)
class HistoryIT {
  private static final Duration WITHIN = Duration.ofSeconds(240);
  // The data directory outlives a run: each run writes into a keyspace of its own.
  private static final String KEYSPACE =
      "it_historyit_" + Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);
  private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS);

  private static String bootstrap;
  private static String contactPoint;
  private final List<ActorTestKit> systems = new ArrayList<>();
  private final List<UniqueKillSwitch> streams = new ArrayList<>();

  @BeforeAll
  static void servers() {
    bootstrap = TestKafka.bootstrapServers();
    contactPoint = TestCassandra.contactPoint();
  }

  @AfterEach
  void stop() {
    streams.forEach(UniqueKillSwitch::shutdown);
    systems.forEach(ActorTestKit::shutdownTestKit);
  }

  /**
   * A node's configuration for this class: Cassandra, Kafka, short grace, idle features, then
   * {@code overrides}.
   */
  private static Config config(String overrides) {
    Config base =
        ConfigFactory.parseString(
                """
                pekko.actor.provider = local
                pekko.coordinated-shutdown.exit-jvm = off
                vitrum.history.keyspace = "%s"
                vitrum.history.create-tables = on
                vitrum.history.writer.grace = 2s
                vitrum.history.writer.batch-max-delay = 100ms
                vitrum.features.idle = 3s
                datastax-java-driver.basic.request.timeout = 15s
                """
                        .formatted(KEYSPACE)
                    + overrides)
            .withFallback(ConfigFactory.load());
    return VitrumConfig.withKafkaBootstrapServers(
            VitrumConfig.withCassandraContactPoints(base, contactPoint), bootstrap)
        .resolve();
  }

  /** A running node: its settings, store and metrics. */
  private record Node(
      ActorTestKit kit,
      Config config,
      KafkaSettings kafka,
      HistorySettings settings,
      CassandraHistoryStore store,
      HistoryMetrics metrics,
      SimpleMeterRegistry registry) {

    HistoryQuery query() {
      return new HistoryQuery(store, settings.writer().blocks());
    }

    UniqueKillSwitch writer(String group) {
      HistorySettings s =
          new HistorySettings(
              settings.keyspace(),
              settings.createTables(),
              settings.replicationFactor(),
              new HistorySettings.Writer(
                  true,
                  group,
                  settings.writer().blocks(),
                  settings.writer().batchMaxReadings(),
                  settings.writer().batchMaxDelay(),
                  settings.writer().parallelism(),
                  settings.writer().restartMinBackoff(),
                  settings.writer().restartMaxBackoff()),
              settings.retention(),
              settings.query(),
              settings.replay());
      return new HistoryWriter(kit.system(), kafka, s, store, metrics, Clock.systemUTC()).start();
    }

    double durablePoints() {
      return metrics.count("vitrum.history.points", "written")
          + metrics.count("vitrum.history.points", "unchanged");
    }

    double openPoints() {
      return registry.get("vitrum.history.open.points").gauge().value();
    }
  }

  private Node node(String name, String topicPrefix, String overrides) throws Exception {
    Config config = config(overrides);
    ActorTestKit kit = ActorTestKit.create(name, config);
    systems.add(kit);
    HistorySettings settings = HistorySettings.create(config);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    HistoryMetrics metrics = new HistoryMetrics(registry);
    CassandraHistoryStore store =
        CassandraHistoryStore.create(kit.system(), settings, metrics, Clock.systemUTC());
    store.ready().toCompletableFuture().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
    KafkaSettings kafka = KafkaSettings.create(config).withTopicPrefix(topicPrefix);
    return new Node(kit, config, kafka, settings, store, metrics, registry);
  }

  /** F1's accepted readings in [{@code start}, start + span), per tag, NaN left out. */
  private static Map<String, Points> simulate(Instant start, Duration span, long seed) {
    return between(simulated(start, span, seed), start, start.plus(span));
  }

  private static Map<String, Points> simulated(Instant start, Duration span, long seed) {
    PlantSimulator sim = new PlantSimulator(SimulatorConfig.of(1, seed).withStart(start));
    Map<String, List<double[]>> byTag = new TreeMap<>();
    sim.advance(
        span,
        r -> {
          if (Double.isFinite(r.value())) {
            byTag
                .computeIfAbsent(r.tag(), t -> new ArrayList<>())
                .add(new double[] {r.ts().toEpochMilli(), r.value()});
          }
        });
    Map<String, Points> out = new TreeMap<>();
    byTag.forEach(
        (tag, list) -> {
          long[] ts = new long[list.size()];
          double[] values = new double[list.size()];
          for (int i = 0; i < list.size(); i++) {
            ts[i] = (long) list.get(i)[0];
            values[i] = list.get(i)[1];
          }
          out.put(tag, new Points(ts, values));
        });
    return out;
  }

  /** The points of {@code series} in [{@code from}, {@code to}). */
  private static Map<String, Points> between(Map<String, Points> series, Instant from, Instant to) {
    Map<String, Points> out = new TreeMap<>();
    series.forEach(
        (tag, p) ->
            out.put(
                tag,
                io.vitrum.core.history.Series.slice(p, from.toEpochMilli(), to.toEpochMilli())));
    return out;
  }

  /** Sends every tag's points in 10 s records, step by step, as ingest writes them. */
  private static long publish(String topic, Map<String, Points> series) throws Exception {
    long sent = 0;
    Map<String, Integer> next = new TreeMap<>();
    series.keySet().forEach(t -> next.put(t, 0));
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = TestKafka.producer(bootstrap)) {
      boolean more = true;
      while (more) {
        more = false;
        for (Map.Entry<String, Points> e : series.entrySet()) {
          Points p = e.getValue();
          int i = next.get(e.getKey());
          if (i >= p.size()) {
            continue;
          }
          long chunkEnd = Math.floorDiv(p.timestamps()[i], 10_000L) * 10_000L + 10_000L;
          List<ReadingsRecord.Sample> samples = new ArrayList<>();
          while (i < p.size() && p.timestamps()[i] < chunkEnd) {
            samples.add(new ReadingsRecord.Sample(p.timestamps()[i], p.values()[i]));
            i++;
          }
          next.put(e.getKey(), i);
          sent += samples.size();
          acks.add(
              producer.send(
                  new ProducerRecord<>(
                      topic, e.getKey(), new ReadingsRecord(e.getKey(), "sim", samples).encode())));
          more = true;
        }
      }
      producer.flush();
    }
    // Every record is in the log before the writer is held to it.
    for (Future<RecordMetadata> ack : acks) {
      ack.get(1, TimeUnit.MINUTES);
    }
    return sent;
  }

  private static Points raw(Node node, String tag, Instant from, Instant to) throws Exception {
    return node.query()
        .series(tag, from.toEpochMilli(), to.toEpochMilli(), Resolution.RAW, 1_000_000)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS)
        .points();
  }

  private static List<RollupBucket> rollups(
      Node node, String tag, Resolution step, Instant from, Instant to) throws Exception {
    return node.query()
        .series(tag, from.toEpochMilli(), to.toEpochMilli(), step, 1_000_000)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS)
        .buckets();
  }

  /** Waits until history holds exactly {@code expected}'s number of points for each tag. */
  private static void awaitStored(
      Node node, Map<String, Points> expected, Instant from, Instant to) {
    Eventually.await(
        WITHIN,
        () ->
            expected.entrySet().stream()
                .allMatch(
                    e -> {
                      try {
                        return raw(node, e.getKey(), from, to).size() == e.getValue().size();
                      } catch (Exception ex) {
                        return false;
                      }
                    }),
        () -> "history holds every ingested point; " + missing(node, expected, from, to));
  }

  /** The tags whose stored count differs from {@code expected}'s, with both counts. */
  private static String missing(Node node, Map<String, Points> expected, Instant from, Instant to) {
    StringBuilder out = new StringBuilder();
    expected.forEach(
        (tag, points) -> {
          String stored;
          try {
            Points p = raw(node, tag, from, to);
            if (p.size() == points.size()) {
              return;
            }
            stored =
                p.size()
                    + (p.size() > 0
                        ? " up to " + Instant.ofEpochMilli(p.timestamps()[p.size() - 1])
                        : "");
          } catch (Exception e) {
            stored = "unreadable (" + e + ")";
          }
          out.append("%s: %d sent, %s stored; ".formatted(tag, points.size(), stored));
        });
    return out
        + "open points "
        + node.openPoints()
        + ", blocks "
        + node.metrics().count("vitrum.history.blocks", "written")
        + " written";
  }

  private static void assertSameSeries(String tag, Points expected, Points actual) {
    assertArrayEquals(expected.timestamps(), actual.timestamps(), tag + " timestamps");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(
          Double.doubleToRawLongBits(expected.values()[i]),
          Double.doubleToRawLongBits(actual.values()[i]),
          tag + " value " + i);
    }
  }

  private static void assertRollups(List<RollupBucket> expected, List<RollupBucket> actual) {
    assertEquals(expected.size(), actual.size(), "buckets");
    for (int i = 0; i < expected.size(); i++) {
      Rollup e = expected.get(i).rollup();
      Rollup a = actual.get(i).rollup();
      assertEquals(expected.get(i).start(), actual.get(i).start());
      assertEquals(e.count(), a.count(), "count");
      assertEquals(e.min(), a.min(), "min");
      assertEquals(e.max(), a.max(), "max");
      assertEquals(e.last(), a.last(), "last");
      assertEquals(e.lastTs(), a.lastTs(), "last ts");
      assertEquals(e.mean(), a.mean(), 1e-9 * Math.abs(e.mean()) + 1e-12, "mean");
      assertEquals(e.stddev(), a.stddev(), 1e-6 * (1 + e.stddev()), "std");
    }
  }

  @Test
  void aQueryReturnsExactlyWhatWasIngestedAndRollupsAggregateIt() throws Exception {
    Instant from = HOUR.minus(Duration.ofHours(8));
    Instant to = from.plus(Duration.ofMinutes(70));
    Map<String, Points> expected = simulate(from, Duration.ofMinutes(70), 11);
    Node node = node("HistoryExact", TestKafka.uniquePrefix("exact"), "");
    streams.add(node.writer("history-exact"));
    long sent = publish(node.kafka().readings(), expected);
    awaitStored(node, expected, from, to);

    long total = 0;
    for (Map.Entry<String, Points> e : expected.entrySet()) {
      Points points = e.getValue();
      total += points.size();
      assertSameSeries(e.getKey(), points, raw(node, e.getKey(), from, to));
      assertRollups(
          RollupBucket.of(points, Resolution.MINUTE),
          rollups(node, e.getKey(), Resolution.MINUTE, from, to));
      assertRollups(
          RollupBucket.of(points, Resolution.HOUR),
          rollups(node, e.getKey(), Resolution.HOUR, from, to));
    }
    assertEquals(sent, total);
    // A sub-range is cut exactly at its ends.
    String tag = expected.keySet().iterator().next();
    Instant a = from.plusSeconds(601).plusMillis(250);
    Instant b = from.plusSeconds(1799);
    assertSameSeries(tag, between(expected, a, b).get(tag), raw(node, tag, a, b));
    assertEquals(
        List.copyOf(expected.keySet()),
        node.query().tags("F1").toCompletableFuture().get(10, TimeUnit.SECONDS));

    // Reading the whole log again from the start (another group) rewrites nothing.
    double written = node.metrics().count("vitrum.history.blocks", "written");
    streams.add(node.writer("history-exact-again"));
    long blocks = expected.size() * 7L; // 70 minutes from a whole hour: seven windows per tag
    Eventually.await(
        WITHIN,
        () -> node.metrics().count("vitrum.history.blocks", "unchanged") >= blocks,
        () -> "the second pass finds every block already stored");
    assertEquals(written, node.metrics().count("vitrum.history.blocks", "written"), "no rewrite");
  }

  @Test
  void aWriterCrashedMidBlockLeavesNoGapAndNoDuplicate() throws Exception {
    Instant from = HOUR.minus(Duration.ofHours(6));
    Instant to = from.plus(Duration.ofMinutes(30));
    Instant crash = from.plus(Duration.ofMinutes(15));
    Map<String, Points> expected = simulate(from, Duration.ofMinutes(30), 12);
    String prefix = TestKafka.uniquePrefix("crash");
    // A grace of 4 min: the first block closes on the readings past 14 min, the second stays
    // open (its tags fall silent at 15 min; 4 min of silence outlasts the wait below).
    Node first = node("HistoryCrashFirst", prefix, "vitrum.history.writer.grace = 4m");
    UniqueKillSwitch writer = first.writer("history-crash");
    long sent = publish(first.kafka().readings(), between(expected, from, crash));
    // The first block (0-10 min) is written, the second (10-20 min) is open in memory.
    // Written or found stored (a writer restarted after a Cassandra timeout reads its log again),
    // or held open: every point sent has been read.
    Eventually.await(
        Duration.ofSeconds(210),
        () -> first.durablePoints() + first.openPoints() >= sent && first.openPoints() > 0,
        () ->
            "the writer has read all %d points and holds an open block: %.0f durable, %.0f open"
                .formatted(sent, first.durablePoints(), first.openPoints()));
    assertTrue(first.metrics().count("vitrum.history.blocks", "written") >= expected.size());
    writer.abort(new IllegalStateException("crash"));
    first.kit().shutdownTestKit();

    publish(first.kafka().readings(), between(expected, crash, to));
    Node second = node("HistoryCrashSecond", prefix, "");
    streams.add(second.writer("history-crash"));
    awaitStored(second, expected, from, to);
    for (Map.Entry<String, Points> e : expected.entrySet()) {
      assertSameSeries(e.getKey(), e.getValue(), raw(second, e.getKey(), from, to));
      // Rollups count every point once.
      assertRollups(
          RollupBucket.of(e.getValue(), Resolution.MINUTE),
          rollups(second, e.getKey(), Resolution.MINUTE, from, to));
    }
  }

  @Test
  void retentionDropsWhatIsDue() throws Exception {
    // Two blocks: the later one's raw retention ends 90 s after its end plus now, the earlier
    // one's has ended already; minute rollups are kept for two years.
    Instant late = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
    Instant early = late.minus(Duration.ofMinutes(10));
    Instant lateEnd = late.plus(Duration.ofMinutes(10));
    long rawRetention = Duration.between(lateEnd, Instant.now()).toSeconds() + 90;
    Map<String, Points> all = simulate(early, Duration.ofMinutes(20), 13);
    Map<String, Points> one = new TreeMap<>();
    String tag = all.keySet().iterator().next();
    one.put(tag, all.get(tag));
    Node node =
        node(
            "HistoryRetention",
            TestKafka.uniquePrefix("retention"),
            "vitrum.history.retention.raw = " + rawRetention + "s");
    streams.add(node.writer("history-retention"));
    publish(node.kafka().readings(), one);

    Eventually.await(
        WITHIN,
        () -> {
          try {
            return rollups(node, tag, Resolution.MINUTE, early, lateEnd).size() == 20;
          } catch (Exception e) {
            return false;
          }
        },
        () -> "both blocks' minute rollups are written");
    assertEquals(1.0, node.metrics().count("vitrum.history.blocks", "expired"), "one block due");
    assertTrue(raw(node, tag, early, late).size() == 0, "the due block was never written");
    // Rollups are written before their block: wait for the block itself.
    Eventually.await(
        WITHIN,
        () -> {
          try {
            return raw(node, tag, late, lateEnd).size() > 0;
          } catch (Exception e) {
            return false;
          }
        },
        () -> "the later block is stored until its retention ends");
    Eventually.await(
        WITHIN,
        () -> {
          try {
            return raw(node, tag, late, lateEnd).size() == 0;
          } catch (Exception e) {
            return false;
          }
        },
        () -> "the later block expires with its retention");
    assertEquals(20, rollups(node, tag, Resolution.MINUTE, early, lateEnd).size());
  }

  @Test
  void aReplayThroughTheFeatureStageGivesTheVectorsOfTheLiveRun() throws Exception {
    Instant from = HOUR.minus(Duration.ofHours(4));
    Instant to = from.plus(Duration.ofMinutes(30));
    Map<String, Points> expected = simulate(from, Duration.ofMinutes(30), 14);
    // The live run waits up to 30 s for a lagging tag (a loaded box), so both runs see the same.
    Node node =
        node("HistoryReplay", TestKafka.uniquePrefix("replay"), "vitrum.features.idle = 30s");
    FeatureSettings features = FeatureSettings.create(node.config());
    ConcurrentMap<Long, FeatureVector> live = new ConcurrentHashMap<>();
    TagMap tagMap = TagMap.parse(PlantWiring.csv(1)).toMap();
    streams.add(
        LiveFeatures.start(
            node.kit().system(),
            node.kafka(),
            features,
            () -> tagMap,
            v -> live.put(v.at(), v),
            Clock.systemUTC()));
    streams.add(node.writer("history-replay"));
    publish(node.kafka().readings(), expected);
    awaitStored(node, expected, from, to);
    Eventually.await(
        WITHIN,
        () -> live.containsKey(to.toEpochMilli() - 10_000),
        () -> "the live run has reached the end of the range");

    Replays replays =
        new Replays(
            node.kit().system(),
            node.query(),
            node.settings().replay(),
            features,
            Clock.systemUTC());
    ReplayRun run =
        replays
            .start(new ReplayRequest("F1", from, to, 0))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    Eventually.await(WITHIN, () -> !run.running(), () -> "the replay ends");
    assertEquals(ReplayRun.State.COMPLETED, run.progress().state());
    assertEquals(expected.values().stream().mapToLong(Points::size).sum(), run.progress().points());

    // From the longest window past the start on, both runs saw the same readings.
    long comparableFrom = from.plus(features.schema().longestWindow()).toEpochMilli();
    List<FeatureVector> compared = new CopyOnWriteArrayList<>();
    for (FeatureVector v : run.vectors()) {
      // The live run's last instant waits for readings past the range that never come.
      if (v.at() >= comparableFrom && v.at() < to.toEpochMilli()) {
        FeatureVector l = live.get(v.at());
        assertTrue(l != null, "live vector at " + Instant.ofEpochMilli(v.at()));
        assertTrue(v.sameFeatures(l), "vector at " + Instant.ofEpochMilli(v.at()));
        assertEquals(run.id(), v.run());
        assertEquals(LiveFeatures.RUN, l.run());
        compared.add(v);
      }
    }
    assertTrue(compared.size() >= 80, compared.size() + " vectors compared");
  }
}
