package io.vitrum.streams.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.core.ingest.Quality;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.KafkaTopics;
import io.vitrum.streams.ingest.kafka.LatestReadings;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import io.vitrum.streams.ingest.kafka.QuarantineStore;
import io.vitrum.streams.ingest.kafka.ReadingsRecord;
import io.vitrum.streams.ingest.kafka.SensorDelivery;
import io.vitrum.streams.testing.EntityNode;
import io.vitrum.streams.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.junit.jupiter.api.Test;

/**
 * The durable path against a real Kafka broker: validation and quarantine, readings in Kafka before
 * the source is acknowledged, delivery into the Sensor entities, duplicates on redelivery, and
 * readings acknowledged by Kafka surviving the loss of the node that wrote them.
 */
class IngestPipelineIT {
  private static final String HEADER =
      "tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address\n";
  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

  private final String bootstrap = TestKafka.bootstrapServers();
  private final String prefix = TestKafka.uniquePrefix("pipeline");
  private final Config config =
      ConfigFactory.parseString(
              "vitrum.kafka.bootstrap-servers = \""
                  + bootstrap
                  + "\"\n"
                  + "vitrum.kafka.partitions = 4\n"
                  + "vitrum.ingest.restart-min-backoff = 200ms\n")
          .withFallback(EntityNode.config())
          .resolve();
  private final KafkaSettings kafka = KafkaSettings.create(config).withTopicPrefix(prefix);
  private final IngestSettings settings = IngestSettings.create(config);
  private final TagMap map =
      TagMap.parse(
              HEADER
                  + "F1.crown.T1,F1,degC,0,1800,,1650,mqtt,\n"
                  + "F1.crown.T2,F1,degC,0,1800,,,mqtt,\n")
          .toMap();

  @Test
  void goodReadingsReachTheEntitiesAndBadOnesTheQuarantineWithTheirReasons() throws Exception {
    KafkaTopics.ensure(kafka).toCompletableFuture().get(150, TimeUnit.SECONDS);
    List<Inbound<Integer>> messages = new ArrayList<>();
    final int good = 101; // 50 messages of two readings, and the last of the bad message
    for (int i = 0; i < 50; i++) {
      messages.add(
          Inbound.of(
              "mqtt",
              ("msg " + i).getBytes(StandardCharsets.UTF_8),
              List.of(
                  SourceReading.good("F1.crown.T1", T0.plusSeconds(i), 1500 + i * 0.1),
                  SourceReading.good("F1.crown.T2", T0.plusSeconds(i), 1400)),
              i));
    }
    messages.add(
        Inbound.malformed(
            "mqtt",
            new byte[] {(byte) 0xff, 0x00},
            Rejection.of(RejectionCode.MALFORMED_PAYLOAD, "not JSON"),
            50));
    messages.add(
        Inbound.of(
            "mqtt",
            "bad".getBytes(StandardCharsets.UTF_8),
            List.of(
                SourceReading.good("F9.nowhere.X", T0.plusSeconds(60), 1),
                new SourceReading("F1.crown.T1", T0.plusSeconds(61), 1500, "degF", Quality.GOOD),
                SourceReading.good("F1.crown.T1", T0.plusSeconds(62), Double.NaN),
                SourceReading.good("F1.crown.T1", T0.plusSeconds(48), 1500),
                SourceReading.good("F1.crown.T1", T0.plusSeconds(49), 1504.9),
                new SourceReading("F1.crown.T2", T0.plusSeconds(63), 1400, null, Quality.BAD),
                SourceReading.good("F1.crown.T2", T0.plusSeconds(64), 1799)),
            51));

    try (EntityNode node = EntityNode.start("pipeline-it", config)) {
      configureSensors(node);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      IngestMetrics metrics = new IngestMetrics(registry);
      IngestStatus status = new IngestStatus(Clock.systemUTC());
      IngestPipeline pipeline =
          new IngestPipeline(
              node.system(), kafka, settings, () -> map, status, metrics, Clock.systemUTC());
      ListSource source = new ListSource("mqtt", messages);
      UniqueKillSwitch running = pipeline.run(source);

      awaitTrue(() -> source.acknowledged.size() == messages.size(), "every message acknowledged");
      assertEquals(
          java.util.stream.IntStream.range(0, messages.size()).boxed().toList(),
          List.copyOf(source.acknowledged),
          "acknowledged in order, each once");

      List<ConsumerRecord<String, byte[]>> readings =
          TestKafka.readAll(bootstrap, kafka.readings(), 1, Duration.ofSeconds(10));
      int inKafka = 0;
      for (ConsumerRecord<String, byte[]> r : readings) {
        ReadingsRecord record = ReadingsRecord.decode(r.value());
        assertEquals(r.key(), record.tag(), "keyed by tag");
        inKafka += record.samples().size();
      }
      assertEquals(good, inKafka, "every good reading is in the log, none of the bad");

      Map<String, String> reasons = new TreeMap<>();
      for (ConsumerRecord<String, byte[]> r :
          TestKafka.readAll(bootstrap, kafka.quarantine(), 7, Duration.ofSeconds(20))) {
        QuarantineRecord q = QuarantineRecord.decode(r.value());
        reasons.put(q.reason(), q.tag() == null ? q.payloadEncoding() : q.tag());
      }
      assertEquals(
          Map.of(
              "malformed-payload", "base64",
              "unknown-tag", "F9.nowhere.X",
              "unit-mismatch", "F1.crown.T1",
              "not-finite", "F1.crown.T1",
              "not-newer-than-last", "F1.crown.T1",
              "duplicate", "F1.crown.T1",
              "bad-quality", "F1.crown.T2"),
          reasons);
      assertEquals(List.of("F9.nowhere.X"), status.unknownTags());
      assertEquals(
          7L,
          status.quarantineCounts().get("mqtt").values().stream().mapToLong(Long::longValue).sum());

      try (QuarantineStore store = QuarantineStore.start(kafka, 100)) {
        awaitTrue(() -> store.size() == 7, "the store reads the quarantine back");
        assertEquals(1, store.newest(10, "unit-mismatch", null).size());
        assertEquals(
            "bad-quality", store.newest(1, null, "mqtt").get(0).record().reason(), "newest first");
      }

      LatestReadings latest = new LatestReadings();
      UniqueKillSwitch delivery =
          new SensorDelivery(
                  node.system(),
                  kafka,
                  settings,
                  metrics,
                  status.handle("delivery"),
                  latest,
                  Clock.systemUTC())
              .start();
      awaitTrue(
          () -> accepted(node, "F1.crown.T1") == 50 && accepted(node, "F1.crown.T2") == 51,
          "the entities hold every good reading");
      awaitTrue(
          () ->
              Double.valueOf(1799.0)
                  .equals(latest.snapshot().getOrDefault("F1", Map.of()).get("F1.crown.T2")),
          "the twins' latest readings follow the delivered ones");
      delivery.shutdown();
      running.shutdown();

      // A second consumer group delivers the same log again: all duplicates, nothing quarantined.
      IngestSettings again =
          IngestSettings.create(
              ConfigFactory.parseString("vitrum.ingest.delivery.group-id = replay")
                  .withFallback(config));
      UniqueKillSwitch replay =
          new SensorDelivery(
                  node.system(),
                  kafka,
                  again,
                  metrics,
                  status.handle("replay"),
                  latest,
                  Clock.systemUTC())
              .start();
      awaitTrue(
          () -> counter(registry, "sensor", "duplicate") == good,
          "every redelivered reading is counted as a duplicate");
      replay.shutdown();
      assertEquals(50, accepted(node, "F1.crown.T1"), "duplicates change nothing");
      assertEquals(
          7,
          TestKafka.readAll(bootstrap, kafka.quarantine(), 8, Duration.ofSeconds(3)).size(),
          "duplicates are not quarantined");
    }
  }

  @Test
  void readingsAcknowledgedByKafkaSurviveTheLossOfTheNodeBeforeAnyEntitySawThem() throws Exception {
    KafkaSettings isolated = kafka.withTopicPrefix("crash.");
    KafkaTopics.ensure(isolated).toCompletableFuture().get(150, TimeUnit.SECONDS);
    List<Inbound<Integer>> messages = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      messages.add(
          Inbound.of(
              "kafka",
              new byte[0],
              List.of(SourceReading.good("F1.crown.T1", T0.plusSeconds(i), 1500)),
              i));
    }
    try (EntityNode writer = EntityNode.start("pipeline-writer", config)) {
      ListSource source = new ListSource("kafka", messages);
      new IngestPipeline(
              writer.system(),
              isolated,
              settings,
              () -> map,
              new IngestStatus(Clock.systemUTC()),
              new IngestMetrics(new SimpleMeterRegistry()),
              Clock.systemUTC())
          .run(source);
      awaitTrue(() -> source.acknowledged.size() == 20, "acknowledged by Kafka");
    } // the node is gone; no entity ever saw a reading
    try (EntityNode reader = EntityNode.start("pipeline-reader", config)) {
      configureSensors(reader);
      new SensorDelivery(
              reader.system(),
              isolated,
              settings,
              new IngestMetrics(new SimpleMeterRegistry()),
              new IngestStatus(Clock.systemUTC()).handle("delivery"),
              new LatestReadings(),
              Clock.systemUTC())
          .start();
      awaitTrue(() -> accepted(reader, "F1.crown.T1") == 20, "the new node delivers all of them");
    }
  }

  private void configureSensors(EntityNode node) throws Exception {
    TagMapApplied applied =
        new TagMapRegistry(node.system(), Duration.ofSeconds(5))
            .apply(
                TagMap.parse(
                    HEADER
                        + "F1.crown.T1,F1,degC,0,1800,,1650,mqtt,\nF1.crown.T2,F1,degC,0,1800,,,mqtt,\n"))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertEquals(2, applied.sensorsConfigured(), applied.errors().toString());
  }

  private static long accepted(EntityNode node, String tag) {
    TestProbe<Sensor.SensorView> probe = node.testKit().createTestProbe();
    ClusterSharding.get(node.system())
        .entityRefFor(Sensor.ENTITY_KEY, tag)
        .tell(new Sensor.GetState(probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(10)).window().accepted();
  }

  private static double counter(SimpleMeterRegistry registry, String source, String outcome) {
    var c =
        registry
            .find("vitrum.ingest.readings")
            .tag("source", source)
            .tag("outcome", outcome)
            .counter();
    return c == null ? 0 : c.count();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }
}
