package io.vitrum.streams.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.ConnectionState;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.mqtt.Await;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The readings.in source against a real (in-process) Kafka. */
class ReadingsInSourceIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static KafkaTestBroker kafka;
  private static ActorSystem<Void> system;

  @BeforeAll
  static void start() {
    kafka = KafkaTestBroker.shared();
    system = ActorSystem.create(Behaviors.empty(), "ReadingsInSourceIT");
  }

  @AfterAll
  static void stop() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }

  static ReadingsInSettings settings(String topic, String group) {
    return ReadingsInSettings.create(
        ConfigFactory.parseString(
                "vitrum.kafka { bootstrap-servers = \""
                    + kafka.bootstrap()
                    + "\"\n topics.readings-in = \""
                    + topic
                    + "\"\n readings-in { group-id = \""
                    + group
                    + "\", commit-max-interval = 100ms, lag-interval = 100ms,"
                    + " min-backoff = 200ms, stop-timeout = 1s } }")
            .withFallback(ConfigFactory.load()));
  }

  static String json(int i) {
    return "{\"tag\":\"F1.crown.T1\",\"ts\":\"2026-12-01T10:00:0" + i + "Z\",\"value\":" + i + "}";
  }

  static long offset(Inbound<ConsumerMessage.CommittableOffset> in) {
    return in.ack().partitionOffset().offset();
  }

  @Test
  void offsetsAreCommittedOnlyWhenTheirTokensReachTheSink() throws Exception {
    String topic = "it-readings-in-commit";
    kafka.createTopic(topic, 1);
    kafka.produce(topic, List.of(json(1), json(2), "[not json", json(3)));
    ReadingsInSettings settings = settings(topic, "it-readings-in-commit-group");
    assertEquals("it-readings-in-commit-group", settings.groupId());
    IngestStatus status = new IngestStatus(Clock.systemUTC());

    // First run: four records, none acknowledged.
    List<Inbound<ConsumerMessage.CommittableOffset>> first =
        new ReadingsInSource(system, settings, status)
            .inbound()
            .take(4)
            .runWith(Sink.seq(), system)
            .toCompletableFuture()
            .get();
    assertEquals("kafka", first.get(0).source());
    assertEquals(
        List.of(SourceReading.good("F1.crown.T1", Instant.parse("2026-12-01T10:00:01Z"), 1)),
        first.get(0).readings());
    assertNull(first.get(0).malformed());
    assertEquals(RejectionCode.MALFORMED_PAYLOAD, first.get(2).malformed().code());
    assertEquals("[not json", new String(first.get(2).payload(), StandardCharsets.UTF_8));
    assertEquals(List.of(0L, 1L, 2L, 3L), first.stream().map(ReadingsInSourceIT::offset).toList());

    // Second run: the same records again (nothing was committed); now acknowledge them.
    ReadingsInSource source = new ReadingsInSource(system, settings, status);
    BlockingQueue<Inbound<ConsumerMessage.CommittableOffset>> q = new LinkedBlockingQueue<>();
    UniqueKillSwitch running =
        source
            .inbound()
            .viaMat(KillSwitches.single(), Keep.right())
            .to(Sink.foreach(q::add))
            .run(system);
    List<Inbound<ConsumerMessage.CommittableOffset>> second =
        List.of(
            Await.next(q, LIMIT, "0"),
            Await.next(q, LIMIT, "1"),
            Await.next(q, LIMIT, "2"),
            Await.next(q, LIMIT, "3"));
    assertEquals(List.of(0L, 1L, 2L, 3L), second.stream().map(ReadingsInSourceIT::offset).toList());
    Await.until(
        LIMIT,
        "connected and lag reported",
        () ->
            status.handle("kafka").status().state() == ConnectionState.CONNECTED
                && status.handle("kafka").status().lag() != null);
    Source.from(second)
        .map(Inbound::ack)
        .runWith(source.acknowledgements(), system)
        .toCompletableFuture()
        .get();
    running.shutdown();

    // Third run: only what came after the committed offsets.
    kafka.produce(topic, List.of(json(4)));
    Inbound<ConsumerMessage.CommittableOffset> next =
        new ReadingsInSource(system, settings, status)
            .inbound()
            .runWith(Sink.head(), system)
            .toCompletableFuture()
            .get();
    assertEquals(4L, offset(next));
    assertEquals(4.0, next.readings().get(0).value());
  }
}
