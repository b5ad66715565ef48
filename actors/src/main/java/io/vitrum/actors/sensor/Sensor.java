package io.vitrum.actors.sensor;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.common.PendingReply;
import io.vitrum.actors.common.PersistFailure;
import io.vitrum.actors.live.LiveEvents;
import io.vitrum.actors.live.LivePublisher;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.actors.projection.TagSlices;
import io.vitrum.core.CborSerializable;
import io.vitrum.core.live.LiveTopic;
import io.vitrum.core.plant.AnomalyLevel;
import io.vitrum.core.plant.ReadingCheck;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One plant sensor, keyed by its tag id (e.g. {@code F1.crown.T3}).
 *
 * <p>Lifecycle: {@link Unconfigured} until the first valid {@link Configure}, then {@link
 * Configured}; configuring again replaces the configuration (the same configuration twice is a
 * no-op). {@link RecordReadings} takes a batch: each reading is checked against the physical range,
 * the clock and the last accepted timestamp, and rejected individually with a reason; accepted ones
 * update the live window and the anomaly state, which has hysteresis.
 *
 * <p>Readings are not journaled one by one: the entity persists anomaly transitions and checkpoints
 * of its live window (every {@code checkpoint-every-readings} readings, when the last checkpoint is
 * older than {@code checkpoint-interval}, when the sender asks for one, and on passivation), plus
 * periodic snapshots. A sender that needs a batch durable before the reply (the REST API) sets
 * {@code checkpoint}; stream ingestion relies on Kafka as the durable raw log instead.
 *
 * <p>Anomaly transitions ({@link AnomalyRaised}, {@link AnomalyCleared}) are the sensor's output to
 * the rest of the plant: they are tagged {@code sensor-anomaly-<n>} ({@link #ANOMALY_TAGS_PREFIX},
 * one of {@code anomaly-tag-slices} tags, chosen by the persistence id) and read by projections,
 * e.g. the furnace's alarms. The sensor itself calls nobody: the journal is the only record, and
 * every read side receives each transition at least once, in the order of the sensor's readings.
 */
public final class Sensor
    extends EventSourcedBehaviorWithEnforcedReplies<Sensor.Command, Sensor.Event, Sensor.State> {

  /** Part of every persistence id: never rename. */
  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Sensor");

  /** Prefix of the tags of anomaly events, stored in the journal: never rename. */
  public static final String ANOMALY_TAGS_PREFIX = "sensor-anomaly";

  /** Part of the configuration tags in the journal: never rename. */
  public static final String CONFIG_TAGS_PREFIX = "sensor-config";

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  /** Sets or replaces the configuration. Idempotent. */
  public record Configure(SensorConfig config, ActorRef<Confirmation> replyTo) implements Command {}

  /** One reading of this sensor. */
  public record Sample(Instant ts, double value) implements CborSerializable {}

  /** A batch of readings in time order; {@code checkpoint} asks for durability before reply. */
  public record RecordReadings(
      List<Sample> samples, boolean checkpoint, ActorRef<ReadingsAck> replyTo) implements Command {}

  public record GetState(ActorRef<SensorView> replyTo) implements Command {}

  /** Sharding's stop message: checkpoints the live window, then stops. */
  public enum Passivate implements Command {
    INSTANCE
  }

  /** Reply to {@link RecordReadings}: how many were accepted, and why the others were not. */
  public record ReadingsAck(int accepted, List<RejectedSample> rejected)
      implements CborSerializable {

    /** Every sample of {@code samples} refused for the same reason. */
    static ReadingsAck allRejected(List<Sample> samples, Rejection rejection) {
      List<RejectedSample> rejected = new ArrayList<>(samples.size());
      for (int i = 0; i < samples.size(); i++) {
        rejected.add(new RejectedSample(i, samples.get(i).ts(), samples.get(i).value(), rejection));
      }
      return new ReadingsAck(0, List.copyOf(rejected));
    }
  }

  /** A reading that was not accepted: its index in the batch and why. */
  public record RejectedSample(int index, Instant ts, double value, Rejection rejection)
      implements CborSerializable {}

  /** What a sensor shows to the outside. {@code config} is null while unconfigured. */
  public record SensorView(
      String tag,
      SensorConfig config,
      SensorWindow window,
      AnomalyLevel anomaly,
      Instant anomalySince)
      implements CborSerializable {}

  // ---- events ----

  public sealed interface Event extends CborSerializable {}

  public record SensorConfigured(SensorConfig config, Instant at) implements Event {}

  public record WindowCheckpointed(SensorWindow window, Instant at) implements Event {}

  public record AnomalyRaised(AnomalyLevel level, double value, Instant readingTs)
      implements Event {}

  public record AnomalyCleared(double value, Instant readingTs) implements Event {}

  // ---- state ----

  public sealed interface State extends CborSerializable {}

  public record Unconfigured() implements State {}

  public record Configured(
      SensorConfig config, SensorWindow window, AnomalyLevel anomaly, Instant anomalySince)
      implements State {
    Configured withConfig(SensorConfig newConfig) {
      return new Configured(newConfig, window, anomaly, anomalySince);
    }

    Configured withWindow(SensorWindow newWindow) {
      return new Configured(config, newWindow, anomaly, anomalySince);
    }

    Configured withAnomaly(AnomalyLevel level, Instant since) {
      return new Configured(config, window, level, since);
    }
  }

  // ---- behaviour ----

  public static void init(ActorSystem<?> system, SensorSettings settings) {
    EntityMetrics metrics = new EntityMetrics(VitrumMetrics.get(system).registry(), "sensor");
    LivePublisher live = LiveEvents.get(system).publisher();
    ClusterSharding.get(system)
        .init(
            Entity.of(
                    ENTITY_KEY,
                    ctx -> create(ctx.getEntityId(), settings, metrics, Clock.systemUTC(), live))
                .withStopMessage(Passivate.INSTANCE));
  }

  public static Behavior<Command> create(
      String tag, SensorSettings settings, EntityMetrics metrics, Clock clock) {
    return create(tag, settings, metrics, clock, LivePublisher.NONE);
  }

  /**
   * As {@link #create(String, SensorSettings, EntityMetrics, Clock)}, publishing the latest
   * accepted reading of each batch to {@code sensors/<tag>} and {@code furnace/<id>}.
   */
  public static Behavior<Command> create(
      String tag, SensorSettings settings, EntityMetrics metrics, Clock clock, LivePublisher live) {
    return new Sensor(tag, settings, metrics, clock, live);
  }

  /** The tags of the anomaly events of every sensor, for the projections that read them. */
  /**
   * The tags of every sensor's configuration, for the knowledge graph (configurations persisted
   * before these tags existed carry none).
   */
  public static TagSlices configTags(SensorSettings settings) {
    return new TagSlices(CONFIG_TAGS_PREFIX, settings.anomalyTagSlices());
  }

  public static TagSlices anomalyTags(SensorSettings settings) {
    return new TagSlices(ANOMALY_TAGS_PREFIX, settings.anomalyTagSlices());
  }

  private final String tag;
  private final SensorSettings settings;
  private final EntityMetrics metrics;
  private final Clock clock;
  private final LivePublisher liveUpdates;
  private final PendingReply pending = new PendingReply();
  private final Set<String> anomalyTags;
  private final Set<String> configTags;

  // Live, actor-confined, not journaled per reading: restored from the state on recovery.
  private SensorWindow live;
  private long sinceCheckpoint;
  private Instant lastCheckpointAt;

  private Sensor(
      String tag, SensorSettings settings, EntityMetrics metrics, Clock clock, LivePublisher live) {
    super(PersistenceId.of(ENTITY_KEY.name(), tag), PersistFailure.restartWithBackoff());
    this.tag = tag;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.liveUpdates = live;
    this.anomalyTags = Set.of(anomalyTags(settings).tagFor(persistenceId().id()));
    this.configTags = Set.of(configTags(settings).tagFor(persistenceId().id()));
    resetLive(new Unconfigured());
  }

  @Override
  public State emptyState() {
    return new Unconfigured();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    if (event instanceof SensorConfigured) {
      return configTags;
    }
    return event instanceof AnomalyRaised || event instanceof AnomalyCleared
        ? anomalyTags
        : Set.of();
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::resetLive)
        .onSignal(PreRestart.instance(), state -> pending.persistFailed())
        .onSignal(PostStop.instance(), state -> pending.persistFailed())
        .build();
  }

  private void resetLive(State state) {
    live = state instanceof Configured c ? c.window() : SensorWindow.empty(settings.window());
    sinceCheckpoint = 0;
    lastCheckpointAt = clock.instant();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    CommandHandlerWithReplyBuilder<Command, Event, State> builder =
        newCommandHandlerWithReplyBuilder();
    builder
        .forStateType(Unconfigured.class)
        .onCommand(Configure.class, this::onConfigure)
        .onCommand(RecordReadings.class, this::onReadingsWhileUnconfigured)
        .onCommand(GetState.class, this::onGetState)
        .onCommand(Passivate.class, (state, cmd) -> Effect().stop().thenNoReply());
    builder
        .forStateType(Configured.class)
        .onCommand(Configure.class, this::onConfigure)
        .onCommand(RecordReadings.class, this::onRecordReadings)
        .onCommand(GetState.class, this::onGetState)
        .onCommand(Passivate.class, this::onPassivate);
    return builder.build();
  }

  private ReplyEffect<Event, State> onConfigure(State state, Configure cmd) {
    List<String> problems = cmd.config().problems(tag);
    if (!problems.isEmpty()) {
      metrics.rejected("Configure", RejectionCode.INVALID_CONFIG.wire());
      return Effect()
          .reply(
              cmd.replyTo(),
              Confirmation.rejected(RejectionCode.INVALID_CONFIG, String.join("; ", problems)));
    }
    if (state instanceof Configured c && c.config().equals(cmd.config())) {
      metrics.accepted("Configure");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("unchanged"));
    }
    long start = System.nanoTime();
    pending.expect(cmd.replyTo(), Confirmation::rejected);
    return Effect()
        .persist(new SensorConfigured(cmd.config(), clock.instant()))
        .thenRun(
            s -> {
              pending.settled();
              metrics.persisted(start);
              metrics.accepted("Configure");
            })
        .thenReply(cmd.replyTo(), s -> Confirmation.accepted("configured"));
  }

  private ReplyEffect<Event, State> onReadingsWhileUnconfigured(
      Unconfigured state, RecordReadings cmd) {
    metrics.rejected("RecordReadings", RejectionCode.NOT_CONFIGURED.wire());
    return Effect()
        .reply(
            cmd.replyTo(),
            ReadingsAck.allRejected(
                cmd.samples(),
                Rejection.of(
                    RejectionCode.NOT_CONFIGURED,
                    "sensor " + tag + " is not configured: PUT its configuration first")));
  }

  private ReplyEffect<Event, State> onRecordReadings(Configured state, RecordReadings cmd) {
    Instant now = clock.instant();
    List<RejectedSample> rejected = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    AnomalyLevel level = state.anomaly();
    int accepted = 0;
    Sample latest = null;
    for (int i = 0; i < cmd.samples().size(); i++) {
      Sample sample = cmd.samples().get(i);
      Optional<Rejection> rejection =
          ReadingCheck.check(
              state.config(), sample.ts(), sample.value(), live.lastTs(), now, settings.time());
      if (rejection.isPresent()) {
        rejected.add(new RejectedSample(i, sample.ts(), sample.value(), rejection.get()));
        continue;
      }
      accepted++;
      latest = sample;
      live = live.accept(sample.ts(), sample.value());
      AnomalyLevel next = state.config().alarms().next(level, sample.value());
      if (next != level) {
        events.add(
            next == AnomalyLevel.NORMAL
                ? new AnomalyCleared(sample.value(), sample.ts())
                : new AnomalyRaised(next, sample.value(), sample.ts()));
        level = next;
      }
    }
    live = live.reject(rejected.size());
    sinceCheckpoint += accepted;
    metrics.accepted("RecordReadings");
    ReadingsAck ack = new ReadingsAck(accepted, List.copyOf(rejected));
    Sample published = latest;
    AnomalyLevel publishedLevel = level;
    if (events.isEmpty() && !checkpointDue(cmd.checkpoint(), now)) {
      publishLatest(published, publishedLevel, accepted);
      return Effect().reply(cmd.replyTo(), ack);
    }
    int acceptedInBatch = accepted;
    events.add(new WindowCheckpointed(live, now));
    long start = System.nanoTime();
    List<Event> toPersist = List.copyOf(events);
    pending.expect(cmd.replyTo(), r -> ReadingsAck.allRejected(cmd.samples(), r));
    return Effect()
        .persist(toPersist)
        .thenRun(
            s -> {
              pending.settled();
              metrics.persisted(start);
              checkpointed(now);
              publishLatest(published, publishedLevel, acceptedInBatch);
            })
        .thenReply(cmd.replyTo(), s -> ack);
  }

  /** The latest accepted reading of a batch, for dashboards: conflated per tag. */
  private void publishLatest(Sample latest, AnomalyLevel level, int accepted) {
    if (latest == null || !TagId.isValid(tag)) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tag", tag);
    data.put("value", latest.value());
    data.put("readingTs", latest.ts().toString());
    data.put("anomaly", level.name());
    data.put("accepted", accepted);
    String furnace = LiveTopic.sensor(tag).furnace();
    liveUpdates.publish(
        "sensor", furnace, tag, false, data, LiveTopic.sensor(tag), LiveTopic.furnace(furnace));
  }

  private boolean checkpointDue(boolean requested, Instant now) {
    return (requested && sinceCheckpoint > 0)
        || sinceCheckpoint >= settings.checkpointEveryReadings()
        || (sinceCheckpoint > 0
            && !lastCheckpointAt.plus(settings.checkpointInterval()).isAfter(now));
  }

  private void checkpointed(Instant at) {
    sinceCheckpoint = 0;
    lastCheckpointAt = at;
  }

  private ReplyEffect<Event, State> onGetState(State state, GetState cmd) {
    SensorView view =
        state instanceof Configured c
            ? new SensorView(tag, c.config(), live, c.anomaly(), c.anomalySince())
            : new SensorView(tag, null, live, AnomalyLevel.NORMAL, null);
    return Effect().reply(cmd.replyTo(), view);
  }

  private ReplyEffect<Event, State> onPassivate(Configured state, Passivate cmd) {
    if (sinceCheckpoint == 0 && live.rejected() == state.window().rejected()) {
      return Effect().stop().thenNoReply();
    }
    return Effect().persist(new WindowCheckpointed(live, clock.instant())).thenStop().thenNoReply();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder
        .forStateType(Unconfigured.class)
        .onEvent(
            SensorConfigured.class,
            (state, event) ->
                new Configured(
                    event.config(),
                    SensorWindow.empty(settings.window()),
                    AnomalyLevel.NORMAL,
                    null));
    builder
        .forStateType(Configured.class)
        .onEvent(SensorConfigured.class, (state, event) -> state.withConfig(event.config()))
        .onEvent(WindowCheckpointed.class, (state, event) -> state.withWindow(event.window()))
        .onEvent(
            AnomalyRaised.class,
            (state, event) -> state.withAnomaly(event.level(), event.readingTs()))
        .onEvent(
            AnomalyCleared.class,
            (state, event) -> state.withAnomaly(AnomalyLevel.NORMAL, event.readingTs()));
    return builder.build();
  }
}
