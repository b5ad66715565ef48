package io.vitrum.http.server;

import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/**
 * {@code GET /metrics} on the management port, in Prometheus text format. Registered through {@code
 * pekko.management.http.routes.metrics}; Pekko Management instantiates it with the system.
 */
public final class MetricsRoutes extends AllDirectives implements ManagementRouteProvider {

  private final PrometheusMetrics metrics;

  public MetricsRoutes(ExtendedActorSystem system) {
    this.metrics = PrometheusMetrics.get(Adapter.toTyped(system));
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return path(
        "metrics",
        () ->
            get(
                () ->
                    complete(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, metrics.scrape()))));
  }
}
