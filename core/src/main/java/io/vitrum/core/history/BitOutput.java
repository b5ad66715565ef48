package io.vitrum.core.history;

import java.util.Arrays;

/** An appendable stream of bits, most significant bit first, over a growing array of words. */
final class BitOutput {
  private long[] words = new long[16];
  private long bitLength;

  /** Appends one bit. */
  void writeBit(boolean bit) {
    writeBits(bit ? 1 : 0, 1);
  }

  /** Appends the low {@code count} (1..64) bits of {@code value}, most significant first. */
  void writeBits(long value, int count) {
    if (count < 1 || count > 64) {
      throw new IllegalArgumentException("bit count must be in 1..64: " + count);
    }
    long bits = count == 64 ? value : value & ((1L << count) - 1);
    int index = (int) (bitLength >>> 6);
    int free = 64 - (int) (bitLength & 63);
    if (index + 1 >= words.length) {
      words = Arrays.copyOf(words, words.length * 2);
    }
    if (count <= free) {
      words[index] |= bits << (free - count);
    } else {
      int spill = count - free;
      words[index] |= bits >>> spill;
      words[index + 1] = bits << (64 - spill);
    }
    bitLength += count;
  }

  /** How many bits have been written. */
  long bitLength() {
    return bitLength;
  }

  /** The bits written so far, padded with zero bits to a whole byte; writing may continue after. */
  byte[] toByteArray() {
    byte[] bytes = new byte[Math.toIntExact((bitLength + 7) >>> 3)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (words[i >>> 3] >>> (56 - 8 * (i & 7)));
    }
    return bytes;
  }
}
