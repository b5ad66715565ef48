package io.vitrum.core.history;

import java.nio.ByteBuffer;

/**
 * The decimal block layout, for series whose values all have the same few {@link DecimalDigits}
 * {@code d}: the format byte {@code 'D'}, a 4-byte big-endian point count, one byte {@code d}
 * (0..9), then the bit stream with each point's timestamp ({@link TimestampCodec}) followed by its
 * value scaled to an integer {@code round(v * 10^d)} ({@link ScaledValueCodec}), padded with zero
 * bits to a whole byte.
 */
final class DecimalLayout {
  /** The format byte that starts a decimal block. */
  static final byte FORMAT = 'D';

  private static final int HEADER_BYTES = 6;

  private DecimalLayout() {}

  /** The block of {@code points}, every value of which has {@code digits} decimal digits. */
  static byte[] encode(Points points, int digits) {
    BitOutput bits = new BitOutput();
    TimestampCodec timestamps = new TimestampCodec();
    ScaledValueCodec values = new ScaledValueCodec();
    for (int i = 0; i < points.size(); i++) {
      timestamps.write(bits, points.timestamps()[i]);
      values.write(bits, DecimalDigits.scaled(points.values()[i], digits));
    }
    byte[] stream = bits.toByteArray();
    return ByteBuffer.allocate(HEADER_BYTES + stream.length)
        .put(FORMAT)
        .putInt(points.size())
        .put((byte) digits)
        .put(stream)
        .array();
  }

  /**
   * The points of {@code block}, which starts with {@link #FORMAT}; throws IllegalArgumentException
   * when it is truncated or malformed (a count its bits cannot hold, digits past 9, a scaled value
   * past 2^53, trailing data).
   */
  static Points decode(byte[] block) {
    if (block.length < HEADER_BYTES) {
      throw new IllegalArgumentException("truncated block: no decimal header");
    }
    BitInput in = new BitInput(block);
    in.readBits(8); // the format byte
    int count = (int) in.readBits(32);
    int digits = (int) in.readBits(8);
    if (digits > DecimalDigits.MAX) {
      throw new IllegalArgumentException("malformed block: " + digits + " decimal digits");
    }
    PointCount.check(count, in.remainingBits());
    TimestampCodec timestamps = new TimestampCodec();
    ScaledValueCodec values = new ScaledValueCodec();
    long[] times = new long[count];
    double[] vals = new double[count];
    for (int i = 0; i < count; i++) {
      times[i] = timestamps.read(in);
      long scaled = values.read(in);
      if (!DecimalDigits.inRange(scaled)) {
        throw new IllegalArgumentException("malformed block: scaled value " + scaled);
      }
      vals[i] = DecimalDigits.unscaled(scaled, digits);
    }
    long padding = in.remainingBits();
    if (padding >= 8 || padding > 0 && in.readBits((int) padding) != 0) {
      throw new IllegalArgumentException("malformed block: data after the last point");
    }
    return new Points(times, vals);
  }
}
