package io.vitrum.http.routes;

import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Guard;
import io.vitrum.http.errors.CorrelationIds;
import io.vitrum.http.errors.Problems;
import io.vitrum.http.ws.WsRoutes;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.model.headers.TimeoutAccess;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The whole public HTTP surface of a node: a correlation id on every request and response,
 * problem+json for every failure (also the server's own request timeout), the {@code /api}
 * resources behind the {@link Guard} (a bearer token for each), the OpenAPI document at {@code
 * /api/openapi.yaml} and the dashboard at {@code /} ({@link DashboardRoutes}), which anyone may
 * read, and the WebSocket {@code /ws}, which authenticates in its own protocol.
 *
 * <p>The route tree is built once, at construction; per request only the correlation id is decided
 * and attached, as the request attribute {@link Problems#CORRELATION_ID} that the constant error
 * handlers read.
 */
public final class ApiRoutes extends AllDirectives {
  /** The routes anyone may call, without a token: they are described, not secured. */
  public static final List<Endpoint> PUBLIC =
      Stream.concat(
              DashboardRoutes.ENDPOINTS.stream(),
              Stream.of(
                  Endpoint.get("/ws", Endpoint.Scope.PLANT),
                  Endpoint.get("/api/openapi.yaml", Endpoint.Scope.PLANT)))
          .toList();

  private final Route route;

  public ApiRoutes(
      SensorRoutes sensors,
      FurnaceRoutes furnaces,
      TwinRoutes twins,
      IngestRoutes ingest,
      AuditRoutes audit,
      PipelineRoutes pipeline,
      FeatureRoutes features,
      ModelRoutes models,
      TrainingRoutes training,
      ExplainabilityRoutes explainability,
      HistoryRoutes history,
      ReplayRoutes replay,
      IncidentRoutes incidents,
      ShiftReportRoutes shiftReports,
      KnowledgeGraphRoutes knowledgeGraph,
      AskRoutes ask,
      PolicyRoutes policies,
      Guard guard,
      WsRoutes ws,
      DashboardRoutes dashboard) {
    Problems problems = new Problems();
    this.route =
        correlated(
            problems.handle(
                concat(
                    path(PathMatchers.segment("api").slash("openapi.yaml"), this::openApi),
                    pathPrefix(
                        "api",
                        () ->
                            guard.secured(
                                () ->
                                    problems.handle(
                                        concat(
                                            sensors.routes(),
                                            history.routes(),
                                            furnaces.routes(),
                                            twins.routes(),
                                            ingest.routes(),
                                            audit.routes(),
                                            pipeline.routes(),
                                            features.routes(),
                                            models.routes(),
                                            explainability.routes(),
                                            training.routes(),
                                            replay.routes(),
                                            incidents.routes(),
                                            shiftReports.routes(),
                                            knowledgeGraph.routes(),
                                            ask.routes(),
                                            policies.routes())))),
                    ws.routes(),
                    dashboard.routes())));
  }

  /** Every secured endpoint of the API: what the OpenAPI document and the access matrix cover. */
  public static List<Endpoint> endpoints() {
    return Stream.of(
            SensorRoutes.ENDPOINTS,
            FurnaceRoutes.ENDPOINTS,
            TwinRoutes.ENDPOINTS,
            IngestRoutes.ENDPOINTS,
            AuditRoutes.ENDPOINTS,
            PipelineRoutes.ENDPOINTS,
            FeatureRoutes.ENDPOINTS,
            ModelRoutes.ENDPOINTS,
            ExplainabilityRoutes.ENDPOINTS,
            TrainingRoutes.ENDPOINTS,
            HistoryRoutes.ENDPOINTS,
            ReplayRoutes.ENDPOINTS,
            IncidentRoutes.ENDPOINTS,
            ShiftReportRoutes.ENDPOINTS,
            KnowledgeGraphRoutes.ENDPOINTS,
            AskRoutes.ENDPOINTS,
            PolicyRoutes.ENDPOINTS)
        .flatMap(List::stream)
        .toList();
  }

  /**
   * {@code tree} with a correlation id on every request and response: the caller's if it is safe,
   * else a fresh one; the server's request timeout answers with a problem carrying it. {@code tree}
   * is referenced, not rebuilt, per request.
   */
  static Route correlated(Route tree) {
    return Directives.extractRequest(
        request -> {
          String id =
              CorrelationIds.acceptOrFresh(
                  request.getHeader(Problems.CORRELATION_HEADER).map(HttpHeader::value));
          answerTimeoutsAsProblems(request, id);
          // A default header: problem responses already carry the id and must not repeat it.
          return Directives.mapRequest(
              r -> r.addAttribute(Problems.CORRELATION_ID, id),
              () ->
                  Directives.respondWithDefaultHeader(
                      RawHeader.create(Problems.CORRELATION_HEADER, id), () -> tree));
        });
  }

  /** The API; the same instance for every request. */
  public Route routes() {
    return route;
  }

  /** Makes the server's request timeout, if it is on, answer with a problem document. */
  private static void answerTimeoutsAsProblems(HttpRequest request, String id) {
    request
        .getHeader(TimeoutAccess.class)
        .ifPresent(
            access ->
                access
                    .timeoutAccess()
                    .updateHandler(timedOut -> Problems.requestTimeout(timedOut, id)));
  }

  private Route openApi() {
    return RouteTemplate.named(
        "/api/openapi.yaml",
        () ->
            get(
                () ->
                    complete(
                        HttpEntities.create(
                            ContentTypes.create(
                                MediaTypes.applicationWithOpenCharset("yaml"), HttpCharsets.UTF_8),
                            OpenApiDocument.yaml()))));
  }
}
