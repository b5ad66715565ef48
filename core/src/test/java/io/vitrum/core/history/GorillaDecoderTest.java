package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GorillaDecoderTest {
  @Test
  void everyTruncationIsRefused() {
    byte[] block = sampleBlock(200);
    for (int length = 0; length < block.length; length++) {
      byte[] cut = Arrays.copyOf(block, length);
      assertThrows(
          IllegalArgumentException.class, () -> GorillaDecoder.decode(cut), "length " + length);
    }
  }

  @Test
  void aHugeBogusCountIsRefusedBeforeAllocating() {
    byte[] block = sampleBlock(10);
    for (int count : new int[] {Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 1_000_000}) {
      byte[] bogus = withCount(block, count);
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> GorillaDecoder.decode(bogus));
      assertTrue(error.getMessage().startsWith("malformed block"), error.getMessage());
    }
  }

  @Test
  void aCountBelowThePointsPresentLeavesDataAfterTheLastPoint() {
    byte[] block = sampleBlock(50);
    assertThrows(IllegalArgumentException.class, () -> GorillaDecoder.decode(withCount(block, 49)));
    assertThrows(IllegalArgumentException.class, () -> GorillaDecoder.decode(withCount(block, 0)));
  }

  @Test
  void trailingBytesOrNonZeroPaddingAreRefused() {
    byte[] block = sampleBlock(3);
    byte[] longer = Arrays.copyOf(block, block.length + 1);
    assertThrows(IllegalArgumentException.class, () -> GorillaDecoder.decode(longer));
    GorillaEncoder encoder = new GorillaEncoder();
    encoder.add(0, 1.0);
    encoder.add(0, 1.0); // 128 + 2 bits: the last byte ends in six bits of padding
    byte[] padded = encoder.toBytes();
    padded[padded.length - 1] |= 1;
    assertThrows(IllegalArgumentException.class, () -> GorillaDecoder.decode(padded));
    byte[] empty = {0, 0, 0, 0, 0};
    assertThrows(IllegalArgumentException.class, () -> GorillaDecoder.decode(empty));
    assertThrows(IllegalArgumentException.class, () -> GorillaDecoder.decode(new byte[3]));
  }

  @Test
  void badValueWindowsAreRefused() {
    // Two points, both at time 0; the second value's control is 10 before any window was set.
    byte[] noWindow = twoPoints(0b0_10_00000L << 56);
    assertThrows(IllegalArgumentException.class, () -> GorillaDecoder.decode(noWindow));
    // 11, 31 leading zeros, length 0 (meaning 64): past the 64 bits of a value.
    byte[] tooWide = twoPoints(0b0_11_11111_000000L << 50);
    assertThrows(IllegalArgumentException.class, () -> GorillaDecoder.decode(tooWide));
  }

  @Test
  void randomCorruptionEitherDecodesOrIsRefusedCleanly() {
    Random random = new Random(29);
    byte[] block = sampleBlock(300);
    for (int trial = 0; trial < 2_000; trial++) {
      byte[] corrupt = block.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        GorillaDecoder.decode(corrupt);
      } catch (IllegalArgumentException expected) {
        // refused: the only failure allowed
      }
    }
  }

  private static byte[] sampleBlock(int n) {
    Random random = new Random(n);
    GorillaEncoder encoder = new GorillaEncoder();
    for (int i = 0; i < n; i++) {
      encoder.add(1_000L * i + random.nextInt(5), random.nextInt(4) / 4.0);
    }
    return encoder.toBytes();
  }

  private static byte[] withCount(byte[] block, int count) {
    byte[] copy = block.clone();
    copy[0] = (byte) (count >>> 24);
    copy[1] = (byte) (count >>> 16);
    copy[2] = (byte) (count >>> 8);
    copy[3] = (byte) count;
    return copy;
  }

  /** A count of 2, a first point of zeros, then {@code second}'s bits, MSB first. */
  private static byte[] twoPoints(long second) {
    byte[] block = new byte[4 + 16 + 8];
    block[3] = 2;
    for (int i = 0; i < 8; i++) {
      block[20 + i] = (byte) (second >>> (56 - 8 * i));
    }
    return block;
  }
}
