package io.vitrum.core.live;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded buffer of messages for one client, in arrival order, with two kinds of entries:
 *
 * <ul>
 *   <li><b>conflated</b> (telemetry): keyed; a message whose key is already buffered replaces the
 *       buffered one in place (latest value wins, the position of the first stays). At most {@code
 *       maxConflated} keys are held; a new key beyond that drops the oldest conflated entry.
 *   <li><b>reliable</b> (alerts, control replies): never conflated nor dropped. At most {@code
 *       maxReliable} are held; one more is refused with {@link Offer#OVERFLOW}, which the caller
 *       turns into a disconnect: a client that cannot take its alerts must not silently miss them.
 * </ul>
 *
 * <p>{@link #poll()} returns the oldest entry of either kind, so a conflated update never overtakes
 * an older reliable message nor the other way round. Not thread-safe: one owner (a stream stage).
 *
 * @param <T> the message
 */
public final class ConflatingBuffer<T> {
  /** What {@link #offer} did with a message. */
  public enum Offer {
    /** Appended. */
    ENQUEUED,
    /** Replaced the buffered message of the same key. */
    CONFLATED,
    /** Appended, and the oldest conflated message was dropped to make room. */
    DROPPED_OLDEST,
    /** Refused: the reliable queue is full. */
    OVERFLOW
  }

  private record Entry<T>(long seq, T message) {}

  private final int maxConflated;
  private final int maxReliable;
  private final LinkedHashMap<Object, Entry<T>> conflated = new LinkedHashMap<>();
  private final ArrayDeque<Entry<T>> reliable = new ArrayDeque<>();
  private long nextSeq;
  private long conflatedCount;
  private long droppedCount;

  public ConflatingBuffer(int maxConflated, int maxReliable) {
    if (maxConflated < 1 || maxReliable < 1) {
      throw new IllegalArgumentException(
          "capacities must be positive: " + maxConflated + ", " + maxReliable);
    }
    this.maxConflated = maxConflated;
    this.maxReliable = maxReliable;
  }

  /** Buffers a telemetry message under {@code key}: the latest one per key wins. */
  public Offer offerConflated(Object key, T message) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    Entry<T> existing = conflated.get(key);
    if (existing != null) {
      // put on an existing key keeps its place in the LinkedHashMap's order.
      conflated.put(key, new Entry<>(existing.seq(), message));
      conflatedCount++;
      return Offer.CONFLATED;
    }
    Offer outcome = Offer.ENQUEUED;
    if (conflated.size() >= maxConflated) {
      Iterator<Map.Entry<Object, Entry<T>>> oldest = conflated.entrySet().iterator();
      oldest.next();
      oldest.remove();
      droppedCount++;
      outcome = Offer.DROPPED_OLDEST;
    }
    conflated.put(key, new Entry<>(nextSeq++, message));
    return outcome;
  }

  /** Buffers a message that must be delivered; {@link Offer#OVERFLOW} when there is no room. */
  public Offer offerReliable(T message) {
    Objects.requireNonNull(message, "message");
    if (reliable.size() >= maxReliable) {
      return Offer.OVERFLOW;
    }
    reliable.addLast(new Entry<>(nextSeq++, message));
    return Offer.ENQUEUED;
  }

  /** The oldest buffered message, removed; empty when none is buffered. */
  public Optional<T> poll() {
    Entry<T> r = reliable.peekFirst();
    Iterator<Entry<T>> c = conflated.values().iterator();
    Entry<T> firstConflated = c.hasNext() ? c.next() : null;
    if (r == null && firstConflated == null) {
      return Optional.empty();
    }
    if (firstConflated == null || (r != null && r.seq() < firstConflated.seq())) {
      reliable.removeFirst();
      return Optional.of(r.message());
    }
    c.remove();
    return Optional.of(firstConflated.message());
  }

  /** How many messages are buffered; never more than {@link #capacity()}. */
  public int size() {
    return conflated.size() + reliable.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** The most messages this buffer ever holds. */
  public int capacity() {
    return maxConflated + maxReliable;
  }

  /** How many reliable messages are buffered. */
  public int reliableSize() {
    return reliable.size();
  }

  /** How many messages were replaced by a later one of the same key, since creation. */
  public long conflatedCount() {
    return conflatedCount;
  }

  /** How many conflated messages were dropped for a new key, since creation. */
  public long droppedCount() {
    return droppedCount;
  }

  /** Forgets everything buffered. */
  public void clear() {
    conflated.clear();
    reliable.clear();
  }
}
