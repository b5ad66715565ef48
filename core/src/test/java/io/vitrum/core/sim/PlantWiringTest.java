package io.vitrum.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.ingest.ModbusAddress;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.SetpointParameter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlantWiringTest {

  @Test
  void furnacesCycleThroughTheThreeProtocols() {
    assertEquals(
        List.of(SourceKind.OPCUA, SourceKind.MQTT, SourceKind.MODBUS, SourceKind.OPCUA),
        List.of(
            PlantWiring.protocolOf("F1"),
            PlantWiring.protocolOf("F2"),
            PlantWiring.protocolOf("F3"),
            PlantWiring.protocolOf("F4")));
    assertEquals(1, PlantWiring.modbusUnit("F3"));
    assertEquals(2, PlantWiring.modbusUnit("F6"));
  }

  @Test
  void itsCsvParsesBackWithoutErrorsToTheSameRows() {
    TagMap.Parsed parsed = TagMap.parse(PlantWiring.csv(6));
    assertEquals(List.of(), parsed.errors());
    assertEquals(PlantWiring.rows(6), parsed.rows());
    int perFurnace = FurnaceTags.of("F1").size() + SetpointParameter.values().length;
    // A reject output on the OPC UA and Modbus lines (F1, F3, F4, F6), none on MQTT (F2, F5).
    assertEquals(6 * perFurnace + 4, parsed.rows().size());
  }

  @Test
  void theOpcUaAndModbusLinesNameAWritableRejectOutputAndAreNeverRead() {
    TagMap map = TagMap.parse(PlantWiring.csv(3)).toMap();
    TagMapRow f1 = map.rejectOutput("F1", "F1").orElseThrow();
    assertEquals("ns=2;s=F1.reject.F1", f1.address());
    assertTrue(f1.isRejectOutput() && f1.isWritten() && !f1.isSetpoint());
    TagMapRow f3 = map.rejectOutput("F3", "F3").orElseThrow();
    assertEquals("unit=1;holding=" + PlantWiring.rejectRegister() + ";type=int32", f3.address());
    assertTrue(map.rejectOutput("F2", "F2").isEmpty(), "MQTT lines have none");
    assertTrue(map.rejectOutput("F1", "no such line!").isEmpty());
    assertTrue(map.sensors().stream().noneMatch(TagMapRow::isRejectOutput), "never polled");
  }

  @Test
  void modbusRegistersOfOneUnitNeverOverlap() {
    Set<String> used = new HashSet<>();
    for (TagMapRow row : PlantWiring.rows(3)) {
      if (row.source() != SourceKind.MODBUS) {
        continue;
      }
      ModbusAddress a = row.modbus();
      for (int r = a.register(); r < a.register() + a.type().registers(); r++) {
        assertTrue(used.add(a.unit() + "/" + a.table() + "/" + r), "overlap at " + row.tag());
      }
      double mid = (row.min() + row.max()) / 2;
      assertEquals(
          mid, a.decode(a.encode(mid)), Math.abs(a.scale()) + Math.ulp((float) mid), row.tag());
    }
  }
}
