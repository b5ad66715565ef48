package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.incident.Incident;
import io.vitrum.actors.incident.IncidentRecord;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.FeedbackRequest;
import io.vitrum.http.dto.IncidentResponse;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import io.vitrum.streams.graph.KnowledgeGraph;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Incidents: {@code GET /api/incidents?furnace=&status=} (from the knowledge graph, newest first),
 * {@code GET /api/incidents/{id}}, {@code GET /api/incidents/{id}/root-causes} (the latest ranking,
 * best first, with similar past incidents) and {@code POST /api/incidents/{id}/feedback}.
 */
public final class IncidentRoutes extends AllDirectives {
  static final Endpoint LIST = Endpoint.get("/api/incidents", Scope.PLANT);
  static final Endpoint SHOW = Endpoint.get("/api/incidents/{id}", Scope.PLANT);
  static final Endpoint CAUSES = Endpoint.get("/api/incidents/{id}/root-causes", Scope.PLANT);
  static final Endpoint FEEDBACK =
      Endpoint.of("POST", "/api/incidents/{id}/feedback", Scope.PLANT, Role.OPERATOR);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(LIST, SHOW, CAUSES, FEEDBACK);

  private static final int LIST_LIMIT = 200;
  private static final String LIST_QUERY =
      "MATCH (i:Incident) WHERE ($furnace IS NULL OR i.furnace = $furnace) AND ($status IS NULL OR"
          + " i.status = $status) RETURN i.id AS id, i.furnace AS furnace, i.defect AS defect,"
          + " i.tag AS tag, i.status AS status, i.openedAt AS openedAt, i.closedAt AS closedAt,"
          + " i.topCause AS topCause ORDER BY i.openedAt DESC LIMIT $limit";
  private static final String SIMILAR_QUERY =
      "MATCH (i:Incident)-[s:SUSPECTS]->(f:Fault {id: $cause}) WHERE i.id <> $id AND s.rank = 1"
          + " RETURN i.id AS id, i.furnace AS furnace, i.openedAt AS openedAt, i.status AS status,"
          + " exists((i)-[:CONFIRMED]->(f)) AS confirmed ORDER BY confirmed DESC, i.openedAt DESC"
          + " LIMIT 3";

  private final ClusterSharding sharding;
  private final HttpSettings settings;
  private final Optional<KnowledgeGraph> graph;
  private final JsonBody body;
  private final Clock clock;

  public IncidentRoutes(
      ClusterSharding sharding,
      HttpSettings settings,
      Optional<KnowledgeGraph> graph,
      Clock clock) {
    this.sharding = sharding;
    this.settings = settings;
    this.graph = graph;
    this.body = new JsonBody(settings);
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "incidents",
        () ->
            concat(
                pathEnd(
                    () ->
                        Access.serve(
                            LIST,
                            caller ->
                                parameterOptional(
                                    "furnace",
                                    furnace ->
                                        parameterOptional(
                                            "status", status -> list(caller, furnace, status))))),
                pathPrefix(
                    PathMatchers.segment(),
                    id ->
                        concat(
                            pathEnd(() -> Access.serve(SHOW, caller -> show(caller, id))),
                            path(
                                "root-causes",
                                () -> Access.serve(CAUSES, caller -> causes(caller, id))),
                            path(
                                "feedback",
                                () -> Access.serve(FEEDBACK, caller -> feedback(caller, id)))))));
  }

  private Route list(Principal caller, Optional<String> furnace, Optional<String> status) {
    if (status.isPresent() && !status.get().equals("open") && !status.get().equals("closed")) {
      throw HistoryParameters.invalid("status must be open or closed, not '" + status.get() + "'");
    }
    KnowledgeGraph g = graph.orElseThrow(IncidentRoutes::noGraph);
    Map<String, Object> params = new HashMap<>();
    params.put("furnace", furnace.orElse(null));
    params.put("status", status.orElse(null));
    params.put("limit", LIST_LIMIT);
    return onSuccess(
        g.rows(LIST_QUERY, params),
        rows ->
            completeOK(
                Map.of(
                    "incidents",
                    rows.stream().filter(r -> caller.sees((String) r.get("furnace"))).toList()),
                Jackson.marshaller(Json.mapper())));
  }

  private Route show(Principal caller, String id) {
    return onSuccess(
        incident(caller, id),
        incident -> completeOK(IncidentResponse.of(incident), Jackson.marshaller(Json.mapper())));
  }

  private Route causes(Principal caller, String id) {
    return onSuccess(
        incident(caller, id).thenCompose(this::withSimilar),
        response -> completeOK(response, Jackson.marshaller(Json.mapper())));
  }

  private CompletionStage<Map<String, Object>> withSimilar(IncidentRecord incident) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("incident", incident.id());
    out.put("analysedAt", incident.analysedAt() == null ? null : incident.analysedAt().toString());
    out.put("causes", incident.causes());
    if (incident.causes().isEmpty() || graph.isEmpty()) {
      out.put("similar", List.of());
      return CompletableFuture.completedFuture(out);
    }
    return graph
        .get()
        .rows(SIMILAR_QUERY, Map.of("cause", incident.causes().get(0).cause(), "id", incident.id()))
        .thenApply(
            rows -> {
              out.put("similar", rows);
              return out;
            });
  }

  private Route feedback(Principal caller, String id) {
    return body.validated(
        FeedbackRequest.class,
        request ->
            onSuccess(
                incident(caller, id)
                    .thenCompose(
                        incident ->
                            line(id)
                                .<Confirmation>ask(
                                    replyTo ->
                                        new Incident.GiveFeedback(
                                            id,
                                            request.cause(),
                                            request.confirmed(),
                                            caller.subject(),
                                            request.comment(),
                                            clock.instant(),
                                            replyTo),
                                    settings.askTimeout())),
                reply ->
                    completeOK(Replies.acceptedOrThrow(reply), Jackson.marshaller(Json.mapper()))));
  }

  private CompletionStage<IncidentRecord> incident(Principal caller, String id) {
    return line(id)
        .<Incident.LineView>ask(Incident.GetLine::new, settings.askTimeout())
        .thenApply(
            view ->
                view.incident(id)
                    .filter(i -> caller.sees(i.furnace()))
                    .orElseThrow(() -> new ProblemException(notFound(id))));
  }

  private EntityRef<Incident.Command> line(String id) {
    String line = Incident.lineOfIncident(id).orElseThrow(() -> new ProblemException(notFound(id)));
    return sharding.entityRefFor(Incident.ENTITY_KEY, line);
  }

  private static Problem notFound(String id) {
    return Problem.of(404, "incident-not-found", "No such incident", "there is no incident " + id);
  }

  static ProblemException noGraph() {
    return new ProblemException(
        Problem.of(
            503,
            "graph-unavailable",
            "Knowledge graph off",
            "this node runs without the knowledge graph (vitrum.graph.enabled = off)"));
  }
}
