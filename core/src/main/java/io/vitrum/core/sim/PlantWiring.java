package io.vitrum.core.sim;

import io.vitrum.core.ingest.ModbusAddress;
import io.vitrum.core.ingest.ModbusTable;
import io.vitrum.core.ingest.ModbusType;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.ingest.WordOrder;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.plant.TagSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * How the simulated plant is wired, shared by the plant process (which serves it) and the engine
 * (whose default tag map reads it): furnace {@code F1} speaks OPC UA, {@code F2} MQTT, {@code F3}
 * Modbus TCP, and furnaces beyond cycle through the three. On Modbus, furnace {@code F(3k)} is unit
 * {@code k}; its {@code n}-th tag (in {@link FurnaceTags#of} order) sits at input register {@code
 * 2n} as a float32, except a few scaled integers and one word-swapped float, as real PLCs mix them;
 * setpoint {@code j} (in {@link SetpointParameter} order) is the float32 at holding register {@code
 * 2j}. An OPC UA node id is {@code ns=2;s=<tag>}.
 */
public final class PlantWiring {
  /** The namespace index of the plant's OPC UA variables. */
  public static final int OPCUA_NAMESPACE = 2;

  /** Crown thermocouples alarm above this (degC). */
  public static final double CROWN_ALARM_HIGH = 1650;

  private PlantWiring() {}

  /** The protocol furnace number {@code n} (1-based) speaks. */
  public static SourceKind protocolOf(int n) {
    return switch ((n - 1) % 3) {
      case 0 -> SourceKind.OPCUA;
      case 1 -> SourceKind.MQTT;
      default -> SourceKind.MODBUS;
    };
  }

  /** The protocol of furnace {@code furnaceId} ({@code F<n>}). */
  public static SourceKind protocolOf(String furnaceId) {
    return protocolOf(number(furnaceId));
  }

  /** The Modbus unit id of a Modbus furnace {@code F<n>}. */
  public static int modbusUnit(String furnaceId) {
    return (number(furnaceId) - 1) / 3 + 1;
  }

  /** The OPC UA node id of {@code tag}: {@code ns=2;s=<tag>}. */
  public static String opcUaNodeId(String tag) {
    return "ns=" + OPCUA_NAMESPACE + ";s=" + tag;
  }

  /** Every tag-map row of a simulated plant of {@code furnaces} furnaces F1..Fn. */
  public static List<TagMapRow> rows(int furnaces) {
    List<TagMapRow> rows = new ArrayList<>();
    int line = 2;
    for (int n = 1; n <= furnaces; n++) {
      String furnace = "F" + n;
      SourceKind source = protocolOf(n);
      List<TagSpec> specs = FurnaceTags.of(furnace);
      for (int k = 0; k < specs.size(); k++) {
        TagSpec spec = specs.get(k);
        Double high = spec.tag().contains(".crown.T") ? CROWN_ALARM_HIGH : null;
        rows.add(
            new TagMapRow(
                line++,
                spec.tag(),
                furnace,
                spec.unit(),
                spec.min(),
                spec.max(),
                null,
                high,
                source,
                address(source, spec, k, modbusUnit(furnace))));
      }
      for (SetpointParameter p : SetpointParameter.values()) {
        String tag = TagId.of(furnace, TagMapRow.SETPOINT_AREA, p.key());
        String address =
            switch (source) {
              case OPCUA -> opcUaNodeId(tag);
              case MODBUS ->
                  new ModbusAddress(
                          modbusUnit(furnace),
                          ModbusTable.HOLDING,
                          2 * p.ordinal(),
                          ModbusType.FLOAT32,
                          1,
                          WordOrder.ABCD)
                      .toString();
              default -> "";
            };
        rows.add(
            new TagMapRow(
                line++, tag, furnace, p.unit(), p.min(), p.max(), null, null, source, address));
      }
    }
    return List.copyOf(rows);
  }

  /** The same rows as CSV text with the tag map's header. */
  public static String csv(int furnaces) {
    return io.vitrum.core.ingest.TagMap.EMPTY.with(rows(furnaces)).toCsv();
  }

  private static String address(SourceKind source, TagSpec spec, int index, int unit) {
    return switch (source) {
      case OPCUA -> opcUaNodeId(spec.tag());
      case MODBUS -> modbusAddress(spec, index, unit).toString();
      case MQTT, KAFKA -> "";
    };
  }

  private static ModbusAddress modbusAddress(TagSpec spec, int index, int unit) {
    String point = spec.tag().substring(spec.tag().indexOf('.') + 1);
    int register = 2 * index;
    return switch (point) {
      case "crown.P" ->
          new ModbusAddress(
              unit, ModbusTable.INPUT, register, ModbusType.INT16, 0.01, WordOrder.ABCD);
      case "glass.level" ->
          new ModbusAddress(
              unit, ModbusTable.INPUT, register, ModbusType.INT16, 0.001, WordOrder.ABCD);
      case "flue.O2" ->
          new ModbusAddress(
              unit, ModbusTable.INPUT, register, ModbusType.UINT16, 0.001, WordOrder.ABCD);
      case "gas.flow" ->
          new ModbusAddress(
              unit, ModbusTable.INPUT, register, ModbusType.FLOAT32, 1, WordOrder.CDAB);
      default ->
          new ModbusAddress(
              unit, ModbusTable.INPUT, register, ModbusType.FLOAT32, 1, WordOrder.ABCD);
    };
  }

  private static int number(String furnaceId) {
    if (!furnaceId.matches("F[1-9][0-9]*")) {
      throw new IllegalArgumentException("not a simulated furnace id: " + furnaceId);
    }
    return Integer.parseInt(furnaceId.substring(1));
  }
}
