package io.vitrum.streams.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.ingest.Quality;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.ConnectionState;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Sparkplug B source against a real (in-process) broker. */
class SparkplugSourceIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final long T0 = SparkplugDecoderTest.T0;
  private static MqttTestBroker broker;
  private static ActorSystem<Void> system;

  @BeforeAll
  static void start() {
    broker = MqttTestBroker.start(false);
    system = ActorSystem.create(Behaviors.empty(), "SparkplugSourceIT");
  }

  @AfterAll
  static void stop() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
    broker.close();
  }

  @Test
  void birthsDataDeathsAndGarbageEndToEnd() throws Exception {
    MqttSettings settings =
        MqttSettings.create(
                ConfigFactory.parseString(
                        "vitrum.mqtt { reconnect.min-backoff = 100ms\n"
                            + " sparkplug.groups = \"plant\" }")
                    .withFallback(ConfigFactory.load()))
            .withUrl(broker.url())
            .withClientId("it-spb");
    assertEquals(List.of("spBv1.0/plant/+/#"), settings.sparkplug().topics());
    TagMap tagMap = TagMap.parse(SparkplugDecoderTest.CSV).toMap();
    IngestStatus status = new IngestStatus(Clock.systemUTC());
    BlockingQueue<byte[]> commands = new LinkedBlockingQueue<>();
    BlockingQueue<Inbound<MqttMessageWithAck>> q = new LinkedBlockingQueue<>();
    Materializer mat = Materializer.createMaterializer(system);
    try (MqttPublisher rebirths = new MqttPublisher(settings, "it-spb-cmd", Duration.ofSeconds(5));
        PahoTestPublisher edge = new PahoTestPublisher(broker.url(), "it-spb-edge")) {
      edge.client()
          .subscribe("spBv1.0/plant/NCMD/#", 1, (topic, m) -> commands.add(m.getPayload()));
      SparkplugSource source =
          new SparkplugSource(settings, () -> tagMap, status, Clock.systemUTC(), rebirths);
      source
          .inbound()
          .filter(in -> !in.ack().message().topic().contains("/NCMD/"))
          .map(
              in -> {
                q.add(in);
                return in.ack();
              })
          .runWith(source.acknowledgements(), mat);
      Await.until(
          LIMIT,
          "subscribed",
          () -> status.handle("sparkplug").status().state() == ConnectionState.CONNECTED);

      edge.publish("spBv1.0/plant/NBIRTH/edge1", SparkplugDecoderTest.nbirth(0).toByteArray());
      edge.publish("spBv1.0/plant/DBIRTH/edge1/dev1", SparkplugDecoderTest.dbirth(1).toByteArray());
      Inbound<MqttMessageWithAck> nbirth = Await.next(q, LIMIT, "NBIRTH");
      assertEquals("sparkplug", nbirth.source());
      assertEquals(List.of(good("F9.node.U1", T0, 42, null)), nbirth.readings());
      Inbound<MqttMessageWithAck> dbirth = Await.next(q, LIMIT, "DBIRTH");
      assertEquals(good("F9.crown.T1", T0, 1500.5, "degC"), dbirth.readings().get(0));

      Payload byAlias =
          Payload.newBuilder()
              .setTimestamp(T0 + 1000)
              .setSeq(2)
              .addMetrics(Metric.newBuilder().setAlias(10).setDoubleValue(1501))
              .addMetrics(Metric.newBuilder().setAlias(12).setIntValue(7))
              .build();
      edge.publish("spBv1.0/plant/DDATA/edge1/dev1", byAlias.toByteArray());
      assertEquals(
          List.of(
              good("F9.crown.T1", T0 + 1000, 1501, "degC"),
              good("plant/edge1/dev1/Pressure", T0 + 1000, 7, null)),
          Await.next(q, LIMIT, "DDATA by alias").readings());

      Payload byName =
          Payload.newBuilder()
              .setTimestamp(T0 + 2000)
              .setSeq(3)
              .addMetrics(
                  Metric.newBuilder()
                      .setName("F9.crown.T2")
                      .setDatatype(DataType.Double_VALUE)
                      .setDoubleValue(1399))
              .build();
      edge.publish("spBv1.0/plant/DDATA/edge1/dev1", byName.toByteArray());
      assertEquals(
          List.of(good("F9.crown.T2", T0 + 2000, 1399, null)),
          Await.next(q, LIMIT, "DDATA by name").readings());

      Payload unknownAlias =
          Payload.newBuilder()
              .setTimestamp(T0)
              .setSeq(0)
              .addMetrics(Metric.newBuilder().setAlias(99).setDoubleValue(1))
              .build();
      edge.publish("spBv1.0/plant/DDATA/edge2/devX", unknownAlias.toByteArray());
      Inbound<MqttMessageWithAck> malformed = Await.next(q, LIMIT, "unknown alias");
      assertEquals(RejectionCode.MALFORMED_PAYLOAD, malformed.malformed().code());
      assertEquals(
          "no birth certificate for alias 99 of plant/edge2/devX", malformed.malformed().reason());
      Payload rebirth = Payload.parseFrom(Await.next(commands, LIMIT, "rebirth request"));
      assertEquals("Node Control/Rebirth", rebirth.getMetrics(0).getName());
      assertTrue(rebirth.getMetrics(0).getBooleanValue());

      edge.publish("spBv1.0/plant/DDATA/edge1/dev1", new byte[] {(byte) 0xFF, 0x01});
      Inbound<MqttMessageWithAck> garbage = Await.next(q, LIMIT, "garbage");
      assertEquals(RejectionCode.MALFORMED_PAYLOAD, garbage.malformed().code());
      assertTrue(garbage.malformed().reason().startsWith("not a Sparkplug B payload"));

      edge.publish(
          "spBv1.0/plant/DDEATH/edge1/dev1",
          Payload.newBuilder().setTimestamp(T0 + 3000).setSeq(4).build().toByteArray());
      assertTrue(Await.next(q, LIMIT, "DDEATH").readings().isEmpty());
      edge.publish(
          "spBv1.0/plant/DDATA/edge1/dev1",
          byAlias.toBuilder().setSeq(5).setTimestamp(T0 + 4000).build().toByteArray());
      Inbound<MqttMessageWithAck> stale = Await.next(q, LIMIT, "stale DDATA");
      assertEquals(Quality.BAD, stale.readings().get(0).quality());
      assertNull(stale.malformed());

      SparkplugCounters counters = source.counters();
      assertEquals(2, counters.births());
      assertEquals(1, counters.deaths());
      assertEquals(1, counters.unknownAliases());
      assertEquals(1, counters.rebirthRequests());
      assertEquals(0, counters.seqGaps());
      // Eight from the edge node, and our own rebirth NCMD (the subscription covers it).
      Await.until(
          LIMIT, "nine messages", () -> status.handle("sparkplug").status().messages() == 9);
    } finally {
      mat.shutdown();
    }
  }

  private static SourceReading good(String tag, long millis, double value, String unit) {
    return new SourceReading(tag, Instant.ofEpochMilli(millis), value, unit, Quality.GOOD);
  }
}
