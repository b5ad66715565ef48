package io.vitrum.http.server;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.model.Model;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.http.routes.ModelVersions;
import io.vitrum.streams.inference.ServedModels;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, once the node is up: a model the Model entity does not know yet gets its served
 * (production) version registered, so it is active and scored; a model whose entity has another
 * active version (promoted or rolled back earlier) is served at that version instead.
 */
final class ModelSync {
  private static final Logger log = LoggerFactory.getLogger(ModelSync.class);

  private ModelSync() {}

  /** Attempts per model (the journal may still be starting), {@link #RETRY} apart. */
  private static final int ATTEMPTS = 12;

  private static final Duration RETRY = Duration.ofSeconds(10);

  static void run(ActorSystem<?> system, ServedModels served, Duration timeout) {
    for (Map.Entry<String, ModelRef> e : served.activeVersions().entrySet()) {
      sync(system, served, timeout, e.getKey(), e.getValue(), 1);
    }
  }

  private static void sync(
      ActorSystem<?> system,
      ServedModels served,
      Duration timeout,
      String name,
      ModelRef running,
      int attempt) {
    ClusterSharding sharding = ClusterSharding.get(system);
    var entity = sharding.entityRefFor(Model.ENTITY_KEY, name);
    entity
        .<Model.ModelView>ask(Model.GetModel::new, timeout)
        .thenCompose(
            view -> {
              if (view.active() == null) {
                ModelVersions v = ModelVersions.of(served, running, Clock.systemUTC());
                return entity
                    .<Confirmation>ask(
                        r -> new Model.RegisterVersion(v.declared(), v.found(), r), timeout)
                    .thenAccept(reply -> log.info("Registered {}: {}", running, reply));
              }
              if (!view.active().equals(running.version())) {
                served.activate(new ModelRef(name, view.active()));
              }
              return CompletableFuture.completedFuture(null);
            })
        .exceptionally(
            error -> {
              if (attempt < ATTEMPTS) {
                log.warn(
                    "Model {} not synced with its entity yet (attempt {}): {}",
                    name,
                    attempt,
                    error.toString());
                system
                    .scheduler()
                    .scheduleOnce(
                        RETRY,
                        () -> sync(system, served, timeout, name, running, attempt + 1),
                        system.executionContext());
              } else {
                log.error("Cannot sync model {} with its entity: {}", name, error.toString());
              }
              return null;
            });
  }
}
