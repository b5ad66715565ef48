package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.config.embedded.FreePort;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.PlantWiring;
import io.vitrum.core.sim.SimulatorConfig;
import io.vitrum.streams.inference.InspectionDecision;
import io.vitrum.streams.inference.RejectOutput;
import io.vitrum.streams.inference.RejectOutputSettings;
import io.vitrum.streams.ingest.SetpointWriter;
import io.vitrum.streams.ingest.modbus.ModbusSetpointWriter;
import io.vitrum.streams.ingest.modbus.ModbusSettings;
import io.vitrum.streams.ingest.opcua.OpcUaSetpointWriter;
import io.vitrum.streams.ingest.opcua.OpcUaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's reject output against the simulated plant's real OPC UA and Modbus TCP servers, with
 * the plant's own tag map: every rejected item of the OPC UA line (F1) and the Modbus line (F3) is
 * kicked there, nothing else is; the MQTT line (F2) names no output and gets no write.
 */
class RejectOutputPlantTest {
  private static final int FURNACES = 3;
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  private static final RejectGate gate = new RejectGate();
  private static OpcUaPlantServer opcua;
  private static ModbusPlantServer modbus;
  private static OpcUaSetpointWriter opcuaWriter;
  private static ModbusSetpointWriter modbusWriter;

  @BeforeAll
  static void start() throws Exception {
    PlantSimulator simulator = new PlantSimulator(SimulatorConfig.of(FURNACES, 5).withStart(START));
    SetpointInbox inbox = new SetpointInbox(Set.copyOf(simulator.furnaces()), 16);
    SimulatedPlant plant = new SimulatedPlant(simulator, inbox);
    opcua = OpcUaPlantServer.start(FreePort.pick(), List.of("F1"), plant.setpoints(), inbox, gate);
    int modbusPort = FreePort.pick();
    modbus =
        ModbusPlantServer.start(
            modbusPort, PlantWiring.rows(FURNACES), plant.setpoints(), inbox, gate);
    Config config =
        ConfigFactory.parseString(
                "vitrum.opcua.endpoint = \""
                    + opcua.endpointUrl()
                    + "\"\nvitrum.modbus { host = \"127.0.0.1\", port = "
                    + modbusPort
                    + " }")
            .withFallback(ConfigFactory.load())
            .resolve();
    opcuaWriter = new OpcUaSetpointWriter(OpcUaSettings.create(config));
    modbusWriter = new ModbusSetpointWriter(ModbusSettings.create(config));
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {opcuaWriter, modbusWriter, opcua, modbus}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static InspectionDecision decision(String furnace, long item, boolean reject) {
    Instant now = Instant.now();
    return new InspectionDecision(
        furnace,
        furnace,
        item,
        now,
        now,
        reject ? "crack" : "none",
        0.9,
        0.9,
        reject,
        "vision/1",
        null);
  }

  @Test
  void everyRejectedItemIsKickedOffItsOwnLineAndNothingElse() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TagMap map = TagMap.parse(PlantWiring.csv(FURNACES)).toMap();
    Map<SourceKind, SetpointWriter> writers =
        Map.of(SourceKind.OPCUA, opcuaWriter, SourceKind.MODBUS, modbusWriter);
    RejectOutput output =
        new RejectOutput(
            () -> map, writers, RejectOutputSettings.create(ConfigFactory.load()), registry);

    Map<String, List<Long>> rejected = Map.of("F1", new ArrayList<>(), "F3", new ArrayList<>());
    Map<String, Integer> before =
        Map.of("F1", gate.kicked("F1").size(), "F3", gate.kicked("F3").size());
    for (long item = 1; item <= 300; item++) {
      boolean reject = item % 7 == 0 || item % 11 == 0;
      for (String furnace : List.of("F1", "F2", "F3")) {
        output.accept(decision(furnace, item, reject));
        if (reject && rejected.containsKey(furnace)) {
          rejected.get(furnace).add(item);
        }
      }
    }
    output.accept(decision("F1", -1, true));

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (output.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, output.inFlight(), "every write acknowledged or timed out");
    for (String furnace : List.of("F1", "F3")) {
      List<Long> all = gate.kicked(furnace);
      List<Long> kicked = all.subList(before.get(furnace), all.size());
      assertEquals(rejected.get(furnace).size(), kicked.size(), furnace + " kicked " + kicked);
      assertEquals(new HashSet<>(rejected.get(furnace)), new HashSet<>(kicked), furnace);
    }
    assertEquals(0, gate.count("F2"), "the MQTT line names no reject output");
    double written = count(registry, "written");
    assertEquals(rejected.get("F1").size() + rejected.get("F3").size(), written, 0);
    assertEquals(1, count(registry, "no-item"), 0);
    assertTrue(
        registry
            .find("vitrum.inspection.reject.writes")
            .tag("outcome", "failed")
            .counters()
            .isEmpty());
  }

  @Test
  void aLineThatRefusesTheWriteCountsAFailureAndTheOthersGoOn() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // The Modbus row pointed at a register the plant refuses.
    TagMap map =
        TagMap.parse(
                PlantWiring.csv(FURNACES)
                    .replace(
                        "holding=" + PlantWiring.rejectRegister() + ";",
                        "holding=" + (PlantWiring.rejectRegister() + 10) + ";"))
            .toMap();
    RejectOutput output =
        new RejectOutput(
            () -> map,
            Map.of(SourceKind.OPCUA, opcuaWriter, SourceKind.MODBUS, modbusWriter),
            RejectOutputSettings.create(ConfigFactory.load()),
            registry);
    long f1Before = gate.count("F1");
    long f3Before = gate.count("F3");
    output.accept(decision("F3", 5000, true));
    output.accept(decision("F1", 5000, true));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (output.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(1, count(registry, "failed"), 0);
    assertEquals(1, count(registry, "written"), 0);
    assertEquals(f3Before, gate.count("F3"));
    assertEquals(f1Before + 1, gate.count("F1"));
  }

  private static double count(SimpleMeterRegistry registry, String outcome) {
    var c = registry.find("vitrum.inspection.reject.writes").tag("outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }
}
