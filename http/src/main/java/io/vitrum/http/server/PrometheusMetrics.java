package io.vitrum.http.server;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vitrum.actors.metrics.VitrumMetrics;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The Prometheus registry of a node, attached to the node's shared {@link VitrumMetrics} registry,
 * with JVM and process meters bound. Served at {@code /metrics} on the management port.
 */
public final class PrometheusMetrics implements Extension {
  private static final ExtensionId<PrometheusMetrics> ID =
      new ExtensionId<>() {
        @Override
        public PrometheusMetrics createExtension(ActorSystem<?> system) {
          return new PrometheusMetrics(system);
        }
      };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private PrometheusMetrics(ActorSystem<?> system) {
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    system.getWhenTerminated().thenRun(gc::close);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    VitrumMetrics.get(system).registry().add(registry);
  }

  public static PrometheusMetrics get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** The current meters in Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
