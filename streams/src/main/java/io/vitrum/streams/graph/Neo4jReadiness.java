package io.vitrum.streams.graph;

import io.vitrum.streams.rootcause.RootCauses;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * A readiness check of Pekko Management: ready when the knowledge graph's Neo4j answers (always,
 * when the graph is off).
 */
public final class Neo4jReadiness implements Supplier<CompletionStage<Boolean>> {
  private final org.apache.pekko.actor.typed.ActorSystem<?> system;

  public Neo4jReadiness(org.apache.pekko.actor.ActorSystem system) {
    this.system = Adapter.toTyped(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    return RootCauses.get(system)
        .graph()
        .map(g -> g.ready().exceptionally(e -> false))
        .orElse(CompletableFuture.completedFuture(true));
  }
}
