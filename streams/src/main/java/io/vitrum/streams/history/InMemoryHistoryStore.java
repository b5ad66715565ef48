package io.vitrum.streams.history;

import io.vitrum.core.history.BlockCodec;
import io.vitrum.core.history.Points;
import io.vitrum.core.history.RollupBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.pekko.Done;

/**
 * History kept in this JVM's memory, with the semantics of {@link CassandraHistoryStore} except
 * retention (nothing expires): for tests and load generators that run a node without Cassandra.
 */
public final class InMemoryHistoryStore implements HistoryStore {
  private final Map<String, NavigableMap<Long, byte[]>> blocks = new ConcurrentHashMap<>();
  private final Map<String, NavigableMap<Long, List<RollupBucket>>> minutes =
      new ConcurrentHashMap<>();
  private final Map<String, NavigableMap<Long, RollupBucket>> hours = new ConcurrentHashMap<>();
  private final Map<String, TreeSet<String>> tags = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Optional<Points>> block(String tag, long windowStart) {
    byte[] data = of(blocks, tag).get(windowStart);
    return done(Optional.ofNullable(data).map(BlockCodec::decode));
  }

  @Override
  public CompletionStage<Done> putBlock(String tag, long start, long end, Points points) {
    of(blocks, tag).put(start, BlockCodec.encode(points));
    return done(Done.getInstance());
  }

  @Override
  public CompletionStage<List<RollupBucket>> minutesOfHour(String tag, long hourStart) {
    return done(of(minutes, tag).getOrDefault(hourStart, List.of()));
  }

  @Override
  public CompletionStage<Done> putHour(
      String tag, long hourStart, List<RollupBucket> hourMinutes, RollupBucket hour) {
    of(minutes, tag).put(hourStart, List.copyOf(hourMinutes));
    of(hours, tag).put(hourStart, hour);
    return done(Done.getInstance());
  }

  @Override
  public CompletionStage<List<EncodedBlock>> blocks(
      String tag, long fromWindow, long to, long maxPoints) {
    List<EncodedBlock> found = new ArrayList<>();
    long points = 0;
    for (Map.Entry<Long, byte[]> e : of(blocks, tag).subMap(fromWindow, to).entrySet()) {
      if (points > maxPoints) {
        break;
      }
      int n = BlockCodec.decode(e.getValue()).size();
      found.add(new EncodedBlock(e.getKey(), n, e.getValue()));
      points += n;
    }
    return done(found);
  }

  @Override
  public CompletionStage<List<RollupBucket>> minutes(
      String tag, long from, long to, long maxBuckets) {
    List<RollupBucket> found = new ArrayList<>();
    for (List<RollupBucket> hour : of(minutes, tag).headMap(to, false).values()) {
      for (RollupBucket b : hour) {
        if (b.start() >= from && b.start() < to && found.size() <= maxBuckets) {
          found.add(b);
        }
      }
    }
    return done(found);
  }

  @Override
  public CompletionStage<List<RollupBucket>> hours(
      String tag, long from, long to, long maxBuckets) {
    List<RollupBucket> found = new ArrayList<>();
    for (RollupBucket b : of(hours, tag).subMap(from, to).values()) {
      if (found.size() > maxBuckets) {
        break;
      }
      found.add(b);
    }
    return done(found);
  }

  @Override
  public CompletionStage<Done> putTag(String furnace, String tag) {
    tags.computeIfAbsent(furnace, f -> new TreeSet<>());
    synchronized (tags.get(furnace)) {
      tags.get(furnace).add(tag);
    }
    return done(Done.getInstance());
  }

  @Override
  public CompletionStage<List<String>> tags(String furnace) {
    TreeSet<String> set = tags.getOrDefault(furnace, new TreeSet<>());
    synchronized (set) {
      return done(List.copyOf(set));
    }
  }

  private static <V> NavigableMap<Long, V> of(Map<String, NavigableMap<Long, V>> map, String tag) {
    return map.computeIfAbsent(tag, t -> new ConcurrentSkipListMap<>());
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
