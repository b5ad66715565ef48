package io.vitrum.streams.ingest.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrum.core.ingest.ModbusTable;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.sim.PlantWiring;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How rows are cut into read requests. */
class PollPlanTest {

  private static TagMapRow row(String tag, String address) {
    return ModbusTestSettings.row(tag, address);
  }

  @Test
  void theSimulatedPlantIsOneRequestPerModbusFurnace() {
    PollPlan plan = PollPlan.of(PlantWiring.rows(9), 125, 8);
    assertEquals(3, plan.blocks().size(), "F3, F6, F9: units 1, 2, 3");
    ReadBlock b = plan.blocks().get(0);
    assertEquals(1, b.unit());
    assertEquals(ModbusTable.INPUT, b.table());
    assertEquals(0, b.start());
    assertEquals(86, b.count());
    assertEquals(43, b.tags().size());
    assertEquals(129, plan.tags());
  }

  @Test
  void aGapWiderThanAllowedStartsANewRequest() {
    List<TagMapRow> rows =
        List.of(
            row("F3.a.A", "unit=1;input=0;type=float32"),
            row("F3.a.B", "unit=1;input=6;type=int16"), // gap 4
            row("F3.a.C", "unit=1;input=20;type=uint16")); // gap 13
    PollPlan plan = PollPlan.of(rows, 125, 8);
    assertEquals(2, plan.blocks().size());
    assertEquals(0, plan.blocks().get(0).start());
    assertEquals(7, plan.blocks().get(0).count());
    assertEquals(20, plan.blocks().get(1).start());
    assertEquals(1, plan.blocks().get(1).count());
    assertEquals(3, PollPlan.of(rows, 125, 0).blocks().size(), "no gaps allowed");
  }

  @Test
  void noRequestExceedsTheRegisterLimitAndNoValueIsSplit() {
    List<TagMapRow> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(row("F3.a.T" + i, "unit=1;holding=" + 2 * i + ";type=float32"));
    }
    PollPlan plan = PollPlan.of(rows, 125, 8);
    assertEquals(2, plan.blocks().size());
    assertEquals(124, plan.blocks().get(0).count(), "62 float32 values; a 63rd would split");
    assertEquals(124, plan.blocks().get(1).start());
    assertEquals(76, plan.blocks().get(1).count());
  }

  @Test
  void unitsAndTablesAreSeparateAndOverlapsShareARequest() {
    List<TagMapRow> rows =
        List.of(
            row("F3.a.A", "unit=2;input=4;type=float32"),
            row("F3.a.B", "unit=1;input=4;type=float32"),
            row("F3.a.C", "unit=1;holding=4;type=float32"),
            row("F3.a.D", "unit=1;holding=5;type=uint16"));
    PollPlan plan = PollPlan.of(rows, 125, 8);
    assertEquals(3, plan.blocks().size());
    assertEquals(
        List.of(
            "unit=1 holding=4..5 (2 registers)",
            "unit=1 input=4..5 (2 registers)",
            "unit=2 input=4..5 (2 registers)"),
        plan.blocks().stream().map(ReadBlock::describe).toList());
    assertEquals(2, plan.blocks().get(0).tags().size());
  }
}
