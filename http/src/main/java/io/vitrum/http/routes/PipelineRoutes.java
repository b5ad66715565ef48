package io.vitrum.http.routes;

import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.json.Json;
import io.vitrum.http.server.PipelineMetrics;
import java.util.List;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/pipeline/metrics}: p50/p95/p99 per stage, throughput and consumer lag over a
 * recent window, from the node's meters.
 */
public final class PipelineRoutes extends AllDirectives {
  static final Endpoint METRICS = Endpoint.get("/api/pipeline/metrics", Scope.PLANT);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(METRICS);

  private final PipelineMetrics metrics;

  public PipelineRoutes(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  public Route routes() {
    return path(
        PathMatchers.segment("pipeline").slash("metrics"),
        () ->
            Access.serve(
                METRICS,
                caller -> completeOK(metrics.report(), Jackson.marshaller(Json.mapper()))));
  }
}
