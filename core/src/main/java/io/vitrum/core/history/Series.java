package io.vitrum.core.history;

import java.util.Arrays;

/** Operations on points of one tag: ordering, merging and slicing by time. */
public final class Series {
  private Series() {}

  /**
   * The points in time order with one point per timestamp: of points with the same timestamp the
   * one that came last wins (a correction overrides, a replayed duplicate changes nothing).
   */
  public static Points sortedUnique(Points points) {
    int n = points.size();
    long[] ts = points.timestamps();
    if (isStrictlyIncreasing(ts)) {
      return points;
    }
    // Sort positions by (timestamp, position): the stable order keeps arrival order within ties.
    long[][] keys = new long[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = new long[] {ts[i], i};
    }
    Arrays.sort(keys, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long[] outTs = new long[n];
    double[] outValues = new double[n];
    int size = 0;
    for (long[] key : keys) {
      double value = points.values()[(int) key[1]];
      if (size > 0 && outTs[size - 1] == key[0]) {
        outValues[size - 1] = value;
      } else {
        outTs[size] = key[0];
        outValues[size] = value;
        size++;
      }
    }
    return new Points(Arrays.copyOf(outTs, size), Arrays.copyOf(outValues, size));
  }

  /**
   * The union of two series in time order, one point per timestamp; where both have a timestamp,
   * {@code newer}'s value wins.
   */
  public static Points union(Points older, Points newer) {
    Points a = sortedUnique(older);
    Points b = sortedUnique(newer);
    long[] ts = new long[a.size() + b.size()];
    double[] values = new double[ts.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.size() || j < b.size()) {
      long ta = i < a.size() ? a.timestamps()[i] : Long.MAX_VALUE;
      long tb = j < b.size() ? b.timestamps()[j] : Long.MAX_VALUE;
      boolean takeB = j < b.size() && (i >= a.size() || tb <= ta);
      if (takeB) {
        if (i < a.size() && ta == tb) {
          i++;
        }
        ts[n] = tb;
        values[n++] = b.values()[j++];
      } else {
        ts[n] = ta;
        values[n++] = a.values()[i++];
      }
    }
    return new Points(Arrays.copyOf(ts, n), Arrays.copyOf(values, n));
  }

  /** The points of a time-ordered series in [{@code from}, {@code to}) (epoch milliseconds). */
  public static Points slice(Points sorted, long from, long to) {
    long[] ts = sorted.timestamps();
    int start = lowerBound(ts, from);
    int end = lowerBound(ts, to);
    if (start == 0 && end == ts.length) {
      return sorted;
    }
    return new Points(
        Arrays.copyOfRange(ts, start, end), Arrays.copyOfRange(sorted.values(), start, end));
  }

  private static int lowerBound(long[] sorted, long key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static boolean isStrictlyIncreasing(long[] ts) {
    for (int i = 1; i < ts.length; i++) {
      if (ts[i] <= ts[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
