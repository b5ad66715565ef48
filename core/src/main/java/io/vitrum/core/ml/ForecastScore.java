package io.vitrum.core.ml;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A forecaster's live accuracy against the labels that arrive later: a forecast made at {@code t}
 * for {@code t + horizon} waits until the actual value at {@code t + horizon} is known, then its
 * absolute error counts, beside the error of persistence (the value at {@code t} carried forward).
 * Every {@code window} scored forecasts make one {@link Window}. A forecast whose actual never
 * comes (a gap in the data, nothing inspected) is dropped once a later actual has passed its
 * target. Not thread-safe.
 */
public final class ForecastScore {
  /**
   * The errors of {@code count} forecasts: the forecaster's and persistence's mean absolute error.
   */
  public record Window(int count, double mae, double persistenceMae) {
    /**
     * {@code 1 − mae / persistenceMae}: the share of persistence's error the forecaster removes.
     */
    public double reduction() {
      return persistenceMae > 0 ? 1 - mae / persistenceMae : Double.NaN;
    }
  }

  private record Pending(double forecast, double now) {}

  private final long horizonMillis;
  private final int window;
  private final Map<String, TreeMap<Long, Pending>> pending = new HashMap<>();
  private int count;
  private double error;
  private double persistenceError;

  public ForecastScore(long horizonMillis, int window) {
    if (horizonMillis <= 0 || window <= 0) {
      throw new IllegalArgumentException("horizon and window must be positive");
    }
    this.horizonMillis = horizonMillis;
    this.window = window;
  }

  /**
   * Records the forecast {@code forecast} made at {@code at} for {@code at + horizon}, when the
   * value was {@code now}. A forecast or value that is not finite is not scored.
   */
  public void forecast(String key, long at, double forecast, double now) {
    if (Double.isFinite(forecast) && Double.isFinite(now)) {
      pending.computeIfAbsent(key, k -> new TreeMap<>()).put(at, new Pending(forecast, now));
    }
  }

  /**
   * The actual value at {@code at} ({@code NaN}: unknown): scores the forecast made at {@code at −
   * horizon}, drops older ones, and answers a window once {@code window} forecasts are scored.
   */
  public Optional<Window> actual(String key, long at, double actual) {
    TreeMap<Long, Pending> forKey = pending.get(key);
    if (forKey == null) {
      return Optional.empty();
    }
    long madeAt = at - horizonMillis;
    Pending p = forKey.get(madeAt);
    forKey.headMap(madeAt, true).clear();
    if (p == null || !Double.isFinite(actual)) {
      return Optional.empty();
    }
    count++;
    error += Math.abs(p.forecast() - actual);
    persistenceError += Math.abs(p.now() - actual);
    if (count < window) {
      return Optional.empty();
    }
    Window w = new Window(count, error / count, persistenceError / count);
    count = 0;
    error = 0;
    persistenceError = 0;
    return Optional.of(w);
  }

  /** Forecasts waiting for their actual value. */
  public int waiting() {
    return pending.values().stream().mapToInt(TreeMap::size).sum();
  }
}
