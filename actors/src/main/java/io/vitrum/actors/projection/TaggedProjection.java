package io.vitrum.actors.projection;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.cassandra.javadsl.CassandraProjection;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.Handler;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a read side over the tags of a {@link TagSlices}: one projection per tag, each the actor of
 * a {@link ShardedDaemonProcess}, so the tags spread over the cluster's nodes and move to another
 * node when theirs leaves or fails.
 *
 * <p>Each projection reads its tag from the Cassandra journal ({@code eventsByTag}) and handles
 * every envelope at least once: its offset is saved in Cassandra only after the handler's future
 * completed, every {@code save-offset-after-envelopes} envelopes or {@code
 * save-offset-after-duration}. After a crash, a restart or a move to another node the envelopes
 * since the last saved offset are handled again, so handlers must be idempotent. A failing handler
 * or query restarts the projection from its last saved offset, with backoff.
 *
 * <p>The projection id of a tag is {@code (name, tag)}; both are part of the stored offsets: never
 * rename them.
 */
public final class TaggedProjection {
  private static final Logger log = LoggerFactory.getLogger(TaggedProjection.class);
  private static final int CREATE_TABLE_ATTEMPTS = 10;

  private TaggedProjection() {}

  /**
   * Starts projection {@code name} on this node: an at-least-once projection over each tag of
   * {@code tags}, with offsets in Cassandra. Call it on every node, after the entities the handler
   * writes to. With {@code create-offset-tables} the offset tables are created first.
   */
  public static <E> void init(
      ActorSystem<?> system,
      String name,
      TagSlices tags,
      ProjectionSettings settings,
      Supplier<Handler<EventEnvelope<E>>> handler) {
    offsetTables(system, settings)
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                log.error(
                    "Cannot create the projection offset tables; {} starts anyway and restarts"
                        + " with backoff until they exist",
                    name,
                    failure);
              }
              init(system, name, tags, tag -> atLeastOnce(system, name, tag, settings, handler));
            });
  }

  /**
   * Starts projection {@code name} with the same slicing and distribution, but with any projection
   * per tag (e.g. one over another journal, or an in-memory offset store in tests).
   */
  public static void init(
      ActorSystem<?> system,
      String name,
      TagSlices tags,
      Function<String, Projection<?>> projectionOfTag) {
    List<String> all = tags.tags();
    log.info("Starting projection {} over tags {}", name, all);
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            name,
            all.size(),
            slice -> ProjectionBehavior.create(projectionOfTag.apply(all.get(slice))),
            ShardedDaemonProcessSettings.create(system),
            Optional.of(ProjectionBehavior.stopMessage()));
  }

  /** The id under which the offset of {@code tag} of projection {@code name} is stored. */
  public static ProjectionId projectionId(String name, String tag) {
    return ProjectionId.of(name, tag);
  }

  private static <E> Projection<EventEnvelope<E>> atLeastOnce(
      ActorSystem<?> system,
      String name,
      String tag,
      ProjectionSettings settings,
      Supplier<Handler<EventEnvelope<E>>> handler) {
    SourceProvider<Offset, EventEnvelope<E>> events =
        EventSourcedProvider.eventsByTag(system, CassandraReadJournal.Identifier(), tag);
    return CassandraProjection.atLeastOnce(projectionId(name, tag), events, handler)
        .withSaveOffset(settings.saveOffsetAfterEnvelopes(), settings.saveOffsetAfterDuration())
        .withRestartBackoff(settings.minBackoff(), settings.maxBackoff(), settings.randomFactor());
  }

  private static CompletionStage<Done> offsetTables(
      ActorSystem<?> system, ProjectionSettings settings) {
    if (!settings.createOffsetTables()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return Patterns.retry(
        () -> CassandraProjection.createTablesIfNotExists(system),
        CREATE_TABLE_ATTEMPTS,
        settings.minBackoff(),
        settings.maxBackoff(),
        settings.randomFactor(),
        system);
  }
}
