package io.vitrum.streams.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one source reports about itself: connection state, last error, how many messages and
 * readings it received, and its lag where it has one (Kafka). Thread-safe; sources call it from
 * their client library's threads.
 */
public final class SourceHandle {
  private final String name;
  private final Clock clock;
  private final AtomicReference<ConnectionState> state =
      new AtomicReference<>(ConnectionState.CONNECTING);
  private final AtomicReference<String> detail = new AtomicReference<>("");
  private final AtomicReference<String> lastError = new AtomicReference<>(null);
  private final AtomicReference<Instant> lastErrorAt = new AtomicReference<>(null);
  private final AtomicReference<Instant> since;
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong readings = new AtomicLong();
  private final AtomicLong lag = new AtomicLong(-1);
  private final AtomicLong reconnects = new AtomicLong();
  private final RecentRate rate;

  SourceHandle(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
    this.since = new AtomicReference<>(clock.instant());
    this.rate = new RecentRate(clock);
  }

  /** The source's name. */
  public String name() {
    return name;
  }

  /** Connecting (first time or again); {@code detail} names the endpoint. */
  public void connecting(String endpoint) {
    if (state.getAndSet(ConnectionState.CONNECTING) != ConnectionState.CONNECTING) {
      reconnects.incrementAndGet();
    }
    detail.set(endpoint);
    since.set(clock.instant());
  }

  /** Connected to {@code endpoint}; repeated calls while connected change nothing. */
  public void connected(String endpoint) {
    if (state.getAndSet(ConnectionState.CONNECTED) != ConnectionState.CONNECTED) {
      since.set(clock.instant());
    }
    detail.set(endpoint);
  }

  /** The connection or a poll failed with {@code error}; the source will retry. */
  public void failed(Throwable error) {
    failed(error.getClass().getSimpleName() + ": " + error.getMessage());
  }

  /** The connection or a poll failed for {@code reason}; the source will retry. */
  public void failed(String reason) {
    state.set(ConnectionState.FAILED);
    lastError.set(reason);
    lastErrorAt.set(clock.instant());
    since.set(clock.instant());
  }

  /** Stopped on purpose. */
  public void stopped() {
    state.set(ConnectionState.STOPPED);
    since.set(clock.instant());
  }

  /** One message with {@code count} readings arrived. */
  public void received(int count) {
    // Data arriving means connected, whatever a replaced instance of the source reported last.
    if (state.get() == ConnectionState.STOPPED) {
      state.set(ConnectionState.CONNECTED);
    }
    messages.incrementAndGet();
    readings.addAndGet(count);
    rate.add(count);
  }

  /** Records the consumer lag in messages (Kafka sources). */
  public void lag(long messagesBehind) {
    lag.set(messagesBehind);
  }

  /** A snapshot for the status API. */
  public SourceStatus status() {
    return new SourceStatus(
        name,
        state.get(),
        detail.get(),
        since.get(),
        messages.get(),
        readings.get(),
        rate.perSecond(),
        lag.get() < 0 ? null : lag.get(),
        reconnects.get(),
        lastError.get(),
        lastErrorAt.get());
  }
}
