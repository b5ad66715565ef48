package io.vitrum.streams.ingest;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapError;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.rejection.RejectionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The node's current tag map. Applying a file configures the Sensor entity of every sensor row
 * (idempotent: the same configuration again changes nothing), then adds the rows the entities
 * accepted to the map and tells the listeners (the sources re-subscribe with the new rows). A row
 * the parser or its entity refused is reported with its line and reason; the good rows still apply.
 */
public final class TagMapRegistry implements Supplier<TagMap> {
  private static final int PARALLELISM = 8;
  private static final int ATTEMPTS = 10;

  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final AtomicReference<TagMap> current = new AtomicReference<>(TagMap.EMPTY);
  private final List<Consumer<TagMap>> listeners = new CopyOnWriteArrayList<>();

  public TagMapRegistry(ActorSystem<?> system, Duration askTimeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
  }

  @Override
  public TagMap get() {
    return current.get();
  }

  /** Calls {@code listener} with the new map after every change. */
  public void onChange(Consumer<TagMap> listener) {
    listeners.add(listener);
  }

  /** Applies the rows of {@code parsed} (see the class comment). */
  public CompletionStage<TagMapApplied> apply(TagMap.Parsed parsed) {
    List<TagMapError> errors = Collections.synchronizedList(new ArrayList<>(parsed.errors()));
    return Source.from(parsed.rows())
        .mapAsync(PARALLELISM, row -> configure(row).thenApply(error -> Pair.create(row, error)))
        .runWith(Sink.seq(), system)
        .thenApply(
            results -> {
              List<TagMapRow> accepted = new ArrayList<>();
              for (Pair<TagMapRow, TagMapError> r : results) {
                if (r.second() == null) {
                  accepted.add(r.first());
                } else {
                  errors.add(r.second());
                }
              }
              TagMap next = current.updateAndGet(map -> map.with(accepted));
              listeners.forEach(l -> l.accept(next));
              List<TagMapError> sorted =
                  errors.stream()
                      .sorted(java.util.Comparator.comparingInt(TagMapError::line))
                      .toList();
              int setpoints = (int) accepted.stream().filter(TagMapRow::isSetpoint).count();
              return new TagMapApplied(
                  parsed.rows().size(),
                  accepted.size() - setpoints,
                  setpoints,
                  sorted,
                  next.size());
            });
  }

  /** Configures {@code row}'s sensor; the error when its entity refused, else {@code null}. */
  private CompletionStage<TagMapError> configure(TagMapRow row) {
    if (row.isWritten()) {
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
    return Patterns.retry(
            () ->
                sharding
                    .entityRefFor(Sensor.ENTITY_KEY, row.tag())
                    .<Confirmation>ask(
                        replyTo -> new Sensor.Configure(row.sensorConfig(), replyTo), askTimeout)
                    .thenApply(TagMapRegistry::storedOrThrow),
            ATTEMPTS,
            Duration.ofSeconds(2),
            system.classicSystem().scheduler(),
            system.executionContext())
        .handle(
            (reply, failure) -> {
              if (failure != null) {
                return new TagMapError(
                    row.line(), row.tag(), "sensor not configured: " + failure.getMessage());
              }
              if (reply instanceof Confirmation.Rejected rejected) {
                return new TagMapError(
                    row.line(),
                    row.tag(),
                    rejected.rejection().code().wire() + ": " + rejected.rejection().reason());
              }
              return null;
            });
  }

  /** A journal that cannot store yet (a first start creating its tables) is retried. */
  private static Confirmation storedOrThrow(Confirmation reply) {
    if (reply instanceof Confirmation.Rejected rejected
        && rejected.rejection().kind() == RejectionKind.UNAVAILABLE) {
      throw new IllegalStateException(rejected.rejection().reason());
    }
    return reply;
  }
}
