package io.vitrum.core.ingest;

/** How a 32-bit value is spread over two 16-bit registers. */
public enum WordOrder {
  /** High word first (big-endian, the Modbus default). */
  ABCD,
  /** Low word first ("word swapped"). */
  CDAB
}
