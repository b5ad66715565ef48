package io.vitrum.streams.ingest.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Bounds the messages one connection has delivered downstream without their acknowledgement coming
 * back. {@link #acquire()} completes when a slot is free; {@link #release()} frees one. Once the
 * connection is gone ({@link #close()}), nothing waits any more: its unacknowledged messages are
 * the broker's to redeliver. Thread-safe.
 */
final class AckGate {
  private static final CompletableFuture<Void> FREE = CompletableFuture.completedFuture(null);

  private final int capacity;
  private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int outstanding;
  private boolean closed;

  AckGate(int capacity) {
    this.capacity = capacity;
  }

  /** Completes once this message may go downstream. */
  synchronized CompletionStage<Void> acquire() {
    if (closed || outstanding < capacity) {
      outstanding++;
      return FREE;
    }
    CompletableFuture<Void> slot = new CompletableFuture<>();
    waiting.add(slot);
    return slot;
  }

  /** One delivered message was acknowledged (or given up). */
  void release() {
    CompletableFuture<Void> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        outstanding = Math.max(0, outstanding - 1);
      }
    }
    if (next != null) {
      next.complete(null);
    }
  }

  /** The connection ended. */
  void close() {
    List<CompletableFuture<Void>> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(waiting);
      waiting.clear();
    }
    all.forEach(f -> f.complete(null));
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Delivered and not yet acknowledged. */
  synchronized int outstanding() {
    return outstanding;
  }
}
