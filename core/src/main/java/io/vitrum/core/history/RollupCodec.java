package io.vitrum.core.history;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a list of rollup buckets (the minute buckets of one hour are stored as one row): a
 * version byte, a count, then per bucket its start, count, sum, sum of squares, minimum, maximum,
 * last timestamp and last value, 64 bytes each, big-endian. Doubles are kept bit-exact.
 */
public final class RollupCodec {
  private static final byte VERSION = 1;
  private static final int BUCKET_BYTES = 64;

  private RollupCodec() {}

  /** The bytes of {@code buckets}. */
  public static byte[] encode(List<RollupBucket> buckets) {
    ByteBuffer out = ByteBuffer.allocate(5 + buckets.size() * BUCKET_BYTES);
    out.put(VERSION).putInt(buckets.size());
    for (RollupBucket b : buckets) {
      Rollup r = b.rollup();
      out.putLong(b.start())
          .putLong(r.count())
          .putDouble(r.sum())
          .putDouble(r.sumSquares())
          .putDouble(r.min())
          .putDouble(r.max())
          .putLong(r.lastTs())
          .putDouble(r.last());
    }
    return out.array();
  }

  /**
   * The buckets in {@code bytes}.
   *
   * @throws IllegalArgumentException when they are not rollup buckets of this version
   */
  public static List<RollupBucket> decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (bytes.length < 5 || in.get() != VERSION) {
      throw new IllegalArgumentException("not a rollup row of version " + VERSION);
    }
    int n = in.getInt();
    if (n < 0 || (long) n * BUCKET_BYTES != in.remaining()) {
      throw new IllegalArgumentException(
          "rollup row says " + n + " buckets but holds " + in.remaining() + " bytes");
    }
    List<RollupBucket> buckets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long start = in.getLong();
      buckets.add(
          new RollupBucket(
              start,
              new Rollup(
                  in.getLong(),
                  in.getDouble(),
                  in.getDouble(),
                  in.getDouble(),
                  in.getDouble(),
                  in.getLong(),
                  in.getDouble())));
    }
    return buckets;
  }
}
