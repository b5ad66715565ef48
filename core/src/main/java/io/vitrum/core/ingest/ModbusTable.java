package io.vitrum.core.ingest;

/** The Modbus register table an address lives in. */
public enum ModbusTable {
  /** Read/write 16-bit registers (function codes 3, 6, 16). */
  HOLDING,
  /** Read-only 16-bit registers (function code 4). */
  INPUT
}
