package io.vitrum.streams.graph;

import io.vitrum.actors.incident.Cause;
import io.vitrum.actors.incident.Incident;
import io.vitrum.core.causal.EdgeBelief;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Incidents into the knowledge graph: {@code (:Incident)-[:ON]->(:Furnace)}, {@code -[:ABOUT]->}
 * its defects (or sensor), {@code -[:SUSPECTS {rank, score}]->} the faults of its latest analysis,
 * and for each operator's answer the belief of every edge on the judged cause's path moved by one
 * (a bounded Bayesian update; {@code -[:CONFIRMED]->} the fault when confirmed).
 */
public final class IncidentGraphHandler extends Handler<EventEnvelope<Incident.Event>> {
  private static final String OPENED =
      "MERGE (f:Node:Furnace {id: $furnace}) MERGE (i:Node:Incident {id: $id}) SET i.furnace ="
          + " $furnace, i.defect = $defect, i.tag = $tag, i.status = 'open', i.openedAt = $at,"
          + " i.trigger = $trigger MERGE (i)-[:ON]->(f) WITH i OPTIONAL MATCH (d:Defect"
          + " {inspectionClass: $defect}) FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [d] END |"
          + " MERGE (i)-[:ABOUT]->(x)) WITH i OPTIONAL MATCH (s:Sensor {id: $tag}) FOREACH (x IN"
          + " CASE WHEN s IS NULL THEN [] ELSE [s] END | MERGE (i)-[:ABOUT]->(x))";
  private static final String ANALYSED =
      "MATCH (i:Incident {id: $id}) OPTIONAL MATCH (i)-[old:SUSPECTS]->() DELETE old WITH"
          + " DISTINCT i SET i.analysedAt = $at, i.topCause = $top WITH i UNWIND $causes AS c MATCH"
          + " (f:Fault {id: c.cause}) MERGE (i)-[s:SUSPECTS]->(f) SET s.rank = c.rank, s.score ="
          + " c.score";
  private static final String FEEDBACK =
      "MATCH (i:Incident {id: $id}) CREATE (a:Answer {key: $eventKey, cause: $cause, confirmed:"
          + " $confirmed, by: $by, comment: $comment, at: $at})-[:ON]->(i) WITH i OPTIONAL MATCH"
          + " (f:Fault {id: $cause}) FOREACH (x IN CASE WHEN f IS NOT NULL AND $confirmed THEN [f]"
          + " ELSE [] END | MERGE (i)-[:CONFIRMED]->(x)) WITH i UNWIND $edges AS key MATCH"
          + " ()-[r {key: key}]->() SET r.alpha = r.alpha + $da, r.beta = r.beta + $db SET"
          + " r.strength = CASE WHEN r.alpha / (r.alpha + r.beta) < $min THEN $min WHEN r.alpha /"
          + " (r.alpha + r.beta) > $max THEN $max ELSE r.alpha / (r.alpha + r.beta) END";
  private static final String CLOSED =
      "MATCH (i:Incident {id: $id}) SET i.status = 'closed', i.closedAt = $at, i.closedBy = $by,"
          + " i.closeReason = $reason";

  private final KnowledgeGraph graph;

  public IncidentGraphHandler(KnowledgeGraph graph) {
    this.graph = graph;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<Incident.Event> envelope) {
    Map<String, Object> p = new HashMap<>();
    String cypher;
    Incident.Event event = envelope.event();
    if (event instanceof Incident.IncidentOpened o) {
      cypher = OPENED;
      p.put("id", o.id());
      p.put("furnace", o.furnace());
      p.put("defect", o.defect());
      p.put("tag", o.tag());
      p.put("trigger", o.trigger());
      p.put("at", o.at().toString());
    } else if (event instanceof Incident.AnalysisRecorded a) {
      cypher = ANALYSED;
      p.put("id", a.id());
      p.put("at", a.at().toString());
      p.put("top", a.causes().isEmpty() ? null : a.causes().get(0).cause());
      List<Map<String, Object>> causes = new ArrayList<>();
      for (int r = 0; r < a.causes().size(); r++) {
        Cause c = a.causes().get(r);
        causes.add(Map.of("cause", c.cause(), "rank", r + 1, "score", c.score()));
      }
      p.put("causes", causes);
    } else if (event instanceof Incident.FeedbackGiven f) {
      cypher = FEEDBACK;
      p.put("id", f.id());
      p.put("cause", f.feedback().cause());
      p.put("confirmed", f.feedback().confirmed());
      p.put("by", f.feedback().by());
      p.put("comment", f.feedback().comment());
      p.put("at", f.feedback().at().toString());
      p.put("edges", f.feedback().edges());
      p.put("da", f.feedback().confirmed() ? 1.0 : 0.0);
      p.put("db", f.feedback().confirmed() ? 0.0 : 1.0);
      p.put("min", EdgeBelief.MIN_STRENGTH);
      p.put("max", EdgeBelief.MAX_STRENGTH);
    } else if (event instanceof Incident.IncidentClosed c) {
      cypher = CLOSED;
      p.put("id", c.id());
      p.put("at", c.at().toString());
      p.put("by", c.by());
      p.put("reason", c.reason());
    } else {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return graph
        .applyOnce(envelope.persistenceId(), envelope.sequenceNr(), cypher, p)
        .thenApply(applied -> Done.getInstance());
  }
}
