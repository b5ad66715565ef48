package io.vitrum.http.auth;

import com.typesafe.config.Config;
import io.vitrum.core.security.TokenBucket;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a caller's subject, or a client address for failed authentications), kept
 * for at most {@code maxKeys} keys on this node: beyond that the table starts afresh, so memory
 * stays bounded whatever the number of callers.
 */
public final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final int maxKeys;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(double perSecond, double burst, int maxKeys, LongSupplier nanos) {
    new TokenBucket(perSecond, burst, 0); // checks the figures once
    this.perSecond = perSecond;
    this.burst = burst;
    this.maxKeys = maxKeys;
    this.nanos = nanos;
  }

  /** From {@code config} at {@code path}: {@code per-second}, {@code burst}, {@code max-keys}. */
  public static RateLimiter create(Config config, String path) {
    Config c = config.getConfig(path);
    return new RateLimiter(
        c.getDouble("per-second"), c.getDouble("burst"), c.getInt("max-keys"), System::nanoTime);
  }

  /** Takes one request for {@code key}: 0 when allowed, else nanoseconds until it would be. */
  public long take(String key) {
    long now = nanos.getAsLong();
    if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
      buckets.clear();
    }
    TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond, burst, now));
    synchronized (bucket) {
      return bucket.take(now);
    }
  }
}
