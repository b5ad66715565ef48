package io.vitrum.streams.history;

import io.vitrum.core.history.Points;
import io.vitrum.core.history.RollupBucket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Where history is kept: per tag, blocks of raw points keyed by their window's start, the minute
 * rollups of each hour, and the hour rollups. Writes replace what is stored under the same key, so
 * writing the same block twice leaves one copy. Times are epoch milliseconds; ranges are half-open.
 */
public interface HistoryStore {

  /** The points stored for {@code tag}'s window starting at {@code windowStart}, if any. */
  CompletionStage<Optional<Points>> block(String tag, long windowStart);

  /**
   * Stores {@code points} as {@code tag}'s block of the window [{@code start}, {@code end}); a
   * block already past its retention is not written.
   */
  CompletionStage<Done> putBlock(String tag, long start, long end, Points points);

  /** The minute rollups of {@code tag}'s hour starting at {@code hourStart}, in time order. */
  CompletionStage<List<RollupBucket>> minutesOfHour(String tag, long hourStart);

  /** Stores {@code tag}'s minute rollups of the hour at {@code hourStart} and its hour rollup. */
  CompletionStage<Done> putHour(
      String tag, long hourStart, List<RollupBucket> minutes, RollupBucket hour);

  /**
   * {@code tag}'s blocks whose windows start in [{@code fromWindow}, {@code to}), in time order,
   * read until they hold more than {@code maxPoints} points (the last block read is kept, so a
   * caller sees that the range holds more).
   */
  CompletionStage<List<EncodedBlock>> blocks(String tag, long fromWindow, long to, long maxPoints);

  /**
   * {@code tag}'s minute buckets in [{@code from}, {@code to}), in time order, read until more than
   * {@code maxBuckets}.
   */
  CompletionStage<List<RollupBucket>> minutes(String tag, long from, long to, long maxBuckets);

  /**
   * {@code tag}'s hour buckets in [{@code from}, {@code to}), in time order, read until more than
   * {@code maxBuckets}.
   */
  CompletionStage<List<RollupBucket>> hours(String tag, long from, long to, long maxBuckets);

  /** Records that {@code furnace} has history of {@code tag} (idempotent). */
  CompletionStage<Done> putTag(String furnace, String tag);

  /** The tags {@code furnace} has history of, in order. */
  CompletionStage<List<String>> tags(String furnace);
}
