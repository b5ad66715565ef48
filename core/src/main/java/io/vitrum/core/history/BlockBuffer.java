package io.vitrum.core.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The history writer's open blocks: one per tag and window, each a compressed series in memory, and
 * the log positions they hold so that the writer commits only what is durable. Points arrive with
 * their log partition and offset (a tag lives in one partition); {@link #closeDue} hands out the
 * blocks whose time is up, and {@link #committable} tells up to where a partition's log may be
 * committed. Not thread-safe: one stream stage owns it.
 */
public final class BlockBuffer {
  private final BlockPolicy policy;
  private final Map<Key, Open> open = new HashMap<>();
  private final Map<String, Long> newest = new HashMap<>();
  private final Map<Integer, TreeMap<Long, Integer>> heldOffsets = new HashMap<>();
  private long points;

  public BlockBuffer(BlockPolicy policy) {
    this.policy = Objects.requireNonNull(policy);
  }

  private record Key(String tag, long windowStart) {}

  private static final class Open {
    final int partition;
    final long firstOffset;
    final GorillaEncoder encoder = new GorillaEncoder();
    long lastAppendMillis;

    Open(int partition, long firstOffset) {
      this.partition = partition;
      this.firstOffset = firstOffset;
    }
  }

  /**
   * Adds a point read from {@code partition} at {@code offset} (offsets of a partition arrive in
   * increasing order) at wall-clock time {@code nowMillis}.
   */
  public void add(
      String tag, long epochMillis, double value, int partition, long offset, long nowMillis) {
    Key key = new Key(tag, policy.windowStart(epochMillis));
    Open block = open.get(key);
    if (block == null) {
      block = new Open(partition, offset);
      open.put(key, block);
      heldOffsets.computeIfAbsent(partition, p -> new TreeMap<>()).merge(offset, 1, Integer::sum);
    }
    block.encoder.add(epochMillis, value);
    block.lastAppendMillis = nowMillis;
    newest.merge(tag, epochMillis, Math::max);
    points++;
  }

  /**
   * Removes and returns the blocks that are due at wall-clock time {@code nowMillis}: full ones,
   * those whose tag has a reading at least {@code grace} past the window's end, and those whose
   * window ended {@code grace} ago with their tag silent as long.
   */
  public List<ClosedBlock> closeDue(long nowMillis) {
    long grace = policy.grace().toMillis();
    List<ClosedBlock> due = new ArrayList<>();
    Iterator<Map.Entry<Key, Open>> it = open.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Open> e = it.next();
      Key key = e.getKey();
      Open block = e.getValue();
      long end = key.windowStart() + policy.length().toMillis();
      boolean full = block.encoder.size() >= policy.maxPoints();
      boolean passed = newest.get(key.tag()) >= end + grace;
      boolean silent = nowMillis >= end + grace && nowMillis - block.lastAppendMillis >= grace;
      if (full || passed || silent) {
        it.remove();
        due.add(close(key, block));
      }
    }
    return due;
  }

  /** Removes and returns every open block (an orderly stop). */
  public List<ClosedBlock> closeAll() {
    List<ClosedBlock> all = new ArrayList<>(open.size());
    open.forEach((key, block) -> all.add(close(key, block)));
    open.clear();
    return all;
  }

  /**
   * The highest offset of {@code partition} at or below which every point is out of the buffer
   * (written, once the closed blocks are durable), given the highest offset read so far; {@code -1}
   * when not even the first offset read may be committed.
   */
  public long committable(int partition, long highestRead) {
    TreeMap<Long, Integer> held = heldOffsets.get(partition);
    if (held == null || held.isEmpty()) {
      return highestRead;
    }
    return Math.min(highestRead, held.firstKey() - 1);
  }

  /** Blocks in memory. */
  public int openBlocks() {
    return open.size();
  }

  /** Points in memory. */
  public long openPoints() {
    return points;
  }

  private ClosedBlock close(Key key, Open block) {
    TreeMap<Long, Integer> held = heldOffsets.get(block.partition);
    if (held.merge(block.firstOffset, -1, Integer::sum) == 0) {
      held.remove(block.firstOffset);
    }
    points -= block.encoder.size();
    Points decoded = Series.sortedUnique(GorillaDecoder.decode(block.encoder.toBytes()));
    return new ClosedBlock(
        key.tag(), key.windowStart(), key.windowStart() + policy.length().toMillis(), decoded);
  }
}
