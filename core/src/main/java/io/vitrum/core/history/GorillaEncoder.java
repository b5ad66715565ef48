package io.vitrum.core.history;

import java.nio.ByteBuffer;

/**
 * An online encoder for one series in the Gorilla block layout (Pelkonen et al., VLDB 2015): a
 * 4-byte big-endian point count, then the bit stream with each point's timestamp ({@link
 * TimestampCodec}) followed by its value ({@link ValueCodec}), padded with zero bits to a whole
 * byte. Timestamps may come in any order; values round-trip by their raw bits. Not thread-safe.
 */
public final class GorillaEncoder {
  private final BitOutput bits = new BitOutput();
  private final TimestampCodec timestamps = new TimestampCodec();
  private final ValueCodec values = new ValueCodec();
  private int size;
  private long firstTimestamp;
  private long lastTimestamp;

  /** Appends a point. */
  public void add(long epochMillis, double value) {
    if (size == Integer.MAX_VALUE) {
      throw new IllegalStateException("a block holds at most " + Integer.MAX_VALUE + " points");
    }
    timestamps.write(bits, epochMillis);
    values.write(bits, value);
    if (size == 0) {
      firstTimestamp = epochMillis;
    }
    lastTimestamp = epochMillis;
    size++;
  }

  /** How many points have been added. */
  public int size() {
    return size;
  }

  /** The timestamp of the first point added; throws IllegalStateException when empty. */
  public long firstTimestamp() {
    requireNonEmpty();
    return firstTimestamp;
  }

  /** The timestamp of the last point added; throws IllegalStateException when empty. */
  public long lastTimestamp() {
    requireNonEmpty();
    return lastTimestamp;
  }

  /** The block holding every point added so far; more may be added after. */
  public byte[] toBytes() {
    byte[] stream = bits.toByteArray();
    return ByteBuffer.allocate(4 + stream.length).putInt(size).put(stream).array();
  }

  private void requireNonEmpty() {
    if (size == 0) {
      throw new IllegalStateException("no points added");
    }
  }
}
