package io.vitrum.core.history;

/** Reads bits, most significant first, from a byte array written by {@link BitOutput}. */
final class BitInput {
  private final byte[] bytes;
  private long position;

  /** Reads {@code bytes} from its first bit; the array is not copied. */
  BitInput(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The next bit; throws IllegalArgumentException past the end. */
  boolean readBit() {
    return readBits(1) == 1;
  }

  /**
   * The next {@code count} (1..64) bits as the low bits of a long; throws IllegalArgumentException
   * ("truncated block") when fewer remain.
   */
  long readBits(int count) {
    if (count < 1 || count > 64) {
      throw new IllegalArgumentException("bit count must be in 1..64: " + count);
    }
    if (count > remainingBits()) {
      throw new IllegalArgumentException("truncated block");
    }
    long result = 0;
    int left = count;
    while (left > 0) {
      int available = 8 - (int) (position & 7);
      int take = Math.min(available, left);
      int bits = (bytes[(int) (position >>> 3)] & 0xFF) >>> (available - take);
      result = (result << take) | (bits & ((1 << take) - 1));
      left -= take;
      position += take;
    }
    return result;
  }

  /** How many bits are left to read. */
  long remainingBits() {
    return 8L * bytes.length - position;
  }
}
