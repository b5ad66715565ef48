package io.vitrum.core.history;

/**
 * Gorilla's delta-of-delta layout for the timestamps of one series: the first raw in 64 bits, then
 * each delta-of-delta {@code D} (the first delta's {@code D} is the delta itself) as {@code 0} for
 * zero, {@code 10}, {@code 110} or {@code 1110} and 7, 9 or 12 bits for {@code D} in [-63, 64],
 * [-255, 256] or [-2047, 2048], else {@code 1111} and 64 bits. Arithmetic wraps, so any sequence of
 * longs round-trips. One instance writes or reads one series, in order.
 */
final class TimestampCodec {
  private static final DeltaBuckets DELTAS_OF_DELTAS = new DeltaBuckets(7, 9, 12);

  private boolean started;
  private long previous;
  private long previousDelta;

  /** Appends the next timestamp. */
  void write(BitOutput out, long timestamp) {
    if (started) {
      long delta = timestamp - previous;
      DELTAS_OF_DELTAS.write(out, delta - previousDelta);
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
      previousDelta += DELTAS_OF_DELTAS.read(in);
      previous += previousDelta;
    } else {
      previous = in.readBits(64);
      started = true;
    }
    return previous;
  }
}
