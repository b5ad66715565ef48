package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SeriesTest {

  private static Points points(long[] ts, double[] values) {
    return new Points(ts, values);
  }

  @Test
  void sortsAndKeepsTheLastOfEqualTimestamps() {
    Points p =
        Series.sortedUnique(points(new long[] {30, 10, 20, 10}, new double[] {3, 1, 2, 1.5}));
    assertArrayEquals(new long[] {10, 20, 30}, p.timestamps());
    assertArrayEquals(new double[] {1.5, 2, 3}, p.values());
  }

  @Test
  void unionPrefersTheNewerValueAndKeepsEveryTimestampOnce() {
    Points older = points(new long[] {10, 20, 40}, new double[] {1, 2, 4});
    Points newer = points(new long[] {20, 30, 50}, new double[] {2.5, 3, 5});
    Points u = Series.union(older, newer);
    assertArrayEquals(new long[] {10, 20, 30, 40, 50}, u.timestamps());
    assertArrayEquals(new double[] {1, 2.5, 3, 4, 5}, u.values());
  }

  @Test
  void unionWithItselfChangesNothing() {
    Points p = points(new long[] {10, 20, 30}, new double[] {1, 2, 3});
    Points u = Series.union(p, p);
    assertArrayEquals(p.timestamps(), u.timestamps());
    assertArrayEquals(p.values(), u.values());
  }

  @Test
  void sliceIsHalfOpen() {
    Points p = points(new long[] {10, 20, 30, 40}, new double[] {1, 2, 3, 4});
    Points s = Series.slice(p, 20, 40);
    assertArrayEquals(new long[] {20, 30}, s.timestamps());
    assertArrayEquals(new double[] {2, 3}, s.values());
    assertArrayEquals(new long[] {}, Series.slice(p, 41, 50).timestamps());
  }
}
