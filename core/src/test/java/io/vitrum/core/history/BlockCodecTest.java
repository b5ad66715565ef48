package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockCodecTest {
  private static final long T0 = 1_764_583_200_000L;

  private static Points series(double step, int n, long seed) {
    Random random = new Random(seed);
    long[] ts = new long[n];
    double[] values = new double[n];
    double v = 1520;
    for (int i = 0; i < n; i++) {
      ts[i] = T0 + i * 1000L + random.nextInt(3);
      v += random.nextGaussian() * 0.5;
      values[i] = step == 0 ? v : Math.rint(v / step) / Math.rint(1 / step);
    }
    return new Points(ts, values);
  }

  private static void assertRoundTrip(Points points, char format) {
    byte[] block = BlockCodec.encode(points);
    assertEquals(format, (char) block[0], "format");
    Points back = BlockCodec.decode(block);
    assertEquals(points.size(), back.size());
    for (int i = 0; i < points.size(); i++) {
      assertEquals(points.timestamps()[i], back.timestamps()[i]);
      assertEquals(
          Double.doubleToRawLongBits(points.values()[i]),
          Double.doubleToRawLongBits(back.values()[i]),
          "value " + i);
    }
  }

  @Test
  void decimalSeriesUseTheDecimalLayoutAndRoundTripBitExact() {
    for (double step : new double[] {1, 0.1, 0.01, 0.001}) {
      assertRoundTrip(series(step, 3000, 7), 'D');
    }
    assertRoundTrip(
        new Points(new long[] {T0, T0 - 5, T0 + 86_400_000L}, new double[] {-3.5, 0, 1e12}), 'D');
  }

  @Test
  void otherValuesFallBackToGorilla() {
    assertRoundTrip(series(0, 500, 3), 'G');
    Points decimals = series(0.1, 100, 4);
    for (double odd : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, Math.PI}) {
      double[] values = Arrays.copyOf(decimals.values(), 100);
      values[50] = odd;
      assertRoundTrip(new Points(decimals.timestamps(), values), 'G');
    }
  }

  @Test
  void decimalBlocksAreSmall() {
    byte[] block = BlockCodec.encode(series(0.1, 3600, 5));
    assertEquals('D', (char) block[0]);
    System.out.printf("0.1-step random walk at 1 Hz: %.3f bytes/point%n", block.length / 3600.0);
    assertEquals(true, block.length / 3600.0 < 2.0, block.length + " bytes");
  }

  @Test
  void truncatedAndUnknownBlocksAreRefused() {
    byte[] block = BlockCodec.encode(series(0.1, 200, 6));
    for (int n = 0; n < block.length - 1; n++) {
      byte[] cut = Arrays.copyOf(block, n);
      assertThrows(IllegalArgumentException.class, () -> BlockCodec.decode(cut), "cut at " + n);
    }
    byte[] unknown = block.clone();
    unknown[0] = 'X';
    assertThrows(IllegalArgumentException.class, () -> BlockCodec.decode(unknown));
  }
}
