package io.vitrum.core.history;

/**
 * A prefix code for signed deltas in buckets of growing width: {@code 0} for zero; for bucket
 * {@code i} (from 0) of width {@code w}, {@code i + 1} ones, a zero and the low {@code w} bits of
 * the delta, which must lie in [-2^(w-1) + 1, 2^(w-1)]; past the last bucket, one more one than its
 * prefix and all 64 bits. With widths 7, 9 and 12 this is Gorilla's delta-of-delta code.
 */
final class DeltaBuckets {
  private final int[] widths;

  /** Buckets of the given widths (1..63), narrowest first. */
  DeltaBuckets(int... widths) {
    this.widths = widths.clone();
  }

  /** Appends {@code delta}. */
  void write(BitOutput out, long delta) {
    if (delta == 0) {
      out.writeBit(false);
      return;
    }
    for (int i = 0; i < widths.length; i++) {
      long half = 1L << (widths[i] - 1);
      if (delta > -half && delta <= half) {
        out.writeBits(((1L << (i + 1)) - 1) << 1, i + 2); // i + 1 ones, then a zero
        out.writeBits(delta, widths[i]);
        return;
      }
    }
    out.writeBits((1L << (widths.length + 1)) - 1, widths.length + 1);
    out.writeBits(delta, 64);
  }

  /** Reads the next delta. */
  long read(BitInput in) {
    int ones = 0;
    while (ones <= widths.length && in.readBit()) {
      ones++;
    }
    if (ones == 0) {
      return 0;
    }
    if (ones > widths.length) {
      return in.readBits(64);
    }
    int width = widths[ones - 1];
    long raw = in.readBits(width);
    return raw > (1L << (width - 1)) ? raw - (1L << width) : raw;
  }
}
