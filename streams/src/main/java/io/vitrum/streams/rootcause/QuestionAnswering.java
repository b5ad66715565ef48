package io.vitrum.streams.rootcause;

import io.vitrum.actors.incident.Cause;
import io.vitrum.actors.incident.Incident;
import io.vitrum.core.causal.CausalNode;
import io.vitrum.core.causal.Ontology;
import io.vitrum.core.causal.ask.Answer;
import io.vitrum.core.causal.ask.AnswerWriter;
import io.vitrum.core.causal.ask.IncidentFact;
import io.vitrum.core.causal.ask.Intent;
import io.vitrum.core.causal.ask.Question;
import io.vitrum.streams.graph.KnowledgeGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Answers a parsed question from the incidents of its window: the knowledge graph finds those that
 * overlap the window (of its furnace and defect, if named), the newest one's Incident entity gives
 * its latest ranked causes, and {@link AnswerWriter} words the answer.
 */
public final class QuestionAnswering {
  private static final int LIMIT = 20;
  private static final String INCIDENTS =
      "MATCH (i:Incident) WHERE ($furnace IS NULL OR i.furnace = $furnace) AND ($defect IS NULL OR"
          + " i.defect = $defect) AND i.openedAt < $to AND (i.closedAt IS NULL OR i.closedAt >="
          + " $from) RETURN i.id AS id, i.furnace AS furnace, i.defect AS defect, i.tag AS tag,"
          + " i.status AS status, i.openedAt AS openedAt ORDER BY i.openedAt DESC LIMIT $limit";

  private final ActorSystem<?> system;
  private final KnowledgeGraph graph;
  private final Ontology ontology;
  private final AnswerWriter writer;
  private final Duration askTimeout;

  public QuestionAnswering(
      ActorSystem<?> system,
      KnowledgeGraph graph,
      Ontology ontology,
      AnswerWriter writer,
      Duration askTimeout) {
    this.system = system;
    this.graph = graph;
    this.ontology = ontology;
    this.writer = writer;
    this.askTimeout = askTimeout;
  }

  /** The answer to {@code question}, over the furnaces {@code visible} to the caller. */
  public CompletionStage<Answer> answer(Question question, Predicate<String> visible) {
    Map<String, Object> p = new HashMap<>();
    p.put("furnace", question.furnace().orElse(null));
    p.put("defect", question.defect().orElse(null));
    p.put("from", question.from().toString());
    p.put("to", question.to().toString());
    p.put("limit", LIMIT);
    return graph
        .rows(INCIDENTS, p)
        .thenCompose(
            rows -> {
              List<Map<String, Object>> seen =
                  rows.stream().filter(r -> visible.test((String) r.get("furnace"))).toList();
              if (seen.isEmpty()) {
                return CompletableFuture.completedFuture(writer.write(question, List.of()));
              }
              boolean why = question.intent() == Intent.WHY;
              List<CompletableFuture<IncidentFact>> facts = new ArrayList<>();
              for (int i = 0; i < seen.size(); i++) {
                facts.add(fact(seen.get(i), why ? i == 0 : i < 5).toCompletableFuture());
              }
              return CompletableFuture.allOf(facts.toArray(CompletableFuture[]::new))
                  .thenApply(
                      done ->
                          writer.write(
                              question, facts.stream().map(CompletableFuture::join).toList()));
            });
  }

  private CompletionStage<IncidentFact> fact(Map<String, Object> row, boolean withCauses) {
    String id = (String) row.get("id");
    IncidentFact bare =
        new IncidentFact(
            id,
            (String) row.get("furnace"),
            (String) row.get("defect"),
            (String) row.get("tag"),
            "open".equals(row.get("status")),
            Instant.parse((String) row.get("openedAt")),
            List.of());
    if (!withCauses || Incident.lineOfIncident(id).isEmpty()) {
      return CompletableFuture.completedFuture(bare);
    }
    return ClusterSharding.get(system)
        .entityRefFor(Incident.ENTITY_KEY, Incident.lineOfIncident(id).get())
        .<Incident.LineView>ask(Incident.GetLine::new, askTimeout)
        .thenApply(
            view ->
                view.incident(id)
                    .map(
                        i ->
                            new IncidentFact(
                                bare.id(),
                                bare.furnace(),
                                bare.defect(),
                                bare.tag(),
                                i.open(),
                                i.openedAt(),
                                i.causes().stream().map(this::cause).toList()))
                    .orElse(bare));
  }

  private IncidentFact.CauseFact cause(Cause c) {
    CausalNode node = ontology.node(c.cause()).orElse(null);
    return new IncidentFact.CauseFact(
        c.cause(),
        node == null ? c.cause() : node.name(),
        node == null ? c.cause() : node.nameRu(),
        c.score(),
        c.evidence().isEmpty() ? null : c.evidence().get(0));
  }
}
