package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GorillaLayoutTest {
  @Test
  void aTinySeriesEncodesToTheBytesWorkedOutByHand() {
    GorillaEncoder encoder = new GorillaEncoder();
    encoder.add(1_000, 1.0); // raw 0x3FF0000000000000
    encoder.add(2_000, 1.0);
    encoder.add(3_000, 2.0); // raw 0x4000000000000000
    encoder.add(4_001, 4.0); // raw 0x4010000000000000
    encoder.add(5_002, 4.0);
    // p1: delta 1000, D 1000: 1110 001111101000; XOR 0: 0
    // p2: D 0: 0; XOR 0x7FF0000000000000 (1 leading, 52 trailing zeros), no window yet:
    //     11 00001 001011 11111111111
    // p3: D 1: 10 0000001; XOR 0x0010000000000000 fits the window: 10 00000000001
    // p4: D 0: 0; XOR 0: 0; then six zero bits of padding
    // 11100011 11101000 00110000 10010111 11111111 11100000 00110000 00000001 00|000000
    byte[] expected =
        HexFormat.of()
            .parseHex(
                "00000005" // point count
                    + "00000000000003E8" // first timestamp, 1000
                    + "3FF0000000000000" // first value, 1.0
                    + "E3E83097FFE0300100");
    assertArrayEquals(expected, encoder.toBytes());
    assertEquals(
        new Points(
            new long[] {1_000, 2_000, 3_000, 4_001, 5_002}, new double[] {1.0, 1.0, 2.0, 4.0, 4.0}),
        GorillaDecoder.decode(expected));
  }

  @Test
  void deltaOfDeltaBucketsHaveTheirGorillaWidths() {
    long[][] widthsByD = {
      {0, 1},
      {1, 9},
      {-1, 9},
      {64, 9},
      {-63, 9},
      {65, 12},
      {-64, 12},
      {256, 12},
      {-255, 12},
      {257, 16},
      {-256, 16},
      {2_048, 16},
      {-2_047, 16},
      {2_049, 68},
      {-2_048, 68},
      {Long.MAX_VALUE, 68},
      {Long.MIN_VALUE, 68}
    };
    for (long[] widthByD : widthsByD) {
      long d = widthByD[0];
      TimestampCodec codec = new TimestampCodec();
      BitOutput out = new BitOutput();
      codec.write(out, 0);
      codec.write(out, d); // the first delta's D is the delta itself
      assertEquals(64 + widthByD[1], out.bitLength(), "D " + d);
      TimestampCodec reader = new TimestampCodec();
      BitInput in = new BitInput(out.toByteArray());
      assertEquals(0, reader.read(in));
      assertEquals(d, reader.read(in), "D " + d);
    }
  }

  @Test
  void aConstantRegularSeriesCostsTwoBitsAPoint() {
    int n = 10_000;
    GorillaEncoder encoder = new GorillaEncoder();
    for (int i = 0; i < n; i++) {
      encoder.add(1_700_000_000_000L + 1_000L * i, 21.5);
    }
    int size = encoder.toBytes().length;
    // The first delta costs 1110 + 12 bits, then every point is D 0 and XOR 0: two bits.
    assertEquals(4 + (128 + 17 + 2 * (n - 1) + 7) / 8, size);
    double perPoint = (double) size / n;
    System.out.printf("Gorilla: constant 1 s series, %d points: %.4f bytes/point%n", n, perPoint);
    assertTrue(perPoint < 0.26, "bytes/point " + perPoint);
  }

  @Test
  void aRealisticOneHertzRandomWalkCompressesWellUnderSixteenBytesAPoint() {
    Random random = new Random(23);
    int n = 10_000;
    GorillaEncoder encoder = new GorillaEncoder();
    double value = 55.0;
    for (int i = 0; i < n; i++) {
      value += random.nextGaussian() * 0.2;
      encoder.add(1_700_000_000_000L + 1_000L * i, Math.round(value * 10) / 10.0);
    }
    double perPoint = (double) encoder.toBytes().length / n;
    System.out.printf("Gorilla: 1 Hz random walk rounded to 0.1: %.3f bytes/point%n", perPoint);
    assertTrue(perPoint < 8, "bytes/point " + perPoint);
  }
}
