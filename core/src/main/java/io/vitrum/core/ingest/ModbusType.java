package io.vitrum.core.ingest;

/** How a value is encoded in Modbus registers. */
public enum ModbusType {
  FLOAT32(2),
  INT32(2),
  INT16(1),
  UINT16(1);

  private final int registers;

  ModbusType(int registers) {
    this.registers = registers;
  }

  /** How many 16-bit registers one value takes. */
  public int registers() {
    return registers;
  }
}
