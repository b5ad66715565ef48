package io.vitrum.streams.ingest.mqtt;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Bounded waits for integration tests (the bound is a safety net, never the assertion). */
public final class Await {
  private Await() {}

  /** Waits until {@code condition} holds; fails with {@code what} after {@code limit}. */
  public static void until(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting: " + what);
      }
    }
  }

  /** The next element of {@code queue}; fails with {@code what} after {@code limit}. */
  public static <T> T next(BlockingQueue<T> queue, Duration limit, String what) {
    try {
      T t = queue.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (t == null) {
        throw new AssertionError("nothing arrived: " + what);
      }
      return t;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting: " + what);
    }
  }
}
