package io.vitrum.streams.graph;

import io.vitrum.actors.sensor.Sensor;
import io.vitrum.core.causal.MeasureRule;
import io.vitrum.core.causal.Ontology;
import io.vitrum.core.plant.TagId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Sensor configurations into the knowledge graph: the furnace, the sensor's zone (its tag's area)
 * and the sensor, measuring the parameter the ontology assigns to its tag.
 */
public final class SensorGraphHandler extends Handler<EventEnvelope<Sensor.Event>> {
  private final KnowledgeGraph graph;
  private final Ontology ontology;

  public SensorGraphHandler(KnowledgeGraph graph, Ontology ontology) {
    this.graph = graph;
    this.ontology = ontology;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<Sensor.Event> envelope) {
    if (!(envelope.event() instanceof Sensor.SensorConfigured configured)) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String tag = envelope.persistenceId().substring(envelope.persistenceId().indexOf('|') + 1);
    String furnace = TagId.furnaceOf(tag);
    String area = tag.substring(furnace.length() + 1).split("\\.")[0];
    Map<String, Object> p =
        new HashMap<>(KnowledgeGraph.zoneParams(furnace, area, ontology.zones().get(area)));
    Optional<MeasureRule> rule = ontology.measureOf(tag);
    p.put("furnace", furnace);
    p.put("tag", tag);
    p.put("unit", configured.config().unit());
    p.put("min", configured.config().min());
    p.put("max", configured.config().max());
    p.put("at", configured.at().toString());
    p.put("parameter", rule.map(MeasureRule::parameter).orElse(""));
    p.put("sign", rule.map(MeasureRule::sign).orElse(1));
    return graph
        .applyOnce(
            envelope.persistenceId(), envelope.sequenceNr(), KnowledgeGraph.sensorCypher(), p)
        .thenApply(applied -> Done.getInstance());
  }
}
