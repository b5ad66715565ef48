package io.vitrum.streams.ingest.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.ingest.SourceKind;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OPC UA setpoint writer against an in-test Milo server. */
class OpcUaSetpointWriterTest {
  private static final String CROWN = "F1.setpoint.crownTemperature";
  private static final String LOCKED = "F1.setpoint.pull";

  private static TestOpcUaServer server;
  private static OpcUaSetpointWriter writer;

  @BeforeAll
  static void start() throws Exception {
    server = TestOpcUaServer.plain().doubles(CROWN).readOnlyDoubles(LOCKED).start();
    writer = new OpcUaSetpointWriter(OpcUaTestSettings.of(server.endpoint()));
  }

  @AfterAll
  static void stop() throws Exception {
    writer.close();
    server.close();
  }

  @Test
  void aWriteArrivesAtTheServer() throws Exception {
    assertEquals(SourceKind.OPCUA, writer.protocol());
    writer
        .write(OpcUaTestSettings.row(CROWN), 1580.0)
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
    assertEquals(1580.0, server.value(CROWN));
    writer
        .write(OpcUaTestSettings.row(CROWN), 1575.5)
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
    assertEquals(1575.5, server.value(CROWN));
  }

  @Test
  void aRefusedWriteFailsWithTheStatusName() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                writer
                    .write(OpcUaTestSettings.row(LOCKED), 3.0)
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS));
    OpcUaWriteException refused = assertInstanceOf(OpcUaWriteException.class, e.getCause());
    assertEquals("Bad_NotWritable", refused.status());
    assertTrue(refused.getMessage().contains(LOCKED), refused.getMessage());
    assertEquals(0.0, server.value(LOCKED));
  }

  @Test
  void anUnknownNodeFailsWithTheStatusName() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                writer
                    .write(OpcUaTestSettings.row("F1.setpoint.gasFlow"), 3.0)
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS));
    assertEquals(
        "Bad_NodeIdUnknown", assertInstanceOf(OpcUaWriteException.class, e.getCause()).status());
  }
}
