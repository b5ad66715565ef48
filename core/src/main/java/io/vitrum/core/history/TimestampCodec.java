package io.vitrum.core.history;

/**
 * Gorilla's delta-of-delta layout for the timestamps of one series: the first raw in 64 bits, then
 * each delta-of-delta {@code D} (the first delta's {@code D} is the delta itself) as {@code 0} for
 * zero, {@code 10}, {@code 110} or {@code 1110} and 7, 9 or 12 bits for {@code D} in [-63, 64],
 * [-255, 256] or [-2047, 2048], else {@code 1111} and 64 bits. Arithmetic wraps, so any sequence of
 * longs round-trips. One instance writes or reads one series, in order.
 */
final class TimestampCodec {
  private static final int[] WIDTHS = {7, 9, 12};

  private boolean started;
  private long previous;
  private long previousDelta;

  /** Appends the next timestamp. */
  void write(BitOutput out, long timestamp) {
    if (started) {
      long delta = timestamp - previous;
      writeDeltaOfDelta(out, delta - previousDelta);
      previousDelta = delta;
    } else {
      out.writeBits(timestamp, 64);
      started = true;
    }
    previous = timestamp;
  }

  /** Reads the next timestamp. */
  long read(BitInput in) {
    if (started) {
      previousDelta += readDeltaOfDelta(in);
      previous += previousDelta;
    } else {
      previous = in.readBits(64);
      started = true;
    }
    return previous;
  }

  private static void writeDeltaOfDelta(BitOutput out, long d) {
    if (d == 0) {
      out.writeBit(false);
      return;
    }
    for (int i = 0; i < WIDTHS.length; i++) {
      long half = 1L << (WIDTHS[i] - 1);
      if (d > -half && d <= half) {
        out.writeBits(((1L << (i + 1)) - 1) << 1, i + 2); // i + 1 ones, then a zero
        out.writeBits(d, WIDTHS[i]);
        return;
      }
    }
    out.writeBits(0b1111, 4);
    out.writeBits(d, 64);
  }

  private static long readDeltaOfDelta(BitInput in) {
    int ones = 0;
    while (ones < 4 && in.readBit()) {
      ones++;
    }
    if (ones == 0) {
      return 0;
    }
    if (ones == 4) {
      return in.readBits(64);
    }
    int width = WIDTHS[ones - 1];
    long raw = in.readBits(width);
    return raw > (1L << (width - 1)) ? raw - (1L << width) : raw;
  }
}
