package io.vitrum.streams.history;

import io.vitrum.core.history.Points;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.RollupBucket;
import java.util.List;
import java.util.OptionalLong;

/**
 * One tag's history over a range, at most a page of it.
 *
 * @param tag the tag
 * @param step the resolution
 * @param points the raw points (empty for rollups)
 * @param buckets the rollup buckets (empty for raw)
 * @param next where the next page starts (epoch milliseconds) when the range holds more
 */
public record SeriesPage(
    String tag, Resolution step, Points points, List<RollupBucket> buckets, OptionalLong next) {

  /** The number of points or buckets on this page. */
  public int size() {
    return step == Resolution.RAW ? points.size() : buckets.size();
  }

  /** The time of the {@code i}-th point or bucket start. */
  public long ts(int i) {
    return step == Resolution.RAW ? points.timestamps()[i] : buckets.get(i).start();
  }
}
