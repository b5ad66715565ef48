package io.vitrum.streams.ingest.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digitalpetri.modbus.ExceptionCode;
import io.vitrum.core.ingest.ModbusTable;
import io.vitrum.core.ingest.Quality;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.sim.PlantWiring;
import io.vitrum.streams.ingest.ConnectionState;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceHandle;
import io.vitrum.streams.ingest.testsupport.Collector;
import io.vitrum.streams.ingest.testsupport.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Modbus poller against an in-test Modbus TCP server holding the simulated plant's image. */
class ModbusSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static ActorTestKit testKit;
  private static TestModbusServer server;

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    server = new TestModbusServer(1, 2).start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    testKit.shutdownTestKit();
  }

  @AfterEach
  void clearFailures() {
    for (int unit : new int[] {1, 2}) {
      server.failReads(unit, ModbusTable.INPUT, 10, null);
    }
  }

  /** The Modbus sensor rows of the simulated plant's F3 (unit 1) and, with 6, F6 (unit 2). */
  private static List<TagMapRow> plantRows(int furnaces) {
    return PlantWiring.rows(furnaces).stream()
        .filter(r -> r.source() == SourceKind.MODBUS && !r.isWritten())
        .toList();
  }

  private static SourceHandle handle() {
    return new IngestStatus(Clock.systemUTC()).handle("modbus");
  }

  private static int[] float32(float v) {
    int bits = Float.floatToIntBits(v);
    return new int[] {bits >>> 16, bits & 0xFFFF};
  }

  @Test
  void decodesFloat32ScaledIntegersAndWordOrderThroughThePoller() {
    int[] t1 = float32(1520.5f);
    server.set(1, ModbusTable.INPUT, 0, t1); // F3.crown.T1 float32 abcd
    int[] gas = float32(812.25f);
    server.set(1, ModbusTable.INPUT, 36, gas[1], gas[0]); // F3.gas.flow float32 cdab
    server.set(1, ModbusTable.INPUT, 40, 45000); // F3.flue.O2 uint16 x0.001
    server.set(1, ModbusTable.INPUT, 44, -250 & 0xFFFF); // F3.crown.P int16 x0.01
    server.set(1, ModbusTable.INPUT, 46, 1234); // F3.glass.level int16 x0.001
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    SourceHandle handle = handle();
    List<TagMapRow> rows = plantRows(3);
    ModbusSource source =
        new ModbusSource(
            ModbusTestSettings.of(server.port()), rows, handle, Clock.fixed(now, ZoneOffset.UTC));
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT, () -> c.readings().size() >= rows.size(), () -> "one poll: " + c.readings());
      assertEquals(1520.5, value(c, "F3.crown.T1"), 0);
      assertEquals(812.25, value(c, "F3.gas.flow"), 0);
      assertEquals(45.0, value(c, "F3.flue.O2"), 1e-9);
      assertEquals(-2.5, value(c, "F3.crown.P"), 1e-9);
      assertEquals(1.234, value(c, "F3.glass.level"), 1e-9);
      SourceReading r = c.readings("F3.crown.T1").get(0);
      assertEquals(now, r.ts());
      assertEquals(Quality.GOOD, r.quality());
      assertEquals(null, r.unit());
      Inbound<NotUsed> first = c.inbounds().get(0);
      assertEquals("modbus", first.source());
      assertEquals(rows.size(), first.readings().size(), "all 43 tags in one response");
      assertTrue(
          Collector.text(first).startsWith("unit=1 input=0..85 (86 registers)@" + now),
          Collector.text(first));
      assertEquals(ConnectionState.CONNECTED, handle.status().state());
      assertTrue(c.malformed().isEmpty());
    }
  }

  private static double value(Collector<NotUsed> c, String tag) {
    return c.readings(tag).get(0).value();
  }

  @Test
  void groupsRowsIntoOneRequestPerUnitAndTable() {
    List<TagMapRow> rows = new ArrayList<>(plantRows(6));
    rows.add(ModbusTestSettings.row("F6.extra.H1", "unit=2;holding=100;type=float32"));
    rows.add(ModbusTestSettings.row("F6.extra.H2", "unit=2;holding=103;type=uint16"));
    ModbusSource source = new ModbusSource(ModbusTestSettings.of(server.port()), rows, handle());
    assertEquals(3, source.requestsPerPoll(), "unit 1 input, unit 2 input, unit 2 holding");
    int readsBefore = server.reads();
    long polls;
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(WAIT, () -> source.polls() >= 3, () -> "three polls: " + source.polls());
      polls = source.polls();
      assertTrue(
          c.readings("F6.extra.H2").size() >= 1 && c.readings("F3.crown.T1").size() >= 1,
          "both units and both tables were read");
    }
    int reads = server.reads() - readsBefore;
    // three requests per completed poll, plus at most one poll in progress when it stopped
    assertTrue(
        reads >= 3 * polls && reads <= 3 * (polls + 2),
        () -> reads + " read requests for " + polls + " polls");
  }

  @Test
  void anExceptionResponseForOneBlockIsReportedAndTheOtherBlocksStillArrive() {
    server.failReads(2, ModbusTable.INPUT, 10, ExceptionCode.ILLEGAL_DATA_ADDRESS);
    SourceHandle handle = handle();
    ModbusSource source =
        new ModbusSource(ModbusTestSettings.of(server.port()), plantRows(6), handle);
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT,
          () -> c.malformed().size() >= 2 && c.readings("F3.crown.T1").size() >= 2,
          () -> "malformed unit 2 and readings of unit 1, twice: " + c.inbounds());
      Inbound<NotUsed> bad = c.malformed().get(0);
      assertEquals(RejectionCode.MALFORMED_PAYLOAD, bad.malformed().code());
      assertTrue(Collector.text(bad).contains("unit=2 input=0..85"), Collector.text(bad));
      assertTrue(
          bad.malformed().reason().contains("ILLEGAL_DATA_ADDRESS"), bad.malformed().reason());
      assertTrue(bad.malformed().reason().contains("F6.crown.T1"), bad.malformed().reason());
      assertTrue(c.readings("F6.crown.T1").isEmpty());
      assertEquals(ConnectionState.FAILED, handle.status().state());
      assertTrue(handle.status().lastError().contains("ILLEGAL_DATA_ADDRESS"));

      server.failReads(2, ModbusTable.INPUT, 10, null);
      Eventually.await(
          WAIT,
          () -> !c.readings("F6.crown.T1").isEmpty(),
          () -> "unit 2 again once it answers: " + c.readings());
      Eventually.await(
          WAIT,
          () -> handle.status().state() == ConnectionState.CONNECTED,
          () -> "connected again: " + handle.status());
    }
  }

  @Test
  void aUnitThatNeverAnswersTimesOutAndTheOthersStillArrive() {
    List<TagMapRow> rows = new ArrayList<>(plantRows(3));
    rows.add(ModbusTestSettings.row("F9.crown.T1", "unit=9;input=0;type=float32"));
    ModbusSource source =
        new ModbusSource(
            ModbusTestSettings.of(server.port(), "request-timeout = 300ms"), rows, handle());
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT,
          () -> c.malformed().size() >= 2 && c.readings("F3.crown.T1").size() >= 2,
          () -> "timeouts and readings, twice: " + c.inbounds());
      Inbound<NotUsed> bad = c.malformed().get(0);
      assertTrue(bad.malformed().reason().contains("unit=9 input=0..1"), bad.malformed().reason());
      assertTrue(bad.malformed().reason().contains("no response"), bad.malformed().reason());
    }
  }

  @Test
  void reconnectsAfterTheServerRestarts() throws Exception {
    SourceHandle handle = handle();
    ModbusSource source =
        new ModbusSource(ModbusTestSettings.of(server.port()), plantRows(3), handle);
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT, () -> c.readings("F3.crown.T1").size() >= 3, () -> "polls before the restart");
      server.stop();
      Eventually.await(
          WAIT,
          () -> handle.status().state() != ConnectionState.CONNECTED,
          () -> "the loss noticed: " + handle.status());
      int before = c.readings("F3.crown.T1").size();
      server.start();
      Eventually.await(
          WAIT,
          () -> c.readings("F3.crown.T1").size() >= before + 3,
          () -> "polls after the restart: " + handle.status());
      assertEquals(ConnectionState.CONNECTED, handle.status().state());
      assertTrue(handle.status().reconnects() >= 1, () -> "reconnects: " + handle.status());
      assertTrue(
          c.malformed().isEmpty(), () -> "a lost connection is no payload: " + c.malformed());
    }
  }

  @Test
  void aNewTagMapIsPolledFromTheNextPollOn() {
    server.set(2, ModbusTable.HOLDING, 200, 4321);
    ModbusSource source =
        new ModbusSource(ModbusTestSettings.of(server.port()), plantRows(3), handle());
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(WAIT, () -> source.polls() >= 1, () -> "a poll");
      source.updateTags(
          List.of(ModbusTestSettings.row("F6.extra.H9", "unit=2;holding=200;type=uint16")));
      Eventually.await(
          WAIT,
          () -> c.readings("F6.extra.H9").stream().anyMatch(r -> r.value() == 4321),
          () -> "the new row: " + c.readings("F6.extra.H9"));
      assertEquals(1, source.requestsPerPoll());
    }
  }
}
