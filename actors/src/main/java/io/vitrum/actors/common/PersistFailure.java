package io.vitrum.actors.common;

import java.time.Duration;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.SupervisorStrategy;

/**
 * What every entity does when its journal fails: stop, then restart and recover with backoff (0.2 s
 * doubling to 5 s, 10 % jitter), so a Cassandra hiccup never turns into a tight loop.
 */
public final class PersistFailure {
  private PersistFailure() {}

  public static BackoffSupervisorStrategy restartWithBackoff() {
    return SupervisorStrategy.restartWithBackoff(
        Duration.ofMillis(200), Duration.ofSeconds(5), 0.1);
  }
}
