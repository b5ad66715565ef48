package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollupBucketTest {
  private static final long T0 = 1_764_583_200_000L; // 2025-12-01T10:00:00Z, a whole hour

  @Test
  void minuteBucketsHoldTheAggregatesOfTheirPoints() {
    Points p =
        new Points(
            new long[] {T0, T0 + 30_000, T0 + 59_999, T0 + 60_000}, new double[] {1, 3, 2, 10});
    List<RollupBucket> buckets = RollupBucket.of(p, Resolution.MINUTE);
    assertEquals(2, buckets.size());
    Rollup first = buckets.get(0).rollup();
    assertEquals(T0, buckets.get(0).start());
    assertEquals(3, first.count());
    assertEquals(2.0, first.mean(), 1e-12);
    assertEquals(1, first.min());
    assertEquals(3, first.max());
    assertEquals(2, first.last());
    assertEquals(T0 + 59_999, first.lastTs());
    assertEquals(1.0, first.stddev(), 1e-12);
    assertEquals(T0 + 60_000, buckets.get(1).start());
    assertEquals(10, buckets.get(1).rollup().last());
  }

  @Test
  void hoursFromMinutesEqualHoursFromThePoints() {
    Random random = new Random(7);
    int n = 3 * 3600;
    long[] ts = new long[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      ts[i] = T0 + i * 1000L + random.nextInt(500);
      values[i] = 1500 + random.nextGaussian() * 5;
    }
    Points p = new Points(ts, values);
    List<RollupBucket> direct = RollupBucket.of(p, Resolution.HOUR);
    List<RollupBucket> viaMinutes =
        RollupBucket.coarsen(RollupBucket.of(p, Resolution.MINUTE), Resolution.HOUR);
    assertEquals(3, direct.size());
    for (int h = 0; h < 3; h++) {
      Rollup a = direct.get(h).rollup();
      Rollup b = viaMinutes.get(h).rollup();
      assertEquals(direct.get(h).start(), viaMinutes.get(h).start());
      assertEquals(3600, b.count());
      assertEquals(a.count(), b.count());
      assertEquals(a.min(), b.min());
      assertEquals(a.max(), b.max());
      assertEquals(a.last(), b.last());
      assertEquals(a.lastTs(), b.lastTs());
      assertEquals(a.mean(), b.mean(), 1e-9);
      assertEquals(a.stddev(), b.stddev(), 1e-6);
    }
  }

  @Test
  void autoPicksTheCoarsestResolutionWithEnoughPoints() {
    assertEquals(
        Resolution.HOUR, Resolution.coarsestWithAtLeast(java.time.Duration.ofDays(30), 500));
    assertEquals(
        Resolution.MINUTE, Resolution.coarsestWithAtLeast(java.time.Duration.ofDays(1), 500));
    assertEquals(
        Resolution.RAW, Resolution.coarsestWithAtLeast(java.time.Duration.ofHours(8), 500));
  }
}
