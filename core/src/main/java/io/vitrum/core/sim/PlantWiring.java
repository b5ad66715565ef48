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
 * 2j}. An OPC UA node id is {@code ns=2;s=<tag>}. Each furnace has one inspection line, named after
 * it; on OPC UA and Modbus its reject output {@code <F>.reject.<F>} (the number of each item to
 * reject) is a writable node, or the int32 at holding register {@link #rejectRegister}; the MQTT
 * furnaces' lines have none.
 */
public final class PlantWiring {
  /** The namespace index of the plant's OPC UA variables. */
  public static final int OPCUA_NAMESPACE = 2;

  /** Crown thermocouples alarm above this (degC). */
  public static final double CROWN_ALARM_HIGH = 1650;

  /** The unit of a reject output: the number of the item to reject. */
  public static final String ITEM_UNIT = "item";

  /** The highest item number a reject output carries (an int32 on Modbus). */
  public static final double ITEM_MAX = Integer.MAX_VALUE;

  private PlantWiring() {}

  /** The holding register of a Modbus furnace's reject output: after the setpoints. */
  public static int rejectRegister() {
    return 2 * SetpointParameter.values().length;
  }

  /** The reject output tag of furnace {@code furnaceId}'s line: {@code <F>.reject.<F>}. */
  public static String rejectOutput(String furnaceId) {
    return TagId.of(furnaceId, TagMapRow.REJECT_AREA, furnaceId);
  }

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
      String reject = rejectOutput(furnace);
      String rejectAddress =
          switch (source) {
            case OPCUA -> opcUaNodeId(reject);
            case MODBUS ->
                new ModbusAddress(
                        modbusUnit(furnace),
                        ModbusTable.HOLDING,
                        rejectRegister(),
                        ModbusType.INT32,
                        1,
                        WordOrder.ABCD)
                    .toString();
            default -> null;
          };
      if (rejectAddress != null) {
        rows.add(
            new TagMapRow(
                line++,
                reject,
                furnace,
                ITEM_UNIT,
                0,
                ITEM_MAX,
                null,
                null,
                source,
                rejectAddress));
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
