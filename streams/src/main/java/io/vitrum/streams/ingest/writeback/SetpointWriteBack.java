package io.vitrum.streams.ingest.writeback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SetpointRecord;
import io.vitrum.actors.furnace.SetpointWrite;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.actors.projection.ProjectionSettings;
import io.vitrum.actors.projection.TagSlices;
import io.vitrum.actors.projection.TaggedProjection;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.rejection.RejectionKind;
import io.vitrum.streams.ingest.SetpointWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side that writes every setpoint change a furnace accepted to the plant, at least once.
 * For each {@link Furnace.SetpointChanged} it:
 *
 * <ol>
 *   <li>asks the furnace for its state, and goes on only if the change is still the parameter's
 *       current one and not yet written: a replay after a crash never writes an old value over a
 *       newer one, nor writes a change twice once its outcome is recorded;
 *   <li>finds the target in the current tag map ({@code <furnace>.setpoint.<parameter>}) and the
 *       {@link SetpointWriter} of its protocol;
 *   <li>writes with the retry policy of {@link WriteBackSettings} (asking the furnace again before
 *       each retry, and stopping if a newer change arrived meanwhile);
 *   <li>tells the furnace the outcome ({@link Furnace.RecordSetpointWrite}): written, or failed
 *       with the last error, or failed because no tag-map row or writer exists.
 * </ol>
 *
 * <p>An envelope is done only when the furnace recorded the outcome: a crash before that writes the
 * change again on replay, which is harmless for a setpoint (the same value again). An ask that
 * times out, or a reply saying the furnace's journal failed, fails the envelope and the projection
 * restarts from its last saved offset, with backoff. A furnace's changes share one tag, so they are
 * written in order; while one change is retried, the later envelopes of its tag wait (at most
 * {@code attempts} x {@code attempt-timeout} plus the backoffs).
 */
public final class SetpointWriteBack extends Handler<EventEnvelope<Furnace.Event>> {
  /** The projection's name, part of its stored offsets: never rename. */
  public static final String NAME = "setpoint-write-back";

  private static final Logger log = LoggerFactory.getLogger(SetpointWriteBack.class);

  private final Function<String, RecipientRef<Furnace.Command>> furnaces;
  private final Supplier<TagMap> tagMap;
  private final Map<SourceKind, SetpointWriter> writers;
  private final Duration askTimeout;
  private final ActorSystem<?> system;
  private final RetryingWrite retrying;
  private final MeterRegistry registry;

  /**
   * @param furnaces the furnace of an id (the sharded entity on a node)
   * @param tagMap the tag map in force, read once per change
   * @param writers the writer of each protocol; a protocol without one fails its changes
   * @param settings the retry policy
   * @param askTimeout how long to wait for a furnace's reply
   * @param system for the scheduler of backoffs and timeouts
   * @param registry where the outcome counters go
   */
  public SetpointWriteBack(
      Function<String, RecipientRef<Furnace.Command>> furnaces,
      Supplier<TagMap> tagMap,
      Map<SourceKind, SetpointWriter> writers,
      WriteBackSettings settings,
      Duration askTimeout,
      ActorSystem<?> system,
      MeterRegistry registry) {
    this.furnaces = furnaces;
    this.tagMap = tagMap;
    this.writers = Map.copyOf(writers);
    this.askTimeout = askTimeout;
    this.system = system;
    this.retrying = new RetryingWrite(settings, system.scheduler(), system.executionContext());
    this.registry = registry;
  }

  /**
   * Starts the projection on this node, after the Furnace entities: over the tags of {@link
   * Furnace#setpointTags} (slices from {@code vitrum.furnace.setpoint-tag-slices}), offsets in
   * Cassandra. {@code projection} is {@code ProjectionSettings.create(config, NAME)}.
   */
  public static void init(
      ActorSystem<?> system,
      Supplier<TagMap> tagMap,
      Map<SourceKind, SetpointWriter> writers,
      WriteBackSettings settings,
      ProjectionSettings projection) {
    TagSlices tags = Furnace.setpointTags(FurnaceSettings.create(system.settings().config()));
    TaggedProjection.init(
        system,
        NAME,
        tags,
        projection,
        () -> create(system, tagMap, writers, settings, projection));
  }

  /** A handler that asks the sharded furnaces of {@code system}. */
  public static SetpointWriteBack create(
      ActorSystem<?> system,
      Supplier<TagMap> tagMap,
      Map<SourceKind, SetpointWriter> writers,
      WriteBackSettings settings,
      ProjectionSettings projection) {
    ClusterSharding sharding = ClusterSharding.get(system);
    return new SetpointWriteBack(
        id -> sharding.entityRefFor(Furnace.ENTITY_KEY, id),
        tagMap,
        writers,
        settings,
        projection.handlerTimeout(),
        system,
        VitrumMetrics.get(system).registry());
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<Furnace.Event> envelope) {
    if (!(envelope.event() instanceof Furnace.SetpointChanged change)) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String furnaceId = PersistenceId.extractEntityId(envelope.persistenceId());
    RecipientRef<Furnace.Command> furnace = furnaces.apply(furnaceId);
    return stillToWrite(furnace, change)
        .thenCompose(
            toWrite -> {
              if (!toWrite) {
                log.debug(
                    "{}: {} = {} of seq nr {} is no longer current or already written: skipped",
                    furnaceId,
                    change.parameter(),
                    change.value(),
                    envelope.sequenceNr());
                count("none", "skipped");
                return CompletableFuture.completedFuture(Done.getInstance());
              }
              return write(furnaceId, furnace, change)
                  .thenCompose(outcome -> record(furnaceId, furnace, change, outcome));
            });
  }

  /** Whether {@code change} is its parameter's current change and no write of it is recorded. */
  private CompletionStage<Boolean> stillToWrite(
      RecipientRef<Furnace.Command> furnace, Furnace.SetpointChanged change) {
    return AskPattern.<Furnace.Command, Furnace.FurnaceView>ask(
            furnace, Furnace.GetState::new, askTimeout, system.scheduler())
        .thenApply(
            view -> {
              SetpointWrite write = view.writes().get(change.parameter());
              return isCurrent(view.changes().get(change.parameter()), change)
                  && (write == null || write.status() != SetpointWrite.Status.WRITTEN);
            });
  }

  /**
   * Whether {@code change} is still the parameter's current change (a newer one did not follow).
   */
  private CompletionStage<Boolean> stillCurrent(
      RecipientRef<Furnace.Command> furnace, Furnace.SetpointChanged change) {
    return AskPattern.<Furnace.Command, Furnace.FurnaceView>ask(
            furnace, Furnace.GetState::new, askTimeout, system.scheduler())
        .thenApply(view -> isCurrent(view.changes().get(change.parameter()), change));
  }

  private static boolean isCurrent(SetpointRecord current, Furnace.SetpointChanged change) {
    return current != null
        && current.at().equals(change.at())
        && Double.compare(current.value(), change.value()) == 0;
  }

  private CompletionStage<WriteOutcome> write(
      String furnaceId, RecipientRef<Furnace.Command> furnace, Furnace.SetpointChanged change) {
    Optional<SetpointParameter> parameter = SetpointParameter.byKey(change.parameter());
    if (parameter.isEmpty()) {
      return CompletableFuture.completedFuture(
          WriteOutcome.failed(
              "none", 0, "unknown setpoint parameter '" + change.parameter() + "'"));
    }
    Optional<TagMapRow> target = tagMap.get().setpointTarget(furnaceId, parameter.get());
    if (target.isEmpty()) {
      String tag = TagId.of(furnaceId, TagMapRow.SETPOINT_AREA, parameter.get().key());
      return CompletableFuture.completedFuture(
          WriteOutcome.failed("none", 0, "no tag-map row " + tag));
    }
    TagMapRow row = target.get();
    SetpointWriter writer = writers.get(row.source());
    if (writer == null) {
      return CompletableFuture.completedFuture(
          WriteOutcome.failed(
              row.source().key(),
              0,
              "no setpoint writer for protocol " + row.source().key() + " (" + row.tag() + ")"));
    }
    return retrying.write(writer, row, change.value(), () -> stillCurrent(furnace, change));
  }

  private CompletionStage<Done> record(
      String furnaceId,
      RecipientRef<Furnace.Command> furnace,
      Furnace.SetpointChanged change,
      WriteOutcome outcome) {
    String protocol = outcome.protocol();
    if (outcome.superseded()) {
      log.info(
          "{}: stopped writing {} = {} after {} attempt(s): superseded by a later change",
          furnaceId,
          change.parameter(),
          change.value(),
          outcome.attempts());
      count(protocol, "superseded");
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String detail = WriteDetail.bounded(outcome.detail());
    return AskPattern.<Furnace.Command, Confirmation>ask(
            furnace,
            replyTo ->
                new Furnace.RecordSetpointWrite(
                    change.parameter(),
                    change.value(),
                    change.at(),
                    outcome.written(),
                    outcome.attempts(),
                    detail,
                    replyTo),
            askTimeout,
            system.scheduler())
        .thenApply(
            reply -> {
              if (reply instanceof Confirmation.Rejected rejected
                  && isTransient(rejected.rejection().kind())) {
                // Nothing was recorded (the journal failed): fail the envelope, so that the
                // projection restarts from its last offset and writes the change again.
                throw new IllegalStateException(
                    furnaceId
                        + ": could not record the write of "
                        + change.parameter()
                        + ": "
                        + rejected.rejection().reason());
              } else if (reply instanceof Confirmation.Rejected rejected) {
                // A replay would be rejected again: log it and move on rather than stall.
                log.warn(
                    "{}: the furnace rejected the write outcome of {} ({}): {}",
                    furnaceId,
                    change.parameter(),
                    rejected.rejection().code().wire(),
                    rejected.rejection().reason());
              } else if (outcome.written()) {
                log.info(
                    "{}: {} = {} written after {} attempt(s): {}",
                    furnaceId,
                    change.parameter(),
                    change.value(),
                    outcome.attempts(),
                    detail);
              } else {
                log.warn(
                    "{}: {} = {} not written: {}",
                    furnaceId,
                    change.parameter(),
                    change.value(),
                    detail);
              }
              count(protocol, outcome.written() ? "written" : "failed");
              return Done.getInstance();
            });
  }

  private void count(String protocol, String outcome) {
    Counter.builder("vitrum.write-back.changes")
        .description("Setpoint changes handled by the write-back, by protocol and outcome")
        .tag("protocol", protocol)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  private static boolean isTransient(RejectionKind kind) {
    return kind == RejectionKind.UNAVAILABLE || kind == RejectionKind.BUSY;
  }
}
