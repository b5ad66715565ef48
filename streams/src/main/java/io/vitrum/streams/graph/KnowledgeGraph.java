package io.vitrum.streams.graph;

import io.vitrum.core.causal.CausalEdge;
import io.vitrum.core.causal.CausalNode;
import io.vitrum.core.causal.EdgeBelief;
import io.vitrum.core.causal.EdgeStrengths;
import io.vitrum.core.causal.Ontology;
import io.vitrum.core.causal.Zone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The causal knowledge graph in Neo4j: the ontology seed (versioned), the plant as it is
 * configured, alarms, setpoint changes and incidents as the entities record them, and the learnt
 * strengths of the causal edges.
 *
 * <p>Every node carries the label {@code Node} with a unique {@code id} beside its kind's label
 * ({@code Fault}, {@code Sensor}, ...). Writes from the journal are idempotent: each is one
 * transaction that first merges an {@code AppliedEvent} keyed by persistence id and sequence number
 * and does the rest only if that marker is new, so a replayed event changes nothing. Calls run on
 * {@code executor} (the driver's API here blocks) and complete with the query's outcome.
 */
public final class KnowledgeGraph implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeGraph.class);
  private static final List<String> LABELS =
      List.of(
          "Node",
          "Furnace",
          "Zone",
          "Sensor",
          "Parameter",
          "Process",
          "Defect",
          "Fault",
          "Equipment",
          "Incident");

  /** Seeding runs many statements (constraints first, slow on a cold server): more time. */
  private static final int SEED_TIMEOUT_FACTOR = 12;

  private final Driver driver;
  private final QueryConfig queries;
  private final Executor executor;
  private final GraphSettings settings;

  public KnowledgeGraph(GraphSettings settings, Executor executor) {
    this.settings = settings;
    this.executor = executor;
    this.driver =
        GraphDatabase.driver(
            settings.uri(),
            settings.password().isEmpty()
                ? AuthTokens.none()
                : AuthTokens.basic(settings.user(), settings.password()),
            Config.builder()
                .withConnectionTimeout(settings.queryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withLogging(Logging.slf4j())
                .build());
    this.queries = QueryConfig.builder().withDatabase(settings.database()).build();
  }

  public GraphSettings settings() {
    return settings;
  }

  /** Whether Neo4j answers. */
  public CompletionStage<Boolean> ready() {
    return async(
        () -> {
          driver.verifyConnectivity();
          return true;
        });
  }

  /**
   * Creates the constraints and indexes, then seeds {@code ontology} unless the graph already holds
   * its version: nodes and edges are merged; an edge's learnt belief is kept, a new edge starts at
   * its seed strength.
   */
  public CompletionStage<Integer> seed(Ontology ontology) {
    return async(
        SEED_TIMEOUT_FACTOR,
        () -> {
          for (String label : LABELS) {
            run(
                "CREATE CONSTRAINT "
                    + label.toLowerCase()
                    + "_id IF NOT EXISTS FOR (n:"
                    + label
                    + ") REQUIRE n.id IS UNIQUE",
                Map.of());
          }
          run(
              "CREATE CONSTRAINT applied_event IF NOT EXISTS FOR (a:AppliedEvent) REQUIRE a.key IS"
                  + " UNIQUE",
              Map.of());
          run(
              "CREATE INDEX incident_furnace IF NOT EXISTS FOR (i:Incident) ON (i.furnace)",
              Map.of());
          List<Record> stored =
              query("MATCH (o:Ontology {id: 'seed'}) RETURN o.version AS v", Map.of());
          if (!stored.isEmpty() && stored.get(0).get("v").asInt() == ontology.version()) {
            return ontology.version();
          }
          List<Map<String, Object>> nodes = new ArrayList<>();
          for (CausalNode n : ontology.nodes().values()) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", n.id());
            m.put("label", n.kind().label());
            m.put("name", n.name());
            m.put("nameRu", n.nameRu());
            m.put("inspectionClass", n.inspectionClass());
            nodes.add(m);
          }
          for (Map<String, Object> n : nodes) {
            run(
                "MERGE (n:Node {id: $id}) SET n:"
                    + n.get("label")
                    + ", n.name = $name, n.nameRu = $nameRu, n.inspectionClass = $inspectionClass,"
                    + " n.kind = $label",
                n);
          }
          for (CausalEdge e : ontology.edges()) {
            EdgeBelief prior = EdgeBelief.prior(e.strength());
            Map<String, Object> p = new HashMap<>();
            p.put("from", e.from());
            p.put("to", e.to());
            p.put("key", e.key());
            p.put("sign", e.sign());
            p.put("seed", e.strength());
            p.put("lag", e.lagMinutes());
            p.put("alpha", prior.alpha());
            p.put("beta", prior.beta());
            p.put("strength", prior.strength());
            run(
                "MATCH (a:Node {id: $from}), (b:Node {id: $to}) MERGE (a)-[r:"
                    + e.relation()
                    + " {key: $key}]->(b) ON CREATE SET r.alpha = $alpha, r.beta = $beta,"
                    + " r.strength = $strength SET r.sign = $sign, r.seedStrength = $seed,"
                    + " r.lagMinutes = $lag",
                p);
          }
          run(
              "MERGE (o:Ontology {id: 'seed'}) SET o.version = $v",
              Map.of("v", ontology.version()));
          log.info(
              "Seeded the knowledge graph with ontology version {}: {} nodes, {} edges",
              ontology.version(),
              nodes.size(),
              ontology.edges().size());
          return ontology.version();
        });
  }

  /** The learnt beliefs of every causal edge. */
  public CompletionStage<EdgeStrengths> strengths() {
    return async(
        () -> {
          Map<String, EdgeBelief> beliefs = new HashMap<>();
          for (Record r :
              query(
                  "MATCH ()-[r]->() WHERE r.key IS NOT NULL AND r.alpha IS NOT NULL RETURN r.key AS"
                      + " key, r.alpha AS a, r.beta AS b",
                  Map.of())) {
            beliefs.put(
                r.get("key").asString(),
                new EdgeBelief(r.get("a").asDouble(), r.get("b").asDouble()));
          }
          return new EdgeStrengths(beliefs);
        });
  }

  /**
   * Runs {@code cypher} with {@code params} once per event {@code (persistenceId, sequenceNr)}: a
   * replay of the same event does nothing. {@code params} may not use the names {@code pid}, {@code
   * seq} or {@code eventKey}.
   */
  public CompletionStage<Boolean> applyOnce(
      String persistenceId, long sequenceNr, String cypher, Map<String, Object> params) {
    return async(
        () ->
            driver
                .session(SessionConfig.forDatabase(settings.database()))
                .executeWrite(
                    tx -> {
                      String key = persistenceId + "#" + sequenceNr;
                      boolean fresh =
                          tx.run(
                                  "MERGE (a:AppliedEvent {key: $key}) ON CREATE SET a.fresh = true"
                                      + " WITH a, coalesce(a.fresh, false) AS fresh REMOVE a.fresh"
                                      + " RETURN fresh",
                                  Map.of("key", key))
                              .single()
                              .get("fresh")
                              .asBoolean();
                      if (fresh) {
                        Map<String, Object> all = new HashMap<>(params);
                        all.put("eventKey", key);
                        tx.run(cypher, all).consume();
                      }
                      return fresh;
                    }));
  }

  /** Merges the furnace, its zones and a sensor measuring what the ontology says. */
  public static String sensorCypher() {
    return "MERGE (f:Node:Furnace {id: $furnace}) MERGE (z:Node:Zone {id: $zone}) SET z.area ="
        + " $area, z.name = $zoneName, z.nameRu = $zoneNameRu MERGE (f)-[:HAS_ZONE]->(z) MERGE"
        + " (s:Node:Sensor {id: $tag}) SET s.unit = $unit, s.min = $min, s.max = $max, s.configuredAt"
        + " = $at MERGE (z)-[:HAS_SENSOR]->(s) WITH s OPTIONAL MATCH (p:Parameter {id:"
        + " $parameter}) FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | MERGE"
        + " (s)-[m:MEASURES]->(x) SET m.sign = $sign)";
  }

  /** The zone parameters of {@link #sensorCypher()} for {@code zone}, if the ontology has it. */
  public static Map<String, Object> zoneParams(String furnace, String area, Zone zone) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("zone", furnace + "." + area);
    p.put("area", area);
    p.put("zoneName", zone == null ? area : zone.name());
    p.put("zoneNameRu", zone == null ? area : zone.nameRu());
    return p;
  }

  /** Rows of {@code cypher}, each as a map of column to plain Java value. */
  public CompletionStage<List<Map<String, Object>>> rows(
      String cypher, Map<String, Object> params) {
    return async(
        () -> {
          List<Map<String, Object>> out = new ArrayList<>();
          for (Record r : query(cypher, params)) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String k : r.keys()) {
              row.put(k, plain(r.get(k)));
            }
            out.add(row);
          }
          return out;
        });
  }

  private static Object plain(Value v) {
    return v.isNull() ? null : v.asObject();
  }

  private List<Record> query(String cypher, Map<String, Object> params) {
    return driver
        .executableQuery(cypher)
        .withParameters(params)
        .withConfig(queries)
        .execute()
        .records();
  }

  private void run(String cypher, Map<String, Object> params) {
    driver.executableQuery(cypher).withParameters(params).withConfig(queries).execute();
  }

  private <T> CompletionStage<T> async(Supplier<T> work) {
    return async(1, work);
  }

  private <T> CompletionStage<T> async(int timeouts, Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor)
        .orTimeout(timeouts * settings.queryTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    driver.close();
  }
}
