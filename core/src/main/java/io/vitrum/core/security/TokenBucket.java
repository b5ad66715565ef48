package io.vitrum.core.security;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Not thread-safe;
 * callers hold one per key and synchronise on it.
 */
public final class TokenBucket {
  private final double perSecond;
  private final double burst;
  private double tokens;
  private long lastNanos;

  public TokenBucket(double perSecond, double burst, long nowNanos) {
    if (!(perSecond > 0) || !(burst >= 1)) {
      throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /**
   * Takes one token at {@code nowNanos}: 0 when it was there, else how many nanoseconds until one
   * will be.
   */
  public long take(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed / 1e9 * perSecond);
      lastNanos = nowNanos;
    }
  }
}
