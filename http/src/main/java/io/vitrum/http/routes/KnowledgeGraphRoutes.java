package io.vitrum.http.routes;

import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.security.Principal;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import io.vitrum.streams.graph.KnowledgeGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/knowledge-graph?furnace=F2&depth=6}: the causal graph around a furnace, as the
 * dashboard draws it: every node within {@code depth} hops of the furnace along the plant and
 * causal relationships (zones, sensors, parameters, processes, defects, faults, equipment), with
 * its labels, and the edges among them with their learnt strengths.
 */
public final class KnowledgeGraphRoutes extends AllDirectives {
  static final Endpoint GRAPH = Endpoint.get("/api/knowledge-graph", Scope.PLANT);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(GRAPH);

  private static final int DEFAULT_DEPTH = 6;
  private static final String RELATIONS =
      "HAS_ZONE|HAS_SENSOR|MEASURES|INFLUENCES|CAUSES|CAN_FAIL_AS|MISREADS";

  private final Optional<KnowledgeGraph> graph;

  public KnowledgeGraphRoutes(Optional<KnowledgeGraph> graph) {
    this.graph = graph;
  }

  public Route routes() {
    return path(
        "knowledge-graph",
        () ->
            Access.serve(
                GRAPH,
                caller ->
                    parameterOptional(
                        "furnace",
                        furnace ->
                            parameterOptional(
                                "depth", depth -> neighbourhood(caller, furnace, depth)))));
  }

  private Route neighbourhood(Principal caller, Optional<String> furnace, Optional<String> depth) {
    String id =
        furnace.orElseThrow(() -> HistoryParameters.invalid("name the furnace: ?furnace=F1"));
    if (!FurnaceId.isValid(id)) {
      throw HistoryParameters.invalid("furnace '" + id + "' is not a furnace id");
    }
    if (!caller.sees(id)) {
      throw new ProblemException(Access.notFound(Scope.FURNACE, id));
    }
    KnowledgeGraph g = graph.orElseThrow(IncidentRoutes::noGraph);
    int d = depth(depth, g.settings().maxDepth());
    String nodes =
        "MATCH (f:Furnace {id: $furnace}) MATCH p = (f)-[:"
            + RELATIONS
            + "*0.."
            + d
            + "]-(n:Node) WITH DISTINCT n RETURN n.id AS id, labels(n) AS labels, n.name AS name,"
            + " n.nameRu AS nameRu ORDER BY id";
    return onSuccess(
        g.rows(nodes, Map.of("furnace", id))
            .thenCompose(
                found ->
                    g.rows(
                            "MATCH (a:Node)-[r]->(b:Node) WHERE a.id IN $ids AND b.id IN $ids"
                                + " RETURN a.id AS from, b.id AS to, type(r) AS type, r.sign AS"
                                + " sign, r.strength AS strength, r.lagMinutes AS lagMinutes",
                            Map.of("ids", found.stream().map(r -> r.get("id")).toList()))
                        .thenApply(
                            edges -> {
                              Map<String, Object> out = new LinkedHashMap<>();
                              out.put("furnace", id);
                              out.put("depth", d);
                              out.put("nodes", found);
                              out.put("edges", edges);
                              return out;
                            })),
        out -> completeOK(out, Jackson.marshaller(Json.mapper())));
  }

  private static int depth(Optional<String> depth, int max) {
    if (depth.isEmpty()) {
      return Math.min(DEFAULT_DEPTH, max);
    }
    try {
      int d = Integer.parseInt(depth.get());
      if (d >= 1 && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw HistoryParameters.invalid("depth must be a whole number from 1 to " + max);
  }
}
