package io.vitrum.streams.ingest;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Events per second over the last {@link #SECONDS} whole seconds: one counter per second in a ring,
 * each reset when its second comes round again. Thread-safe; a count racing the reset of its slot
 * may be lost, which a status rate tolerates.
 */
final class RecentRate {
  /** The window. */
  static final int SECONDS = 10;

  private final Clock clock;
  private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
  private final AtomicLongArray stamps = new AtomicLongArray(SECONDS);

  RecentRate(Clock clock) {
    this.clock = clock;
  }

  void add(long n) {
    long second = clock.millis() / 1000;
    int slot = (int) (second % SECONDS);
    long stamp = stamps.get(slot);
    if (stamp != second && stamps.compareAndSet(slot, stamp, second)) {
      counts.set(slot, 0);
    }
    counts.addAndGet(slot, n);
  }

  /** The mean rate over the last whole seconds (the current one excluded). */
  double perSecond() {
    long now = clock.millis() / 1000;
    long total = 0;
    for (int i = 0; i < SECONDS; i++) {
      long stamp = stamps.get(i);
      if (stamp < now && stamp >= now - SECONDS) {
        total += counts.get(i);
      }
    }
    return Math.round(total * 10.0 / SECONDS) / 10.0;
  }
}
