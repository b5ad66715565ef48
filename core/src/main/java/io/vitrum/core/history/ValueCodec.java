package io.vitrum.core.history;

/**
 * Gorilla's XOR layout for the values of one series, by their raw bits: the first raw in 64 bits,
 * then the XOR with the previous value as {@code 0} when zero; {@code 10} and the meaningful bits
 * when they fit the previous window; else {@code 11}, 5 bits of leading zeros (capped at 31), 6
 * bits of meaningful length (64 written as 0) and the meaningful bits, which set a new window. One
 * instance writes or reads one series, in order.
 */
final class ValueCodec {
  private boolean started;
  private long previous;
  private int leading = -1; // no window yet
  private int trailing;

  /** Appends the next value. */
  void write(BitOutput out, double value) {
    long bits = Double.doubleToRawLongBits(value);
    long xor = bits ^ previous;
    if (!started) {
      out.writeBits(bits, 64);
    } else if (xor == 0) {
      out.writeBit(false);
    } else {
      int lead = Math.min(Long.numberOfLeadingZeros(xor), 31);
      int trail = Long.numberOfTrailingZeros(xor);
      if (leading >= 0 && lead >= leading && trail >= trailing) {
        out.writeBits(0b10, 2);
      } else {
        leading = lead;
        trailing = trail;
        out.writeBits(0b11, 2);
        out.writeBits(leading, 5);
        out.writeBits(64 - leading - trailing, 6); // 64 keeps only its low 6 bits: 0
      }
      out.writeBits(xor >>> trailing, 64 - leading - trailing);
    }
    started = true;
    previous = bits;
  }

  /** Reads the next value; throws IllegalArgumentException on a malformed window. */
  double read(BitInput in) {
    long bits;
    if (!started) {
      bits = in.readBits(64);
    } else if (!in.readBit()) {
      bits = previous;
    } else {
      if (in.readBit()) {
        leading = (int) in.readBits(5);
        int length = (int) in.readBits(6);
        length = length == 0 ? 64 : length;
        if (leading + length > 64) {
          throw new IllegalArgumentException("malformed block: value window past 64 bits");
        }
        trailing = 64 - leading - length;
      } else if (leading < 0) {
        throw new IllegalArgumentException("malformed block: value reuses a window never set");
      }
      bits = previous ^ (in.readBits(64 - leading - trailing) << trailing);
    }
    started = true;
    previous = bits;
    return Double.longBitsToDouble(bits);
  }
}
