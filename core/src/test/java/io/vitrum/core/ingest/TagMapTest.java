package io.vitrum.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.AnomalyLevel;
import io.vitrum.core.plant.SetpointParameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagMapTest {
  private static final String HEADER =
      "tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address\n";

  @Test
  void parsesTheIssueExamples() {
    TagMap.Parsed parsed =
        TagMap.parse(
            HEADER
                + "F1.crown.T1,F1,degC,0,1800,,1650,opcua,ns=2;s=F1.crown.T1\n"
                + "F3.lehr.Z2,F3,degC,0,900,,,modbus,unit=1;holding=120;type=float32\n"
                + "F2.crown.T1,F2,degC,0,1800,,,mqtt,\n");
    assertEquals(List.of(), parsed.errors());
    TagMap map = parsed.toMap();
    TagMapRow t1 = map.row("F1.crown.T1").orElseThrow();
    assertEquals(SourceKind.OPCUA, t1.source());
    assertEquals("ns=2;s=F1.crown.T1", t1.address());
    assertEquals(1650.0, t1.alarmHigh());
    assertEquals(
        AnomalyLevel.HIGH,
        t1.sensorConfig().alarms().next(AnomalyLevel.NORMAL, 1651),
        "alarm limits reach the sensor's configuration");
    assertEquals(120, map.row("F3.lehr.Z2").orElseThrow().modbus().register());
    assertEquals(
        List.of("F2.crown.T1"), map.sensors(SourceKind.MQTT).stream().map(TagMapRow::tag).toList());
  }

  @Test
  void keepsGoodRowsAndNamesBadOnesByLine() {
    TagMap.Parsed parsed =
        TagMap.parse(
            HEADER
                + "F1.crown.T1,F1,degC,0,1800,,,opcua,ns=2;s=F1.crown.T1\n"
                + "F1.crown.T2,F1,degC,1800,0,,,opcua,ns=2;s=F1.crown.T2\n"
                + "bad tag,F1,degC,0,1,,,opcua,x\n"
                + "F1.crown.T3,F1,degC,0,1800,,,carrier-pigeon,\n"
                + "F1.crown.T4,F1,degC,0,1800,,,opcua,\n"
                + "F3.lehr.Z1,F3,degC,0,900,,,modbus,unit=1;type=float32\n"
                + "F1.crown.T1,F1,degC,0,1800,,,opcua,ns=2;s=F1.crown.T1\n"
                + "F1.setpoint.warpDrive,F1,degC,0,1,,,opcua,ns=2;s=x\n"
                + "F2.crown.T5,F1,degC,0,1800,,,mqtt,\n"
                + "F1.crown.T6,F1,degC,zero,1800,,,opcua,ns=2;s=F1.crown.T6\n"
                + "F1.crown.T7,F1,degC\n");
    assertEquals(1, parsed.rows().size());
    List<TagMapError> errors = parsed.errors();
    assertEquals(
        List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12), errors.stream().map(TagMapError::line).toList());
    assertReason(errors.get(0), "min must be below max");
    assertReason(errors.get(1), "is not a tag id");
    assertReason(errors.get(2), "source 'carrier-pigeon'");
    assertReason(errors.get(3), "needs a node id");
    assertReason(errors.get(4), "give exactly one of holding");
    assertReason(errors.get(5), "appears more than once");
    assertReason(errors.get(6), "'warpDrive' is not a setpoint parameter");
    assertReason(errors.get(7), "does not match the tag's furnace");
    assertReason(errors.get(8), "min 'zero' is not a number");
    assertReason(errors.get(9), "expected at least 9 fields");
  }

  @Test
  void columnsMayComeInAnyOrderWithExtrasAndQuotes() {
    TagMap.Parsed parsed =
        TagMap.parse(
            "\uFEFFsource,address,tag,furnace,unit,min,max,alarmLow,alarmHigh,description\r\n"
                + "opcua,\"ns=2;s=F1,odd\",F1.crown.T1,F1,degC,0,1800,,,\"crown, east\"\r\n");
    assertEquals(List.of(), parsed.errors());
    assertEquals("ns=2;s=F1,odd", parsed.rows().get(0).address());
  }

  @Test
  void refusesAFileWithoutTheHeader() {
    TagMap.Parsed parsed = TagMap.parse("tag,furnace\nF1.crown.T1,F1\n");
    assertEquals(1, parsed.errors().size());
    assertEquals(1, parsed.errors().get(0).line());
    assertReason(parsed.errors().get(0), "lacks the columns [unit, min, max");
  }

  @Test
  void setpointRowsSayWhereToWrite() {
    TagMap map =
        TagMap.parse(
                HEADER
                    + "F3.setpoint.crownTemperature,F3,degC,1450,1650,,,modbus,unit=1;holding=0;type=float32\n"
                    + "F2.setpoint.excessO2,F2,%,0.5,4,,,mqtt,\n")
            .toMap();
    assertTrue(map.sensors().isEmpty(), "setpoint rows are not read");
    assertEquals(
        "F3.setpoint.crownTemperature",
        map.setpointTarget("F3", SetpointParameter.CROWN_TEMPERATURE).orElseThrow().tag());
    List<TagMapError> errors =
        TagMap.parse(
                HEADER
                    + "F3.setpoint.crownTemperature,F3,degC,1450,1650,,,modbus,unit=1;input=0;type=float32\n"
                    + "F3.setpoint.pullRate,F3,t/day,100,400,,,kafka,\n"
                    + "F3.setpoint.excessO2,F3,degC,0,4,,,mqtt,\n")
            .errors();
    assertReason(errors.get(0), "holding register");
    assertReason(errors.get(1), "opcua, mqtt or modbus");
    assertReason(errors.get(2), "is in %, not degC");
  }

  @Test
  void rejectOutputRowsSayWhereALinesRejectsGoAndOnlyOverOpcUaOrModbus() {
    TagMap map =
        TagMap.parse(
                HEADER
                    + "F1.reject.L2,F1,item,0,2147483647,,,opcua,ns=2;s=F1.reject.L2\n"
                    + "F1.crown.T1,F1,degC,0,1800,,,opcua,ns=2;s=F1.crown.T1\n")
            .toMap();
    assertEquals("ns=2;s=F1.reject.L2", map.rejectOutput("F1", "L2").orElseThrow().address());
    assertTrue(map.rejectOutput("F1", "L1").isEmpty());
    assertEquals(List.of("F1.crown.T1"), map.sensors().stream().map(TagMapRow::tag).toList());
    List<TagMapError> errors =
        TagMap.parse(
                HEADER
                    + "F2.reject.L1,F2,item,0,1000000,,,mqtt,\n"
                    + "F3.reject.L1,F3,item,0,1000000,,,modbus,unit=1;input=16;type=int32\n")
            .errors();
    assertReason(errors.get(0), "written over opcua or modbus");
    assertReason(errors.get(1), "a reject output is written to a holding register");
  }

  @Test
  void laterRowsReplaceEarlierOnesOfTheSameTag() {
    TagMap first = TagMap.parse(HEADER + "F1.crown.T1,F1,degC,0,1800,,,opcua,ns=2;s=a\n").toMap();
    TagMap second =
        first.with(TagMap.parse(HEADER + "F1.crown.T1,F1,degC,0,1700,,,opcua,ns=2;s=b\n").rows());
    assertEquals(1, second.size());
    assertEquals("ns=2;s=b", second.row("F1.crown.T1").orElseThrow().address());
    assertEquals("ns=2;s=a", first.row("F1.crown.T1").orElseThrow().address(), "immutable");
  }

  @Test
  void rendersAsCsvThatParsesBackToTheSameRows() {
    TagMap map =
        TagMap.parse(
                HEADER
                    + "F1.crown.T1,F1,degC,0,1800,,1650.5,opcua,\"ns=2;s=odd,name\"\n"
                    + "F2.flue.O2,F2,%,0,21,0.5,,mqtt,\n")
            .toMap();
    TagMap.Parsed again = TagMap.parse(map.toCsv());
    assertEquals(List.of(), again.errors());
    assertEquals(
        map.rows().stream().map(r -> r.tag() + r.address() + r.alarmHigh() + r.alarmLow()).toList(),
        again.rows().stream()
            .map(r -> r.tag() + r.address() + r.alarmHigh() + r.alarmLow())
            .toList());
  }

  private static void assertReason(TagMapError error, String expected) {
    assertTrue(error.reason().contains(expected), error.line() + ": " + error.reason());
  }
}
