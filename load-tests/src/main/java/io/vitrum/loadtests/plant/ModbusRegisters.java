package io.vitrum.loadtests.plant;

import io.vitrum.core.ingest.ModbusAddress;

/**
 * Register words of a value as a PLC writes them: saturating at the type's limits, 2 bytes each.
 */
final class ModbusRegisters {
  private ModbusRegisters() {}

  /**
   * The words carrying {@code value} at {@code address}; a value its integer type cannot hold (an
   * unclamped spike, say) saturates at the type's limit, as a transmitter's output does.
   */
  static int[] encode(ModbusAddress address, double value) {
    try {
      return address.encode(value);
    } catch (IllegalArgumentException e) {
      double[] raw =
          switch (address.type()) {
            case INT16 -> new double[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case UINT16 -> new double[] {0, 65535};
            case INT32 -> new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case FLOAT32 -> new double[] {-Float.MAX_VALUE, Float.MAX_VALUE};
          };
      double a = raw[0] * address.scale();
      double b = raw[1] * address.scale();
      double finite = Double.isNaN(value) ? 0 : value;
      return address.encode(Math.max(Math.min(a, b), Math.min(Math.max(a, b), finite)));
    }
  }

  /** One register's two big-endian bytes. */
  static byte[] bytes(int word) {
    return new byte[] {(byte) (word >>> 8), (byte) word};
  }

  /** The unsigned word in two big-endian bytes. */
  static int word(byte[] bytes) {
    return ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
  }
}
