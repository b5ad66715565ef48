package io.vitrum.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rollup bucket: where it starts and the aggregates of its points.
 *
 * @param start epoch milliseconds of the bucket's start, aligned to its resolution
 * @param rollup the aggregates
 */
public record RollupBucket(long start, Rollup rollup) {

  /** The buckets of {@code points} at {@code resolution}, in time order; empty buckets left out. */
  public static List<RollupBucket> of(Points points, Resolution resolution) {
    if (resolution == Resolution.RAW) {
      throw new IllegalArgumentException("raw points have no rollup buckets");
    }
    TreeMap<Long, Rollup> buckets = new TreeMap<>();
    for (int i = 0; i < points.size(); i++) {
      long ts = points.timestamps()[i];
      double value = points.values()[i];
      buckets.merge(resolution.bucketStart(ts), Rollup.of(ts, value), Rollup::plus);
    }
    return list(buckets);
  }

  /**
   * Finer buckets combined into buckets of {@code resolution} (e.g. minutes into hours), exactly:
   * count, extremes and last as if computed from the points.
   */
  public static List<RollupBucket> coarsen(List<RollupBucket> finer, Resolution resolution) {
    TreeMap<Long, Rollup> buckets = new TreeMap<>();
    for (RollupBucket b : finer) {
      buckets.merge(resolution.bucketStart(b.start()), b.rollup(), Rollup::plus);
    }
    return list(buckets);
  }

  private static List<RollupBucket> list(TreeMap<Long, Rollup> buckets) {
    List<RollupBucket> out = new ArrayList<>(buckets.size());
    for (Map.Entry<Long, Rollup> e : buckets.entrySet()) {
      out.add(new RollupBucket(e.getKey(), e.getValue()));
    }
    return out;
  }
}
