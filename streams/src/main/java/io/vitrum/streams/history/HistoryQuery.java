package io.vitrum.streams.history;

import io.vitrum.core.history.Aggregate;
import io.vitrum.core.history.BlockCodec;
import io.vitrum.core.history.BlockPolicy;
import io.vitrum.core.history.Points;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.core.history.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads history: one tag's raw points or rollup buckets over a half-open range, or several tags
 * aligned on one time axis, a page at a time. A page holds at most {@code limit} points (rows for
 * several tags); when the range holds more, it says where the next page starts. Rollup buckets are
 * those whose start lies in the range.
 */
public final class HistoryQuery {
  private final HistoryStore store;
  private final BlockPolicy blocks;

  public HistoryQuery(HistoryStore store, BlockPolicy blocks) {
    this.store = store;
    this.blocks = blocks;
  }

  /** The tags {@code furnace} has history of. */
  public CompletionStage<List<String>> tags(String furnace) {
    return store.tags(furnace);
  }

  /** {@code tag}'s history in [{@code from}, {@code to}) at {@code step}, at most {@code limit}. */
  public CompletionStage<SeriesPage> series(
      String tag, long from, long to, Resolution step, int limit) {
    return switch (step) {
      case RAW -> raw(tag, from, to, limit);
      case MINUTE ->
          store
              .minutes(tag, from, to, limit)
              .thenApply(buckets -> buckets(tag, step, buckets, limit));
      case HOUR ->
          store
              .hours(tag, from, to, limit)
              .thenApply(buckets -> buckets(tag, step, buckets, limit));
    };
  }

  /**
   * Several tags' history in [{@code from}, {@code to}) at {@code step} on one axis, rollups valued
   * by {@code aggregate}, at most {@code limit} rows.
   */
  public CompletionStage<AlignedPage> aligned(
      List<String> tags, long from, long to, Resolution step, Aggregate aggregate, int limit) {
    List<CompletableFuture<SeriesPage>> pages =
        tags.stream().map(tag -> series(tag, from, to, step, limit).toCompletableFuture()).toList();
    return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
        .thenApply(
            v ->
                align(
                    tags,
                    step,
                    pages.stream().map(CompletableFuture::join).toList(),
                    aggregate,
                    limit));
  }

  private CompletionStage<SeriesPage> raw(String tag, long from, long to, int limit) {
    return store
        .blocks(tag, blocks.windowStart(from), to, limit)
        .thenApply(
            found -> {
              List<Points> parts = new ArrayList<>();
              int total = 0;
              for (EncodedBlock block : found) {
                Points p = Series.slice(BlockCodec.decode(block.data()), from, to);
                parts.add(p);
                total += p.size();
              }
              long[] ts = new long[total];
              double[] values = new double[total];
              int n = 0;
              for (Points p : parts) {
                System.arraycopy(p.timestamps(), 0, ts, n, p.size());
                System.arraycopy(p.values(), 0, values, n, p.size());
                n += p.size();
              }
              if (total > limit) {
                return new SeriesPage(
                    tag,
                    Resolution.RAW,
                    new Points(Arrays.copyOf(ts, limit), Arrays.copyOf(values, limit)),
                    List.of(),
                    OptionalLong.of(ts[limit]));
              }
              return new SeriesPage(
                  tag, Resolution.RAW, new Points(ts, values), List.of(), OptionalLong.empty());
            });
  }

  private static SeriesPage buckets(
      String tag, Resolution step, List<RollupBucket> buckets, int limit) {
    Points none = new Points(new long[0], new double[0]);
    if (buckets.size() > limit) {
      return new SeriesPage(
          tag,
          step,
          none,
          List.copyOf(buckets.subList(0, limit)),
          OptionalLong.of(buckets.get(limit).start()));
    }
    return new SeriesPage(tag, step, none, buckets, OptionalLong.empty());
  }

  private static AlignedPage align(
      List<String> tags, Resolution step, List<SeriesPage> pages, Aggregate aggregate, int limit) {
    // Past the earliest tag's next page the other tags' points are incomplete: cut there.
    long cutoff = Long.MAX_VALUE;
    int total = 0;
    for (SeriesPage p : pages) {
      if (p.next().isPresent()) {
        cutoff = Math.min(cutoff, p.next().getAsLong());
      }
      total += p.size();
    }
    long[] all = new long[total];
    int n = 0;
    for (SeriesPage p : pages) {
      for (int i = 0; i < p.size(); i++) {
        if (p.ts(i) < cutoff) {
          all[n++] = p.ts(i);
        }
      }
    }
    long[] axis = Arrays.stream(all, 0, n).sorted().distinct().toArray();
    OptionalLong next = cutoff == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(cutoff);
    if (axis.length > limit) {
      next = OptionalLong.of(axis[limit]);
      axis = Arrays.copyOf(axis, limit);
    }
    double[][] values = new double[axis.length][tags.size()];
    for (double[] row : values) {
      Arrays.fill(row, Double.NaN);
    }
    for (int column = 0; column < pages.size(); column++) {
      SeriesPage p = pages.get(column);
      int row = 0;
      for (int i = 0; i < p.size() && row < axis.length; i++) {
        long t = p.ts(i);
        while (row < axis.length && axis[row] < t) {
          row++;
        }
        if (row < axis.length && axis[row] == t) {
          values[row][column] =
              step == Resolution.RAW
                  ? p.points().values()[i]
                  : aggregate.of(p.buckets().get(i).rollup());
        }
      }
    }
    return new AlignedPage(List.copyOf(tags), step, axis, values, next);
  }
}
