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
    assertEquals(6 * perFurnace, parsed.rows().size());
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
