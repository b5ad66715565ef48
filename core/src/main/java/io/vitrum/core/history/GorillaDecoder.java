package io.vitrum.core.history;

/** Decodes a block written by {@link GorillaEncoder}. */
public final class GorillaDecoder {
  private GorillaDecoder() {}

  /**
   * The points of {@code block}, exactly as added; throws IllegalArgumentException when it is
   * truncated or malformed (a count its bits cannot hold, a bad value window, trailing data).
   */
  public static Points decode(byte[] block) {
    if (block.length < 4) {
      throw new IllegalArgumentException("truncated block: no point count");
    }
    BitInput in = new BitInput(block);
    int count = (int) in.readBits(32);
    PointCount.check(count, in.remainingBits());
    TimestampCodec timestamps = new TimestampCodec();
    ValueCodec values = new ValueCodec();
    long[] times = new long[count];
    double[] vals = new double[count];
    for (int i = 0; i < count; i++) {
      times[i] = timestamps.read(in);
      vals[i] = values.read(in);
    }
    long padding = in.remainingBits();
    if (padding >= 8 || padding > 0 && in.readBits((int) padding) != 0) {
      throw new IllegalArgumentException("malformed block: data after the last point");
    }
    return new Points(times, vals);
  }
}
