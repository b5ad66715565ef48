package io.vitrum.streams.history;

import io.vitrum.core.history.ClosedBlock;
import io.vitrum.core.history.Points;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.core.history.Series;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Makes closed blocks durable: each is merged with what is stored for its window (late readings, a
 * replay after a restart, a block split by its size) and, if that changed anything, its hour's
 * minute and hour rollups are recomputed from the merged points and then the block is written. One
 * tag's blocks are written one after another (they share hour rows); many tags at once.
 */
final class BlockWrites {
  private static final long HOUR = 3_600_000L;

  private final ActorSystem<?> system;
  private final HistoryStore store;
  private final HistorySettings settings;
  private final HistoryMetrics metrics;
  private final Clock clock;

  BlockWrites(
      ActorSystem<?> system,
      HistoryStore store,
      HistorySettings settings,
      HistoryMetrics metrics,
      Clock clock) {
    this.system = system;
    this.store = store;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Completes when every block is durable with its rollups. */
  CompletionStage<Done> write(List<ClosedBlock> blocks) {
    if (blocks.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    Map<String, List<ClosedBlock>> byTag = new LinkedHashMap<>();
    for (ClosedBlock b : blocks) {
      byTag.computeIfAbsent(b.tag(), t -> new ArrayList<>()).add(b);
    }
    return Source.from(byTag.values())
        .mapAsyncUnordered(settings.writer().parallelism(), this::writeTag)
        .runWith(Sink.ignore(), system);
  }

  private CompletionStage<Done> writeTag(List<ClosedBlock> blocks) {
    List<ClosedBlock> ordered = new ArrayList<>(blocks);
    ordered.sort(Comparator.comparingLong(ClosedBlock::windowStart));
    CompletionStage<Done> chain = CompletableFuture.completedFuture(Done.getInstance());
    for (ClosedBlock block : ordered) {
      chain = chain.thenCompose(d -> writeBlock(block));
    }
    return chain;
  }

  private CompletionStage<Done> writeBlock(ClosedBlock block) {
    return store
        .block(block.tag(), block.windowStart())
        .thenCompose(
            stored -> {
              Points merged =
                  stored.map(s -> Series.union(s, block.points())).orElse(block.points());
              if (stored.isPresent() && same(stored.get(), merged)) {
                metrics.block("unchanged", block.points().size());
                return CompletableFuture.completedFuture(Done.getInstance());
              }
              boolean expired =
                  settings.retention().ttlSeconds(Resolution.RAW, block.windowEnd(), clock.millis())
                      < 0;
              metrics.block(expired ? "expired" : "written", block.points().size());
              // Rollups first: a stored block then always has its rollups, so a block found
              // unchanged after a crash needs nothing more.
              return rollUp(block, merged)
                  .thenCompose(
                      d ->
                          store.putBlock(
                              block.tag(), block.windowStart(), block.windowEnd(), merged));
            });
  }

  /** Replaces the block's minutes in its hour's rollups and recomputes the hour. */
  private CompletionStage<Done> rollUp(ClosedBlock block, Points merged) {
    long hourStart = Math.floorDiv(block.windowStart(), HOUR) * HOUR;
    return store
        .minutesOfHour(block.tag(), hourStart)
        .thenCompose(
            stored -> {
              List<RollupBucket> minutes = new ArrayList<>();
              for (RollupBucket b : stored) {
                if (b.start() < block.windowStart() || b.start() >= block.windowEnd()) {
                  minutes.add(b);
                }
              }
              minutes.addAll(RollupBucket.of(merged, Resolution.MINUTE));
              minutes.sort(Comparator.comparingLong(RollupBucket::start));
              RollupBucket hour = RollupBucket.coarsen(minutes, Resolution.HOUR).get(0);
              return store.putHour(block.tag(), hourStart, minutes, hour);
            });
  }

  private static boolean same(Points a, Points b) {
    if (!Arrays.equals(a.timestamps(), b.timestamps())) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (Double.doubleToRawLongBits(a.values()[i]) != Double.doubleToRawLongBits(b.values()[i])) {
        return false;
      }
    }
    return true;
  }
}
