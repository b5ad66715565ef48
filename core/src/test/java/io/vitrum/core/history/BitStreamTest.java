package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitStreamTest {
  @Test
  void fieldsOfEveryWidthReadBackAcrossWordBoundaries() {
    Random random = new Random(7);
    int fields = 20_000;
    long[] values = new long[fields];
    int[] widths = new int[fields];
    BitOutput out = new BitOutput();
    long expectedLength = 0;
    for (int i = 0; i < fields; i++) {
      widths[i] = 1 + random.nextInt(64);
      values[i] = random.nextLong();
      out.writeBits(values[i], widths[i]);
      expectedLength += widths[i];
    }
    assertEquals(expectedLength, out.bitLength());
    BitInput in = new BitInput(out.toByteArray());
    for (int i = 0; i < fields; i++) {
      long low = widths[i] == 64 ? values[i] : values[i] & ((1L << widths[i]) - 1);
      assertEquals(low, in.readBits(widths[i]), "field " + i);
    }
    assertTrue(in.remainingBits() < 8);
  }

  @Test
  void bitsGoMostSignificantFirstAndTheLastByteIsPaddedWithZeros() {
    BitOutput out = new BitOutput();
    out.writeBit(true);
    out.writeBits(0b01, 2);
    assertArrayEquals(new byte[] {(byte) 0b1010_0000}, out.toByteArray());
    out.writeBits(0xABCDL, 16);
    assertEquals(19, out.bitLength());
    // 101 + 1010 1011 1100 1101, padded: 1011 0101 | 0111 1001 | 1010 0000
    assertArrayEquals(new byte[] {(byte) 0xB5, (byte) 0x79, (byte) 0xA0}, out.toByteArray());
  }

  @Test
  void snapshotsDoNotDisturbLaterWrites() {
    BitOutput out = new BitOutput();
    out.writeBits(-1L, 61);
    byte[] early = out.toByteArray();
    out.writeBits(0, 5); // crosses the first word
    out.writeBits(-1L, 64);
    byte[] late = out.toByteArray();
    assertEquals(8, early.length);
    assertEquals((byte) 0xF8, early[7]);
    assertEquals(17, late.length);
    assertEquals((byte) 0xF8, late[7]);
    assertEquals((byte) 0x3F, late[8]);
    assertEquals((byte) 0xC0, late[16]);
  }

  @Test
  void readingPastTheEndIsATruncatedBlock() {
    BitInput in = new BitInput(new byte[] {(byte) 0x80});
    assertTrue(in.readBit());
    assertEquals(0, in.readBits(7));
    assertFalse(in.remainingBits() > 0);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, in::readBit);
    assertEquals("truncated block", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BitInput(new byte[7]).readBits(64));
  }

  @Test
  void bitCountsOutsideOneToSixtyFourAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BitOutput().writeBits(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new BitOutput().writeBits(0, 65));
    assertThrows(IllegalArgumentException.class, () -> new BitInput(new byte[16]).readBits(0));
    assertThrows(IllegalArgumentException.class, () -> new BitInput(new byte[16]).readBits(65));
  }
}
