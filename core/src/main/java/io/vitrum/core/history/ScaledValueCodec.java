package io.vitrum.core.history;

/**
 * The layout for the scaled integer values of one series: the first raw in 64 bits, then each delta
 * {@code s[i] - s[i-1]} (wrapping) by {@link DeltaBuckets}: {@code 0} for zero, {@code 10}, {@code
 * 110} or {@code 1110} and 6, 10 or 16 bits for a delta in [-31, 32], [-511, 512] or [-32767,
 * 32768], else {@code 1111} and 64 bits. One instance writes or reads one series, in order.
 */
final class ScaledValueCodec {
  private static final DeltaBuckets DELTAS = new DeltaBuckets(6, 10, 16);

  private boolean started;
  private long previous;

  /** Appends the next scaled value. */
  void write(BitOutput out, long scaled) {
    if (started) {
      DELTAS.write(out, scaled - previous);
    } else {
      out.writeBits(scaled, 64);
      started = true;
    }
    previous = scaled;
  }

  /** Reads the next scaled value. */
  long read(BitInput in) {
    if (started) {
      previous += DELTAS.read(in);
    } else {
      previous = in.readBits(64);
      started = true;
    }
    return previous;
  }
}
