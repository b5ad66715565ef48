package io.vitrum.streams.graph;

import io.vitrum.actors.furnace.Furnace;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Furnace alarm transitions and setpoint changes into the knowledge graph, each a node linked to
 * its furnace ({@code (:Alarm)-[:ON]->(:Furnace)}, {@code (:SetpointChange)-[:ON]->(:Furnace)}), so
 * that a shift's history and an incident's context are one query away.
 */
public final class FurnaceGraphHandler extends Handler<EventEnvelope<Furnace.Event>> {
  private static final String ALARM =
      "MERGE (f:Node:Furnace {id: $furnace}) CREATE (a:Alarm {key: $eventKey, alarmId: $alarmId,"
          + " furnace: $furnace, raised: $raised, source: $source, severity: $severity, message:"
          + " $message, at: $at}) CREATE (a)-[:ON]->(f)";
  private static final String SETPOINT =
      "MERGE (f:Node:Furnace {id: $furnace}) CREATE (c:SetpointChange {key: $eventKey, furnace:"
          + " $furnace, parameter: $parameter, previous: $previous, value: $value, origin: $origin,"
          + " by: $by, reason: $reason, at: $at}) CREATE (c)-[:ON]->(f)";

  private final KnowledgeGraph graph;

  public FurnaceGraphHandler(KnowledgeGraph graph) {
    this.graph = graph;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<Furnace.Event> envelope) {
    String furnace = envelope.persistenceId().substring(envelope.persistenceId().indexOf('|') + 1);
    Map<String, Object> p = new HashMap<>();
    p.put("furnace", furnace);
    String cypher;
    if (envelope.event() instanceof Furnace.AlarmRaised a) {
      cypher = ALARM;
      p.put("alarmId", a.alarmId());
      p.put("raised", true);
      p.put("source", a.source());
      p.put("severity", a.severity());
      p.put("message", a.message());
      p.put("at", a.at().toString());
    } else if (envelope.event() instanceof Furnace.AlarmCleared c) {
      cypher = ALARM;
      p.put("alarmId", c.alarmId());
      p.put("raised", false);
      p.put("source", null);
      p.put("severity", null);
      p.put("message", null);
      p.put("at", c.at().toString());
    } else if (envelope.event() instanceof Furnace.SetpointChanged s) {
      cypher = SETPOINT;
      p.put("parameter", s.parameter());
      p.put("previous", s.previous());
      p.put("value", s.value());
      p.put("origin", String.valueOf(s.origin()));
      p.put("by", s.requestedBy());
      p.put("reason", s.reason());
      p.put("at", s.at().toString());
    } else {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return graph
        .applyOnce(envelope.persistenceId(), envelope.sequenceNr(), cypher, p)
        .thenApply(applied -> Done.getInstance());
  }
}
