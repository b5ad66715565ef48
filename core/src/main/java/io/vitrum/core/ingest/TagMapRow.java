package io.vitrum.core.ingest;

import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.plant.SetpointParameter;
import java.util.Objects;
import java.util.Optional;

/**
 * One valid row of the tag map: a sensor to read, or where the engine writes to the plant: (tag
 * {@code <furnace>.setpoint.<parameter>}) the furnace's accepted setpoints, or (tag {@code
 * <furnace>.reject.<line>}) the number of each item the inspection line must reject.
 *
 * @param line the 1-based line in the file it came from (the header is line 1)
 * @param tag the tag id
 * @param furnace the furnace (the tag's first segment)
 * @param unit the engineering unit readings must carry (when they name one)
 * @param min lowest physically possible value
 * @param max highest physically possible value
 * @param alarmLow lower alarm limit or {@code null}
 * @param alarmHigh upper alarm limit or {@code null}
 * @param source where it is read from or written to
 * @param address the source's address: an OPC UA node id, a {@link ModbusAddress}; empty for MQTT
 *     and Kafka
 */
public record TagMapRow(
    int line,
    String tag,
    String furnace,
    String unit,
    double min,
    double max,
    Double alarmLow,
    Double alarmHigh,
    SourceKind source,
    String address) {

  /** The middle segment that marks a setpoint row. */
  public static final String SETPOINT_AREA = "setpoint";

  /** The middle segment that marks a reject output row. */
  public static final String REJECT_AREA = "reject";

  /** Hysteresis of alarm limits, as a fraction of the physical range. */
  public static final double ALARM_DEADBAND_FRACTION = 0.01;

  public TagMapRow {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(furnace, "furnace");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(source, "source");
    address = address == null ? "" : address;
  }

  /** Whether this row says where a setpoint is written rather than what to read. */
  public boolean isSetpoint() {
    return setpointParameter().isPresent();
  }

  /** Whether this row says where the reject decisions of an inspection line are written. */
  public boolean isRejectOutput() {
    return tag.split("\\.")[1].equals(REJECT_AREA);
  }

  /** Whether the engine writes to this row's address rather than reading it. */
  public boolean isWritten() {
    return isSetpoint() || isRejectOutput();
  }

  /** The setpoint parameter of a setpoint row. */
  public Optional<SetpointParameter> setpointParameter() {
    String[] parts = tag.split("\\.");
    return parts.length == 3 && parts[1].equals(SETPOINT_AREA)
        ? SetpointParameter.byKey(parts[2])
        : Optional.empty();
  }

  /** The Sensor entity's configuration this row implies. */
  public SensorConfig sensorConfig() {
    double deadband =
        alarmLow == null && alarmHigh == null ? 0 : (max - min) * ALARM_DEADBAND_FRACTION;
    return new SensorConfig(
        furnace, unit, min, max, new AlarmLimits(alarmLow, alarmHigh, deadband));
  }

  /** The Modbus address of a {@link SourceKind#MODBUS} row. */
  public ModbusAddress modbus() {
    if (source != SourceKind.MODBUS) {
      throw new IllegalStateException(tag + " is not a modbus row");
    }
    return ModbusAddress.parse(address);
  }
}
