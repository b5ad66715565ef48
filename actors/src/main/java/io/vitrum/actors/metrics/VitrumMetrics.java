package io.vitrum.actors.metrics;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node's one meter registry. Every capability registers its meters here; the HTTP module adds a
 * Prometheus registry to it and serves it on the management port. A composite with no backing
 * registry (as in unit tests) records nothing.
 */
public final class VitrumMetrics implements Extension {
  private static final ExtensionId<VitrumMetrics> ID =
      new ExtensionId<>() {
        @Override
        public VitrumMetrics createExtension(ActorSystem<?> system) {
          return new VitrumMetrics();
        }
      };

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

  private VitrumMetrics() {}

  public static VitrumMetrics get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public CompositeMeterRegistry registry() {
    return registry;
  }
}
