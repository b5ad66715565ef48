package io.vitrum.streams.ingest.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digitalpetri.modbus.ExceptionCode;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.sim.PlantWiring;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Modbus setpoint writer against an in-test Modbus TCP server. */
class ModbusSetpointWriterTest {
  private static TestModbusServer server;
  private static ModbusSetpointWriter writer;

  @BeforeAll
  static void start() throws Exception {
    server = new TestModbusServer(1).start();
    writer = new ModbusSetpointWriter(ModbusTestSettings.of(server.port()));
  }

  @AfterAll
  static void stop() throws Exception {
    writer.close();
    server.close();
  }

  @AfterEach
  void succeedAgain() {
    server.failWrites(null);
  }

  private static TagMapRow setpoint(SetpointParameter p) {
    return PlantWiring.rows(3).stream()
        .filter(r -> r.tag().equals("F3.setpoint." + p.key()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFloat32SetpointLandsInItsHoldingRegisters() throws Exception {
    assertEquals(SourceKind.MODBUS, writer.protocol());
    TagMapRow pull = setpoint(SetpointParameter.PULL_RATE); // holding 6..7
    writer.write(pull, 312.5).toCompletableFuture().get(20, TimeUnit.SECONDS);
    int bits = Float.floatToIntBits(312.5f);
    assertArrayEquals(new int[] {bits >>> 16, bits & 0xFFFF}, server.holding(1, 6, 2));
    writer.write(pull, 287.0).toCompletableFuture().get(20, TimeUnit.SECONDS);
    bits = Float.floatToIntBits(287.0f);
    assertArrayEquals(new int[] {bits >>> 16, bits & 0xFFFF}, server.holding(1, 6, 2));
  }

  @Test
  void aScaledIntegerSetpointIsEncodedAsItsRowSays() throws Exception {
    TagMapRow row =
        ModbusTestSettings.row("F3.setpoint.excessO2", "unit=1;holding=40;type=int16;scale=0.01");
    writer.write(row, -1.25).toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertArrayEquals(new int[] {-125 & 0xFFFF}, server.holding(1, 40, 1));
  }

  @Test
  void anExceptionResponseFailsTheWriteWithItsName() {
    server.failWrites(ExceptionCode.SLAVE_DEVICE_FAILURE);
    int before = server.writes();
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                writer
                    .write(setpoint(SetpointParameter.CROWN_TEMPERATURE), 1580.0)
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS));
    ModbusWriteException refused = assertInstanceOf(ModbusWriteException.class, e.getCause());
    assertEquals("SLAVE_DEVICE_FAILURE", refused.exception());
    assertTrue(refused.getMessage().contains("unit=1;holding=0"), refused.getMessage());
    assertEquals(before + 1, server.writes());
  }

  @Test
  void aValueThatDoesNotFitTheRegisterIsRefusedBeforeSending() {
    TagMapRow row = ModbusTestSettings.row("F3.setpoint.pullRate", "unit=1;holding=50;type=uint16");
    int before = server.writes();
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> writer.write(row, -5).toCompletableFuture().get(20, TimeUnit.SECONDS));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(before, server.writes());
  }
}
