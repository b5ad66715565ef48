package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import io.vitrum.config.embedded.FreePort;
import io.vitrum.core.ingest.ModbusAddress;
import io.vitrum.core.ingest.ModbusType;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.PlantWiring;
import io.vitrum.core.sim.SimulatorConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plant's Modbus TCP server against the digitalpetri client: a live exchange. */
class ModbusPlantServerTest {
  private static final int FURNACES = 3;
  private static final String FURNACE = "F3";
  private static final int UNIT = PlantWiring.modbusUnit(FURNACE);

  private static SimulatedPlant plant;
  private static ModbusPlantServer server;
  private static ModbusTcpClient client;
  private static final Map<String, Double> latest = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    PlantSimulator simulator =
        new PlantSimulator(
            SimulatorConfig.of(FURNACES, 11).withStart(Instant.parse("2026-03-01T08:00:00Z")));
    SetpointInbox inbox = new SetpointInbox(Set.copyOf(simulator.furnaces()), 16);
    plant = new SimulatedPlant(simulator, inbox);
    int port = FreePort.pick();
    server =
        ModbusPlantServer.start(
            port, PlantWiring.rows(FURNACES), plant.setpoints(), inbox, new RejectGate());
    tick(0);
    client =
        ModbusTcpClient.create(
            NettyTcpClientTransport.create(cfg -> cfg.setHostname("127.0.0.1").setPort(port)));
    client.connect();
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.disconnect();
    }
    if (server != null) {
      server.close();
    }
  }

  private static void tick(int steps) {
    PlantTick tick = plant.advance(steps);
    for (PlantStep step : tick.steps()) {
      for (Reading r : step.readings()) {
        latest.put(r.tag(), r.value());
      }
    }
    server.onTick(tick);
  }

  private static int[] words(byte[] registers) {
    int[] words = new int[registers.length / 2];
    for (int i = 0; i < words.length; i++) {
      words[i] = ((registers[2 * i] & 0xFF) << 8) | (registers[2 * i + 1] & 0xFF);
    }
    return words;
  }

  private static double decode(ModbusAddress address, int[] all) {
    int[] own = new int[address.type().registers()];
    System.arraycopy(all, address.register(), own, 0, own.length);
    return address.decode(own);
  }

  private static double setpointOverModbus(SetpointParameter p) throws Exception {
    int[] holding =
        words(
            client.readHoldingRegisters(UNIT, new ReadHoldingRegistersRequest(0, 14)).registers());
    return decode(PlantModbusServices.setpointAddress(UNIT, p), holding);
  }

  private static byte[] float32(double value) {
    int bits = Float.floatToIntBits((float) value);
    return new byte[] {
      (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits
    };
  }

  @Test
  void inputRegistersDecodeToTheValuesTheSimulatorProduced() throws Exception {
    List<TagMapRow> rows =
        PlantWiring.rows(FURNACES).stream()
            .filter(r -> r.furnace().equals(FURNACE) && !r.isWritten())
            .toList();
    assertEquals(SourceKind.MODBUS, rows.get(0).source());
    int[] input =
        words(
            client
                .readInputRegisters(UNIT, new ReadInputRegistersRequest(0, 2 * rows.size()))
                .registers());

    for (TagMapRow row : rows) {
      ModbusAddress address = row.modbus();
      double expected = latest.get(row.tag());
      double decoded = decode(address, input);
      double tolerance =
          address.type() == ModbusType.FLOAT32
              ? Math.ulp((float) expected)
              : address.scale() / 2 + 1e-12;
      assertEquals(expected, decoded, tolerance, row.tag() + " at " + address);
    }
  }

  @Test
  void holdingRegistersCarryTheSetpoints() throws Exception {
    for (SetpointParameter p : SetpointParameter.values()) {
      assertEquals(
          (float) plant.simulator().setpoints(FURNACE).get(p), setpointOverModbus(p), p.key());
    }
  }

  @Test
  void writingAFloatWithFunction16ChangesTheSetpoint() throws Exception {
    client.writeMultipleRegisters(
        UNIT,
        new WriteMultipleRegistersRequest(
            2 * SetpointParameter.CROWN_TEMPERATURE.ordinal(), 2, float32(1580.0)));

    tick(1);
    assertEquals(
        1580.0, plant.simulator().setpoints(FURNACE).get(SetpointParameter.CROWN_TEMPERATURE));
    assertEquals(1580.0, setpointOverModbus(SetpointParameter.CROWN_TEMPERATURE));
  }

  @Test
  void writingOneWordWithFunction6ChangesTheSetpoint() throws Exception {
    int register = 2 * SetpointParameter.LEHR_COOLING_RATE.ordinal();
    int highWordOfTen = Float.floatToIntBits(10.0f) >>> 16;

    client.writeSingleRegister(UNIT, new WriteSingleRegisterRequest(register, highWordOfTen));

    tick(1);
    double now = plant.simulator().setpoints(FURNACE).get(SetpointParameter.LEHR_COOLING_RATE);
    assertEquals(10.0, now, 0.01);
    assertEquals((float) now, setpointOverModbus(SetpointParameter.LEHR_COOLING_RATE));
  }

  @Test
  void aSetpointOutsideTheSafeBoundsIsAnIllegalDataValue() throws Exception {
    double before = plant.simulator().setpoints(FURNACE).get(SetpointParameter.PULL_RATE);

    ModbusResponseException refused =
        assertThrows(
            ModbusResponseException.class,
            () ->
                client.writeMultipleRegisters(
                    UNIT,
                    new WriteMultipleRegistersRequest(
                        2 * SetpointParameter.PULL_RATE.ordinal(), 2, float32(900.0))));

    assertEquals(ExceptionCode.ILLEGAL_DATA_VALUE.getCode(), refused.getExceptionCode());
    tick(1);
    assertEquals(before, plant.simulator().setpoints(FURNACE).get(SetpointParameter.PULL_RATE));
    assertEquals((float) before, setpointOverModbus(SetpointParameter.PULL_RATE));
  }

  @Test
  void aWriteBeyondTheSetpointTableIsAnIllegalDataAddress() {
    ModbusResponseException refused =
        assertThrows(
            ModbusResponseException.class,
            () -> client.writeSingleRegister(UNIT, new WriteSingleRegisterRequest(100, 1)));

    assertEquals(ExceptionCode.ILLEGAL_DATA_ADDRESS.getCode(), refused.getExceptionCode());
  }

  @Test
  void readingsFollowTheSimulator() throws Exception {
    ModbusAddress gob =
        PlantWiring.rows(FURNACES).stream()
            .filter(r -> r.tag().equals("F3.gob.T"))
            .findFirst()
            .orElseThrow()
            .modbus();
    double before = latest.get("F3.gob.T");

    tick(5);

    int[] words =
        words(
            client
                .readInputRegisters(UNIT, new ReadInputRegistersRequest(gob.register(), 2))
                .registers());
    double now = gob.decode(words);
    assertEquals((float) (double) latest.get("F3.gob.T"), now);
    assertNotEquals((float) before, now, "the gob temperature is noisy: it changes");
    assertTrue(now > 900 && now < 1300, "gob at " + now);
  }
}
