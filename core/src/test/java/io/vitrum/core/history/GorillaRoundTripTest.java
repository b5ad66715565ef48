package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GorillaRoundTripTest {
  private static final long START = 1_700_000_000_000L;

  @Test
  void randomWalksAtOneHertzWithJitter() {
    for (long seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      int n = 5_000;
      long[] times = new long[n];
      double[] values = new double[n];
      double value = 20;
      for (int i = 0; i < n; i++) {
        times[i] = START + 1_000L * i + random.nextInt(101) - 50;
        value += random.nextGaussian() * 0.25;
        values[i] = value;
      }
      assertRoundTrip(times, values);
    }
  }

  @Test
  void constantAndRegularSeries() {
    int n = 3_000;
    long[] times = new long[n];
    double[] constant = new double[n];
    double[] ramp = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = START + 1_000L * i;
      constant[i] = 42.5;
      ramp[i] = i * 0.1;
    }
    assertRoundTrip(times, constant);
    assertRoundTrip(times, ramp);
  }

  @Test
  void extremeValuesKeepTheirRawBits() {
    double[] values = {
      Double.NaN,
      Double.longBitsToDouble(0x7ff8_0000_dead_beefL), // quiet NaN with a payload
      Double.longBitsToDouble(0xfff8_0000_0000_0001L), // negative quiet NaN
      Double.longBitsToDouble(0x7ff0_0000_0000_0001L), // signalling NaN
      -0.0,
      0.0,
      -0.0,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Double.longBitsToDouble(0x000f_ffff_ffff_ffffL), // largest subnormal
      Double.longBitsToDouble(0x0000_0000_1234_5678L), // a subnormal
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      1.0,
      Double.NaN
    };
    long[] times = new long[values.length];
    for (int i = 0; i < times.length; i++) {
      times[i] = START + 1_000L * i;
    }
    assertRoundTrip(times, values);
  }

  @Test
  void irregularGapsFromNothingToDays() {
    Random random = new Random(11);
    int n = 4_000;
    long[] times = new long[n];
    double[] values = new double[n];
    long t = START;
    for (int i = 0; i < n; i++) {
      t +=
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(2_000);
            case 2 -> random.nextInt(3_600_000);
            default -> (long) (random.nextDouble() * 5 * 86_400_000L);
          };
      times[i] = t;
      values[i] = random.nextDouble() * 1e6;
    }
    assertRoundTrip(times, values);
  }

  @Test
  void outOfOrderTimestamps() {
    Random random = new Random(13);
    int n = 3_000;
    long[] times = new long[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = START + 1_000L * i;
      values[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = times[i];
      times[i] = times[j];
      times[j] = swap;
    }
    assertRoundTrip(times, values);
  }

  @Test
  void timestampsAtTheEdgesOfLongWrapExactly() {
    long[] times = {
      Long.MIN_VALUE,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      Long.MIN_VALUE + 1,
      Long.MAX_VALUE - 1,
      Long.MAX_VALUE,
      0,
      -1,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      Long.MIN_VALUE + 64,
      Long.MIN_VALUE
    };
    double[] values = new double[times.length];
    assertRoundTrip(times, values);
    Random random = new Random(17);
    long[] arbitrary = new long[2_000];
    for (int i = 0; i < arbitrary.length; i++) {
      arbitrary[i] = random.nextLong();
    }
    assertRoundTrip(arbitrary, new double[arbitrary.length]);
  }

  @Test
  void aSinglePointAndNone() {
    assertRoundTrip(new long[] {START}, new double[] {3.25});
    GorillaEncoder empty = new GorillaEncoder();
    assertArrayEquals(new byte[4], empty.toBytes());
    assertEquals(0, GorillaDecoder.decode(empty.toBytes()).size());
    assertThrows(IllegalStateException.class, empty::firstTimestamp);
    assertThrows(IllegalStateException.class, empty::lastTimestamp);
  }

  @Test
  void snapshotsMidStreamDecodeToThePrefixAndEncodingContinues() {
    Random random = new Random(19);
    GorillaEncoder encoder = new GorillaEncoder();
    int n = 1_000;
    long[] times = new long[n];
    double[] values = new double[n];
    byte[][] snapshots = new byte[n + 1][];
    snapshots[0] = encoder.toBytes();
    for (int i = 0; i < n; i++) {
      times[i] = START + 1_000L * i + random.nextInt(20);
      values[i] = Math.round(random.nextGaussian() * 100) / 10.0;
      encoder.add(times[i], values[i]);
      snapshots[i + 1] = encoder.toBytes();
    }
    assertEquals(times[0], encoder.firstTimestamp());
    assertEquals(times[n - 1], encoder.lastTimestamp());
    for (int k = 0; k <= n; k++) {
      Points prefix = GorillaDecoder.decode(snapshots[k]);
      assertEquals(new Points(Arrays.copyOf(times, k), Arrays.copyOf(values, k)), prefix);
    }
  }

  /** Encodes, decodes and checks every timestamp and every value's raw bits. */
  static void assertRoundTrip(long[] times, double[] values) {
    GorillaEncoder encoder = new GorillaEncoder();
    for (int i = 0; i < times.length; i++) {
      encoder.add(times[i], values[i]);
    }
    assertEquals(times.length, encoder.size());
    Points decoded = GorillaDecoder.decode(encoder.toBytes());
    assertEquals(times.length, decoded.size());
    for (int i = 0; i < times.length; i++) {
      assertEquals(times[i], decoded.timestamps()[i], "timestamp " + i);
      assertEquals(
          Double.doubleToRawLongBits(values[i]),
          Double.doubleToRawLongBits(decoded.values()[i]),
          "value bits " + i);
    }
  }
}
