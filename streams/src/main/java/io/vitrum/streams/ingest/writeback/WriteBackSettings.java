package io.vitrum.streams.ingest.writeback;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * The retry policy of the setpoint write-back, from {@code vitrum.write-back}.
 *
 * @param attempts tries per change before it is recorded as failed, at least 1
 * @param backoffMin wait before the second try ...
 * @param backoffMax ... doubling before each later one up to this
 * @param attemptTimeout one try fails when the plant has not acknowledged it within this
 */
public record WriteBackSettings(
    int attempts, Duration backoffMin, Duration backoffMax, Duration attemptTimeout) {

  public WriteBackSettings {
    if (attempts < 1) {
      throw new IllegalArgumentException("at least one attempt is required, not " + attempts);
    }
    if (backoffMin.isNegative() || backoffMax.compareTo(backoffMin) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 <= min <= max, not " + backoffMin + " and " + backoffMax);
    }
    if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
      throw new IllegalArgumentException("the attempt timeout must be positive");
    }
  }

  public static WriteBackSettings create(Config config) {
    Config c = config.getConfig("vitrum.write-back");
    try {
      return new WriteBackSettings(
          c.getInt("attempts"),
          c.getDuration("backoff-min"),
          c.getDuration("backoff-max"),
          c.getDuration("attempt-timeout"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(c.origin(), "vitrum.write-back", e.getMessage());
    }
  }

  /** How long to wait before try {@code attempt} (2 = the first retry). */
  public Duration backoffBefore(int attempt) {
    Duration delay = backoffMin;
    for (int i = 2; i < attempt && delay.compareTo(backoffMax) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
  }
}
