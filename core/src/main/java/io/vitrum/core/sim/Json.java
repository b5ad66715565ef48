package io.vitrum.core.sim;

/**
 * The little JSON the dataset export writes (flat objects of strings and numbers, one per line).
 * Core has no JSON library and takes none on for this; values are escaped per RFC 8259.
 */
final class Json {
  private Json() {}

  /** {@code value} as a JSON string literal, quotes included. */
  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code value} as a JSON number; non-finite values become {@code null}. */
  static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "null";
  }
}
