package io.vitrum.http.routes;

import io.vitrum.core.live.LiveTopic;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.PipelineProcessRequest;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import io.vitrum.http.server.PipelineMetrics;
import io.vitrum.streams.inference.DryRun;
import io.vitrum.streams.inference.Explanation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/pipeline/metrics}: p50/p95/p99 per stage, throughput and consumer lag over a
 * recent window, from the node's meters. {@code POST /api/pipeline/process}: a batch of one
 * furnace's readings through features, the models and the explanation, synchronously, as a dry run
 * that changes no entity and publishes nothing; the reply is a {@code pipeline_result}.
 */
public final class PipelineRoutes extends AllDirectives {
  static final Endpoint METRICS = Endpoint.get("/api/pipeline/metrics", Scope.PLANT);
  static final Endpoint PROCESS =
      Endpoint.of(
          "POST", "/api/pipeline/process", Scope.PLANT, Role.OPERATOR, Role.INTEGRATOR, Role.ADMIN);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(METRICS, PROCESS);

  /** The reply of a dry run: the WebSocket's {@code pipeline_result} message. */
  public record PipelineResult(
      String type,
      String furnace,
      int readings,
      int featureVectors,
      int minuteVectors,
      Explanation result,
      Object recommendations) {}

  private final PipelineMetrics metrics;
  private final DryRun dryRun;
  private final Executor executor;
  private final JsonBody body;

  public PipelineRoutes(
      PipelineMetrics metrics, DryRun dryRun, Executor executor, HttpSettings settings) {
    this.metrics = metrics;
    this.dryRun = dryRun;
    this.executor = executor;
    this.body = new JsonBody(settings);
  }

  public Route routes() {
    return concat(
        path(
            PathMatchers.segment("pipeline").slash("metrics"),
            () ->
                Access.serve(
                    METRICS,
                    caller -> completeOK(metrics.report(), Jackson.marshaller(Json.mapper())))),
        path(
            PathMatchers.segment("pipeline").slash("process"),
            () -> Access.serve(PROCESS, this::process)));
  }

  private Route process(Principal caller) {
    return body.validated(
        PipelineProcessRequest.class,
        request -> {
          if (!caller.sees(request.furnace())) {
            throw new ProblemException(Access.notFound(Scope.FURNACE, request.furnace()));
          }
          List<DryRun.Point> points =
              request.readings().stream()
                  .map(r -> new DryRun.Point(r.tag(), r.ts().toEpochMilli(), r.value()))
                  .toList();
          return onSuccess(
              CompletableFuture.supplyAsync(() -> dryRun.run(request.furnace(), points), executor),
              result ->
                  completeOK(
                      new PipelineResult(
                          LiveTopic.PIPELINE_RESULT,
                          request.furnace(),
                          points.size(),
                          result.vectors(),
                          result.minuteVectors(),
                          result.explanation(),
                          null),
                      Jackson.marshaller(Json.mapper())));
        });
  }
}
