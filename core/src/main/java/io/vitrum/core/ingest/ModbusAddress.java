package io.vitrum.core.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where one value lives on a Modbus device, as a tag map writes it: {@code
 * unit=<id>;holding=<n>|input=<n>;type=float32|int32|int16|uint16[;scale=<factor>][;order=abcd|cdab]}
 * (0-based register numbers). The engineering value is the register value times {@code scale}.
 *
 * @param unit the unit (slave) id, 0-247
 * @param table holding or input registers
 * @param register the first register, 0-65535
 * @param type the encoding
 * @param scale engineering value per raw count (1 for none)
 * @param order word order of 32-bit types
 */
public record ModbusAddress(
    int unit, ModbusTable table, int register, ModbusType type, double scale, WordOrder order) {

  public ModbusAddress {
    if (unit < 0 || unit > 247) {
      throw new IllegalArgumentException("unit must be 0-247");
    }
    if (register < 0 || register + type.registers() > 65536) {
      throw new IllegalArgumentException("register must be 0-65535 and fit its type");
    }
    if (!Double.isFinite(scale) || scale == 0) {
      throw new IllegalArgumentException("scale must be a finite, non-zero number");
    }
  }

  /**
   * Parses the tag map's address form.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static ModbusAddress parse(String text) {
    Map<String, String> parts = new HashMap<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + part.trim() + "' is not key=value");
      }
      String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (parts.put(key, part.substring(eq + 1).trim()) != null) {
        throw new IllegalArgumentException("'" + key + "' given twice");
      }
    }
    if (parts.containsKey("holding") == parts.containsKey("input")) {
      throw new IllegalArgumentException("give exactly one of holding=<n> or input=<n>");
    }
    ModbusTable table = parts.containsKey("holding") ? ModbusTable.HOLDING : ModbusTable.INPUT;
    int register = integer(parts, table == ModbusTable.HOLDING ? "holding" : "input");
    if (!parts.containsKey("unit")) {
      throw new IllegalArgumentException("unit=<id> is missing");
    }
    int unit = integer(parts, "unit");
    ModbusType type = choice(ModbusType.class, parts.getOrDefault("type", ""), "type");
    WordOrder order = choice(WordOrder.class, parts.getOrDefault("order", "abcd"), "order");
    double scale = 1;
    if (parts.containsKey("scale")) {
      try {
        scale = Double.parseDouble(parts.get("scale"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("scale '" + parts.get("scale") + "' is not a number");
      }
    }
    parts
        .keySet()
        .removeAll(java.util.List.of("unit", "holding", "input", "type", "order", "scale"));
    if (!parts.isEmpty()) {
      throw new IllegalArgumentException("unknown keys " + parts.keySet());
    }
    return new ModbusAddress(unit, table, register, type, scale, order);
  }

  /** The engineering value of {@code words} (unsigned 16-bit register values, in order). */
  public double decode(int[] words) {
    if (words.length != type.registers()) {
      throw new IllegalArgumentException(type + " takes " + type.registers() + " registers");
    }
    double raw =
        switch (type) {
          case FLOAT32 -> Float.intBitsToFloat(join(words));
          case INT32 -> join(words);
          case INT16 -> (short) words[0];
          case UINT16 -> words[0] & 0xFFFF;
        };
    return raw * scale;
  }

  /**
   * The register values that carry {@code value}; integers are rounded to the nearest count.
   *
   * @throws IllegalArgumentException when the value does not fit the type
   */
  public int[] encode(double value) {
    double raw = value / scale;
    return switch (type) {
      case FLOAT32 -> split(Float.floatToIntBits((float) raw));
      case INT32 -> split((int) checked(raw, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case INT16 -> new int[] {((int) checked(raw, Short.MIN_VALUE, Short.MAX_VALUE)) & 0xFFFF};
      case UINT16 -> new int[] {(int) checked(raw, 0, 65535)};
    };
  }

  /** The address in the tag map's form. */
  @Override
  public String toString() {
    return "unit="
        + unit
        + ";"
        + table.name().toLowerCase(Locale.ROOT)
        + "="
        + register
        + ";type="
        + type.name().toLowerCase(Locale.ROOT)
        + (scale == 1 ? "" : ";scale=" + scale)
        + (order == WordOrder.ABCD ? "" : ";order=" + order.name().toLowerCase(Locale.ROOT));
  }

  private int join(int[] words) {
    int hi = order == WordOrder.ABCD ? words[0] : words[1];
    int lo = order == WordOrder.ABCD ? words[1] : words[0];
    return ((hi & 0xFFFF) << 16) | (lo & 0xFFFF);
  }

  private int[] split(int bits) {
    int hi = (bits >>> 16) & 0xFFFF;
    int lo = bits & 0xFFFF;
    return order == WordOrder.ABCD ? new int[] {hi, lo} : new int[] {lo, hi};
  }

  private static long checked(double raw, long min, long max) {
    long rounded = Math.round(raw);
    if (!Double.isFinite(raw) || rounded < min || rounded > max) {
      throw new IllegalArgumentException(raw + " does not fit [" + min + ", " + max + "]");
    }
    return rounded;
  }

  private static int integer(Map<String, String> parts, String key) {
    try {
      return Integer.parseInt(parts.get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " '" + parts.get(key) + "' is not an integer");
    }
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String text, String key) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        key
            + " '"
            + text
            + "' is not one of "
            + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
  }
}
