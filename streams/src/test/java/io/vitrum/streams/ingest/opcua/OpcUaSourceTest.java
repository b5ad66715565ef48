package io.vitrum.streams.ingest.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.ingest.Quality;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.ConnectionState;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceHandle;
import io.vitrum.streams.ingest.testsupport.Collector;
import io.vitrum.streams.ingest.testsupport.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OPC UA source against an in-test Milo server (security None). */
class OpcUaSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String T1 = "F1.crown.T1";
  private static final String T2 = "F1.crown.T2";
  private static final String P = "F1.crown.P";
  private static final String TEXT = "F1.panel.Label";

  private static ActorTestKit testKit;
  private static TestOpcUaServer server;

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    server = TestOpcUaServer.plain().doubles(T1, T2, P).strings(TEXT).start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    testKit.shutdownTestKit();
  }

  private static SourceHandle handle(String name) {
    return new IngestStatus(Clock.systemUTC()).handle(name);
  }

  @Test
  void deliversChangesAsReadingsWithTagTimestampAndGoodQuality() {
    SourceHandle handle = handle("opcua");
    OpcUaSource source =
        new OpcUaSource(
            OpcUaTestSettings.of(server.endpoint()),
            List.of(OpcUaTestSettings.row(T1), OpcUaTestSettings.row(T2)),
            handle);
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT,
          () -> handle.status().state() == ConnectionState.CONNECTED,
          () -> "connected: " + handle.status());
      Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3);
      server.set(T1, 1520.5, StatusCode.GOOD, ts);
      Eventually.await(
          WAIT,
          () -> c.readings(T1).stream().anyMatch(r -> r.value() == 1520.5),
          () -> "1520.5 for " + T1 + " in " + c.readings());
      SourceReading r =
          c.readings(T1).stream().filter(x -> x.value() == 1520.5).findFirst().orElseThrow();
      assertEquals(ts, r.ts());
      assertEquals(Quality.GOOD, r.quality());
      assertEquals(null, r.unit());
      Inbound<NotUsed> carrying =
          c.inbounds().stream().filter(i -> i.readings().contains(r)).findFirst().orElseThrow();
      assertEquals("opcua", carrying.source());
      assertTrue(
          Collector.text(carrying).contains(TestOpcUaServer.nodeId(T1) + "=1520.5@"),
          Collector.text(carrying));
      assertTrue(handle.status().readings() >= 1);
      assertTrue(c.malformed().isEmpty(), () -> "malformed: " + c.malformed());
    }
  }

  @Test
  void badAndUncertainStatusesBecomeBadAndUncertainReadings() {
    OpcUaSource source =
        new OpcUaSource(
            OpcUaTestSettings.of(server.endpoint()),
            List.of(OpcUaTestSettings.row(T2)),
            handle("opcua"));
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      server.set(T2, 1400.0, new StatusCode(StatusCodes.Bad_SensorFailure), Instant.now());
      Eventually.await(
          WAIT,
          () -> c.readings(T2).stream().anyMatch(r -> r.quality() == Quality.BAD),
          () -> "a BAD reading in " + c.readings());
      server.set(T2, 1401.0, new StatusCode(StatusCodes.Uncertain_LastUsableValue), Instant.now());
      Eventually.await(
          WAIT,
          () ->
              c.readings(T2).stream()
                  .anyMatch(r -> r.quality() == Quality.UNCERTAIN && r.value() == 1401.0),
          () -> "an UNCERTAIN reading in " + c.readings());
      server.set(T2, null, new StatusCode(StatusCodes.Bad_NoCommunication), Instant.now());
      Eventually.await(
          WAIT,
          () ->
              c.readings(T2).stream()
                  .anyMatch(r -> r.quality() == Quality.BAD && Double.isNaN(r.value())),
          () -> "a BAD NaN reading (no value) in " + c.readings());
      assertTrue(
          c.inbounds().stream()
              .anyMatch(i -> Collector.text(i).contains("status=Bad_SensorFailure")),
          "the status name travels in the payload");
    }
  }

  @Test
  void aNonNumericValueIsMalformedAndTheOthersKeepFlowing() {
    OpcUaSource source =
        new OpcUaSource(
            OpcUaTestSettings.of(server.endpoint()),
            List.of(OpcUaTestSettings.row(TEXT), OpcUaTestSettings.row(P)),
            handle("opcua"));
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT, () -> !c.malformed().isEmpty(), () -> "a malformed inbound: " + c.inbounds());
      Inbound<NotUsed> bad = c.malformed().get(0);
      assertEquals(RejectionCode.MALFORMED_PAYLOAD, bad.malformed().code());
      assertTrue(bad.malformed().reason().contains(TEXT), bad.malformed().reason());
      assertTrue(bad.malformed().reason().contains("not a number"), bad.malformed().reason());
      assertTrue(Collector.text(bad).startsWith(TestOpcUaServer.nodeId(TEXT) + "=text@"));
      assertTrue(bad.readings().isEmpty());
      server.set(P, 7.25);
      Eventually.await(
          WAIT,
          () -> c.readings(P).stream().anyMatch(r -> r.value() == 7.25),
          () -> "7.25 for " + P + " in " + c.readings());
    }
  }

  @Test
  void anUnknownNodeIsReportedAndTheOtherItemsRun() {
    SourceHandle handle = handle("opcua");
    OpcUaSource source =
        new OpcUaSource(
            OpcUaTestSettings.of(server.endpoint()),
            List.of(
                OpcUaTestSettings.row("F1.crown.T9", "ns=2;s=F1.crown.T9"),
                OpcUaTestSettings.row("F1.crown.T8", "not a node id"),
                OpcUaTestSettings.row(T1)),
            handle);
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT,
          () -> handle.status().state() == ConnectionState.CONNECTED,
          () -> "connected: " + handle.status());
      String error = handle.status().lastError();
      assertNotNull(error);
      assertTrue(error.contains("F1.crown.T9") && error.contains("Bad_NodeIdUnknown"), error);
      assertTrue(error.contains("F1.crown.T8") && error.contains("not a node id"), error);
      server.set(T1, 1333.0);
      Eventually.await(
          WAIT,
          () -> c.readings(T1).stream().anyMatch(r -> r.value() == 1333.0),
          () -> "1333 for " + T1 + " in " + c.readings());
    }
  }

  @Test
  void aDeadbandSuppressesSmallChanges() throws Exception {
    OpcUaSource source =
        new OpcUaSource(
            OpcUaTestSettings.of(server.endpoint(), "deadband = 5"),
            List.of(OpcUaTestSettings.row(P)),
            handle("opcua"));
    server.set(P, 100.0);
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT,
          () -> c.readings(P).stream().anyMatch(r -> r.value() == 100.0),
          () -> "the initial 100 in " + c.readings());
      for (double v : new double[] {101, 102, 103}) {
        server.set(P, v);
        Thread.sleep(250); // several sampling intervals: each would be reported without deadband
      }
      server.set(P, 110.0);
      Eventually.await(
          WAIT,
          () -> c.readings(P).stream().anyMatch(r -> r.value() == 110.0),
          () -> "110 in " + c.readings());
      assertTrue(
          c.readings(P).stream().noneMatch(r -> r.value() > 100 && r.value() < 105),
          () -> "changes under the deadband were reported: " + c.readings(P));
    }
  }

  @Test
  void aNewTagMapResubscribes() {
    SourceHandle handle = handle("opcua");
    OpcUaSource source =
        new OpcUaSource(
            OpcUaTestSettings.of(server.endpoint()), List.of(OpcUaTestSettings.row(T1)), handle);
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT,
          () -> handle.status().state() == ConnectionState.CONNECTED,
          () -> "connected: " + handle.status());
      source.updateTags(List.of(OpcUaTestSettings.row(T1), OpcUaTestSettings.row(T2)));
      server.set(T2, 1234.5);
      Eventually.await(
          WAIT,
          () -> c.readings(T2).stream().anyMatch(r -> r.value() == 1234.5),
          () -> "1234.5 for the added " + T2 + " in " + c.readings());
    }
  }
}
