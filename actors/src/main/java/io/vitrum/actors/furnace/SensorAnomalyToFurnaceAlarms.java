package io.vitrum.actors.furnace;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.projection.ProjectionSettings;
import io.vitrum.actors.projection.TagSlices;
import io.vitrum.actors.projection.TaggedProjection;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.rejection.RejectionKind;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side that turns sensor anomaly transitions into alarms on their furnaces, at least once:
 * for each {@link Sensor.AnomalyRaised} it asks the sensor's furnace to {@link Furnace.RaiseAlarm
 * raise}, for each {@link Sensor.AnomalyCleared} to {@link Furnace.ClearAlarm clear}, the alarm
 * whose id and source are the sensor's tag, stamped with the reading's timestamp. An envelope is
 * done only when the furnace replied, that is after it persisted the change (or found it already in
 * effect), so the projection's offset never passes an alarm the furnace has not recorded. A timeout
 * fails the envelope and the projection restarts from its last saved offset; the furnace's raise
 * and clear are idempotent and ignore transitions older than an alarm's last one, so replays change
 * nothing.
 *
 * <p>It lives with the furnace because the mapping from an anomaly onto an alarm (id, severity,
 * message) is the furnace's business; the sensor knows no furnace, and {@link TaggedProjection}
 * knows no entity. The furnace id is the first segment of the sensor's tag, which is its entity id.
 */
public final class SensorAnomalyToFurnaceAlarms extends Handler<EventEnvelope<Sensor.Event>> {
  /** The projection's name, part of its stored offsets: never rename. */
  public static final String NAME = "furnace-alarms";

  private static final Logger log = LoggerFactory.getLogger(SensorAnomalyToFurnaceAlarms.class);
  private static final String SEVERITY = "warning";

  private final Function<String, RecipientRef<Furnace.Command>> furnaces;
  private final Duration timeout;
  private final Scheduler scheduler;

  /**
   * @param furnaces the furnace of an id (the sharded entity on a node)
   * @param timeout how long to wait for the furnace's reply
   */
  public SensorAnomalyToFurnaceAlarms(
      Function<String, RecipientRef<Furnace.Command>> furnaces,
      Duration timeout,
      Scheduler scheduler) {
    this.furnaces = furnaces;
    this.timeout = timeout;
    this.scheduler = scheduler;
  }

  /** Starts the projection on this node, after the Sensor and Furnace entities. */
  public static void init(ActorSystem<?> system, TagSlices tags, ProjectionSettings settings) {
    TaggedProjection.init(system, NAME, tags, settings, () -> create(system, settings));
  }

  /** A handler that asks the sharded furnaces of {@code system}. */
  public static SensorAnomalyToFurnaceAlarms create(
      ActorSystem<?> system, ProjectionSettings settings) {
    ClusterSharding sharding = ClusterSharding.get(system);
    return new SensorAnomalyToFurnaceAlarms(
        id -> sharding.entityRefFor(Furnace.ENTITY_KEY, id),
        settings.handlerTimeout(),
        system.scheduler());
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<Sensor.Event> envelope) {
    Sensor.Event event = envelope.event();
    if (!(event instanceof Sensor.AnomalyRaised || event instanceof Sensor.AnomalyCleared)) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String tag = PersistenceId.extractEntityId(envelope.persistenceId());
    String furnaceId = TagId.furnaceOf(tag);
    return AskPattern.<Furnace.Command, Confirmation>ask(
            furnaces.apply(furnaceId), replyTo -> command(tag, event, replyTo), timeout, scheduler)
        .thenApply(
            reply -> {
              if (reply instanceof Confirmation.Rejected rejected
                  && isTransient(rejected.rejection().kind())) {
                // Nothing was applied (the journal failed): fail the envelope, so that the
                // projection restarts from its last offset and delivers it again.
                throw new IllegalStateException(
                    tag
                        + ": furnace "
                        + furnaceId
                        + " could not record the alarm: "
                        + rejected.rejection().reason());
              } else if (reply instanceof Confirmation.Rejected rejected) {
                // A replay would be rejected again: log it and move on rather than stall.
                log.warn(
                    "{}: furnace {} rejected the alarm of seq nr {} ({}): {}",
                    tag,
                    furnaceId,
                    envelope.sequenceNr(),
                    rejected.rejection().code().wire(),
                    rejected.rejection().reason());
              } else {
                log.debug(
                    "{}: furnace {} recorded seq nr {}", tag, furnaceId, envelope.sequenceNr());
              }
              return Done.getInstance();
            });
  }

  private static boolean isTransient(RejectionKind kind) {
    return kind == RejectionKind.UNAVAILABLE || kind == RejectionKind.BUSY;
  }

  /** The furnace command that records anomaly transition {@code event} of sensor {@code tag}. */
  private static Furnace.Command command(
      String tag, Sensor.Event event, ActorRef<Confirmation> replyTo) {
    if (event instanceof Sensor.AnomalyRaised raised) {
      String message =
          "%s is %s: %s"
              .formatted(tag, raised.level().name().toLowerCase(Locale.ROOT), raised.value());
      return new Furnace.RaiseAlarm(tag, tag, SEVERITY, message, raised.readingTs(), replyTo);
    }
    Sensor.AnomalyCleared cleared = (Sensor.AnomalyCleared) event;
    return new Furnace.ClearAlarm(tag, cleared.readingTs(), replyTo);
  }
}
