package io.vitrum.actors.furnace;

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
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.FreeText;
import io.vitrum.core.plant.SetpointCheck;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
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
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One furnace, keyed by its id (e.g. {@code F1}): its supervisory setpoints (each change recorded
 * with who, why and from where), its autonomy mode and its alarms.
 *
 * <p>A setpoint change is accepted only for a known parameter, a finite value inside the
 * parameter's safe bounds, a step no larger than its maximum step from the current value (the
 * nominal value until one is set), a stated reason, and, for a policy, only in autonomous mode.
 * Setting the current value again, setting the current autonomy mode, raising an alarm that is
 * already active, clearing one that is not active and acknowledging one already acknowledged are
 * accepted without new events.
 *
 * <p>Alarms from sensor anomalies arrive at least once, through a projection ({@link
 * SensorAnomalyToFurnaceAlarms}), so a raise or clear may be delivered again, late, after later
 * ones. The furnace remembers when each alarm id last changed ({@code at} of its last raise or
 * clear, kept after the alarm is no longer listed) and accepts a raise or clear stamped before that
 * without an event: a replayed, older raise never resurrects an alarm that cleared since.
 *
 * <p>Every accepted change is written to the plant by a read side (the setpoint write-back): {@link
 * SetpointChanged} events are tagged {@code furnace-setpoint-<n>} ({@link #SETPOINT_TAGS_PREFIX},
 * one of {@code setpoint-tag-slices} tags, chosen by the persistence id), and the write-back
 * reports each outcome with {@link RecordSetpointWrite}. Outcomes arrive at least once and possibly
 * late: one for a change that is no longer the parameter's current one is accepted as superseded
 * without an event, and the same outcome again changes nothing. The view shows the current change
 * of a parameter as pending until its outcome is recorded.
 */
public final class Furnace
    extends EventSourcedBehaviorWithEnforcedReplies<Furnace.Command, Furnace.Event, Furnace.State> {

  /** Part of every persistence id: never rename. */
  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Furnace");

  /**
   * The prefix of the tags of {@link SetpointChanged} events. The tags are written into the journal
   * with the events (stored data, read by the write-back projection): never rename.
   */
  public static final String SETPOINT_TAGS_PREFIX = "furnace-setpoint";

  /** Part of the graph tags in the journal: never rename. */
  public static final String GRAPH_TAGS_PREFIX = "furnace-graph";

  private static final String SUPERSEDED = "superseded by a later transition";
  private static final String SUPERSEDED_CHANGE = "superseded by a later change";

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  public record ChangeSetpoint(
      String parameter,
      double value,
      SetpointOrigin origin,
      String requestedBy,
      String reason,
      ActorRef<Confirmation> replyTo)
      implements Command {}

  public record SetAutonomyMode(
      AutonomyMode mode, String requestedBy, String reason, ActorRef<Confirmation> replyTo)
      implements Command {}

  /**
   * Raises alarm {@code alarmId}; {@code at} is when its condition began (for a sensor anomaly, the
   * reading's timestamp). Idempotent: an active alarm stays as it is, and a raise older than the
   * alarm's last raise or clear changes nothing.
   */
  public record RaiseAlarm(
      String alarmId,
      String source,
      String severity,
      String message,
      Instant at,
      ActorRef<Confirmation> replyTo)
      implements Command {}

  /**
   * Clears alarm {@code alarmId} as of {@code at}. Idempotent: clearing an alarm that is not
   * active, or with a clear older than its last raise or clear, changes nothing.
   */
  public record ClearAlarm(String alarmId, Instant at, ActorRef<Confirmation> replyTo)
      implements Command {}

  public record AcknowledgeAlarm(String alarmId, String by, ActorRef<Confirmation> replyTo)
      implements Command {}

  /**
   * Records the outcome of writing the change of {@code parameter} to {@code value} accepted at
   * {@code changedAt} ({@link SetpointRecord#at()}) to the plant: {@code written} or not, after
   * {@code attempts} tries, with {@code detail} (the plant's last error when it failed; at most
   * {@link FreeText#REASON_MAX} characters). Idempotent and ordered: an outcome of a change that is
   * not the parameter's current one is accepted as superseded, and the same outcome again changes
   * nothing; neither persists.
   */
  public record RecordSetpointWrite(
      String parameter,
      double value,
      Instant changedAt,
      boolean written,
      int attempts,
      String detail,
      ActorRef<Confirmation> replyTo)
      implements Command {}

  public record GetState(ActorRef<FurnaceView> replyTo) implements Command {}

  /**
   * What a furnace shows: the effective value of every setpoint (nominal until changed), the last
   * change of each changed one and where its write to the plant stands ({@code writes}, keyed like
   * {@code changes}: pending until an outcome of that change is recorded), the autonomy mode and
   * the listed alarms.
   */
  public record FurnaceView(
      String furnaceId,
      Map<String, Double> setpoints,
      Map<String, SetpointRecord> changes,
      AutonomyMode autonomyMode,
      List<Alarm> alarms,
      Map<String, SetpointWrite> writes)
      implements CborSerializable {

    public FurnaceView {
      writes = writes == null ? Map.of() : writes;
    }
  }

  // ---- events ----

  public sealed interface Event extends CborSerializable {}

  public record SetpointChanged(
      String parameter,
      double previous,
      double value,
      SetpointOrigin origin,
      String requestedBy,
      String reason,
      Instant at)
      implements Event {}

  public record AutonomyModeChanged(
      AutonomyMode previous, AutonomyMode mode, String requestedBy, String reason, Instant at)
      implements Event {}

  public record AlarmRaised(
      String alarmId, String source, String severity, String message, Instant at)
      implements Event {}

  public record AlarmCleared(String alarmId, Instant at) implements Event {}

  public record AlarmAcknowledged(String alarmId, String by, Instant at) implements Event {}

  /**
   * The outcome of writing the change of {@code parameter} to {@code value}, accepted at {@code
   * changedAt}, to the plant; {@code status} is WRITTEN or FAILED; {@code at} when it was recorded.
   */
  public record SetpointWriteRecorded(
      String parameter,
      double value,
      Instant changedAt,
      SetpointWrite.Status status,
      int attempts,
      String detail,
      Instant at)
      implements Event {}

  // ---- state ----

  /**
   * Immutable; maps are copied on every change. {@code alarmTransitions}: per alarm id, the {@code
   * at} of its last raise or clear (absent in snapshots taken before it existed). {@code
   * setpointWrites}: per parameter, the last recorded write outcome, possibly of an earlier change
   * (absent in snapshots taken before it existed).
   */
  public record State(
      Map<String, SetpointRecord> setpoints,
      AutonomyMode autonomyMode,
      Map<String, Alarm> alarms,
      Map<String, Instant> alarmTransitions,
      Map<String, SetpointWrite> setpointWrites)
      implements CborSerializable {

    public State {
      alarmTransitions = alarmTransitions == null ? Map.of() : alarmTransitions;
      setpointWrites = setpointWrites == null ? Map.of() : setpointWrites;
    }

    static State initial() {
      return new State(Map.of(), AutonomyMode.ADVISORY, Map.of(), Map.of(), Map.of());
    }

    /** Where the write of {@code parameter}'s current change stands, if it was ever changed. */
    Optional<SetpointWrite> write(String parameter) {
      SetpointRecord change = setpoints.get(parameter);
      if (change == null) {
        return Optional.empty();
      }
      SetpointWrite last = setpointWrites.get(parameter);
      return Optional.of(last != null && last.isFor(change) ? last : SetpointWrite.pending(change));
    }

    /** Whether a raise or clear stamped {@code at} is older than the alarm's last transition. */
    boolean supersedes(String alarmId, Instant at) {
      Instant last = alarmTransitions.get(alarmId);
      return at != null && last != null && at.isBefore(last);
    }

    double current(SetpointParameter parameter) {
      SetpointRecord record = setpoints.get(parameter.key());
      return record == null ? parameter.nominal() : record.value();
    }

    State withSetpoint(String parameter, SetpointRecord record) {
      Map<String, SetpointRecord> copy = new HashMap<>(setpoints);
      copy.put(parameter, record);
      return new State(Map.copyOf(copy), autonomyMode, alarms, alarmTransitions, setpointWrites);
    }

    State withMode(AutonomyMode mode) {
      return new State(setpoints, mode, alarms, alarmTransitions, setpointWrites);
    }

    State withAlarm(Alarm alarm) {
      Map<String, Alarm> copy = new HashMap<>(alarms);
      if (!alarm.active() && alarm.acknowledged()) {
        copy.remove(alarm.alarmId());
      } else {
        copy.put(alarm.alarmId(), alarm);
      }
      return new State(setpoints, autonomyMode, Map.copyOf(copy), alarmTransitions, setpointWrites);
    }

    State withAlarmTransition(String alarmId, Instant at) {
      if (at == null || supersedes(alarmId, at)) {
        return this;
      }
      Map<String, Instant> copy = new HashMap<>(alarmTransitions);
      copy.put(alarmId, at);
      return new State(setpoints, autonomyMode, alarms, Map.copyOf(copy), setpointWrites);
    }

    State withSetpointWrite(String parameter, SetpointWrite write) {
      Map<String, SetpointWrite> copy = new HashMap<>(setpointWrites);
      copy.put(parameter, write);
      return new State(setpoints, autonomyMode, alarms, alarmTransitions, Map.copyOf(copy));
    }
  }

  // ---- behaviour ----

  public static void init(ActorSystem<?> system, FurnaceSettings settings) {
    EntityMetrics metrics = new EntityMetrics(VitrumMetrics.get(system).registry(), "furnace");
    LivePublisher live = LiveEvents.get(system).publisher();
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx -> create(ctx.getEntityId(), settings, metrics, Clock.systemUTC(), live)));
  }

  /**
   * The tags of every furnace's setpoint changes and alarm transitions, for the knowledge graph and
   * the incidents (events persisted before these tags existed carry none).
   */
  public static TagSlices graphTags(FurnaceSettings settings) {
    return new TagSlices(GRAPH_TAGS_PREFIX, settings.setpointTagSlices());
  }

  /** The tags of the setpoint changes of every furnace, for the projections that read them. */
  public static TagSlices setpointTags(FurnaceSettings settings) {
    return new TagSlices(SETPOINT_TAGS_PREFIX, settings.setpointTagSlices());
  }

  public static Behavior<Command> create(
      String furnaceId, FurnaceSettings settings, EntityMetrics metrics, Clock clock) {
    return create(furnaceId, settings, metrics, clock, LivePublisher.NONE);
  }

  /**
   * As {@link #create(String, FurnaceSettings, EntityMetrics, Clock)}, publishing each persisted
   * setpoint change and autonomy mode change to {@code furnace/<id>} (conflated per parameter) and
   * each alarm transition to {@code alerts} and {@code furnace/<id>} (reliable).
   */
  public static Behavior<Command> create(
      String furnaceId,
      FurnaceSettings settings,
      EntityMetrics metrics,
      Clock clock,
      LivePublisher live) {
    return new Furnace(furnaceId, settings, metrics, clock, live);
  }

  private final String furnaceId;
  private final FurnaceSettings settings;
  private final EntityMetrics metrics;
  private final Clock clock;
  private final LivePublisher live;
  private final PendingReply pending = new PendingReply();
  private final Set<String> setpointTags;
  private final Set<String> alarmTags;

  private Furnace(
      String furnaceId,
      FurnaceSettings settings,
      EntityMetrics metrics,
      Clock clock,
      LivePublisher live) {
    super(PersistenceId.of(ENTITY_KEY.name(), furnaceId), PersistFailure.restartWithBackoff());
    this.furnaceId = furnaceId;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.live = live;
    String graphTag = graphTags(settings).tagFor(persistenceId().id());
    this.setpointTags = Set.of(setpointTags(settings).tagFor(persistenceId().id()), graphTag);
    this.alarmTags = Set.of(graphTag);
  }

  @Override
  public State emptyState() {
    return State.initial();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    if (event instanceof SetpointChanged) {
      return setpointTags;
    }
    return event instanceof AlarmRaised || event instanceof AlarmCleared ? alarmTags : Set.of();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(ChangeSetpoint.class, this::onChangeSetpoint)
        .onCommand(SetAutonomyMode.class, this::onSetAutonomyMode)
        .onCommand(RaiseAlarm.class, this::onRaiseAlarm)
        .onCommand(ClearAlarm.class, this::onClearAlarm)
        .onCommand(AcknowledgeAlarm.class, this::onAcknowledgeAlarm)
        .onCommand(RecordSetpointWrite.class, this::onRecordSetpointWrite)
        .onCommand(GetState.class, (state, cmd) -> Effect().reply(cmd.replyTo(), view(state)))
        .build();
  }

  private ReplyEffect<Event, State> onChangeSetpoint(State state, ChangeSetpoint cmd) {
    double current =
        SetpointParameter.byKey(cmd.parameter()).map(state::current).orElse(Double.NaN);
    Optional<Rejection> rejection =
        SetpointCheck.command(
            furnaceId,
            cmd.parameter(),
            cmd.value(),
            current,
            cmd.reason(),
            cmd.requestedBy(),
            cmd.origin(),
            state.autonomyMode());
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "ChangeSetpoint", rejection.get());
    }
    SetpointParameter p = SetpointParameter.byKey(cmd.parameter()).orElseThrow();
    if (current == cmd.value() && state.setpoints().containsKey(p.key())) {
      metrics.accepted("ChangeSetpoint");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("unchanged"));
    }
    return persist(
        new SetpointChanged(
            p.key(),
            current,
            cmd.value(),
            cmd.origin(),
            cmd.requestedBy(),
            cmd.reason(),
            clock.instant()),
        "ChangeSetpoint",
        cmd.replyTo(),
        "setpoint changed");
  }

  private ReplyEffect<Event, State> onSetAutonomyMode(State state, SetAutonomyMode cmd) {
    Optional<Rejection> rejection =
        cmd.mode() == null
            ? Optional.of(Rejection.of(RejectionCode.UNKNOWN_MODE, "autonomy mode must be given"))
            : FreeText.check("reason", cmd.reason(), FreeText.REASON_MAX)
                .or(() -> SetpointCheck.requester(cmd.requestedBy()));
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "SetAutonomyMode", rejection.get());
    }
    if (cmd.mode() == state.autonomyMode()) {
      metrics.accepted("SetAutonomyMode");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("unchanged"));
    }
    return persist(
        new AutonomyModeChanged(
            state.autonomyMode(), cmd.mode(), cmd.requestedBy(), cmd.reason(), clock.instant()),
        "SetAutonomyMode",
        cmd.replyTo(),
        "autonomy mode changed");
  }

  private ReplyEffect<Event, State> onRaiseAlarm(State state, RaiseAlarm cmd) {
    if (state.supersedes(cmd.alarmId(), cmd.at())) {
      metrics.accepted("RaiseAlarm");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted(SUPERSEDED));
    }
    Alarm existing = state.alarms().get(cmd.alarmId());
    if (existing != null && existing.active()) {
      metrics.accepted("RaiseAlarm");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("already active"));
    }
    return persist(
        new AlarmRaised(cmd.alarmId(), cmd.source(), cmd.severity(), cmd.message(), cmd.at()),
        "RaiseAlarm",
        cmd.replyTo(),
        "alarm raised");
  }

  private ReplyEffect<Event, State> onClearAlarm(State state, ClearAlarm cmd) {
    if (state.supersedes(cmd.alarmId(), cmd.at())) {
      metrics.accepted("ClearAlarm");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted(SUPERSEDED));
    }
    Alarm existing = state.alarms().get(cmd.alarmId());
    if (existing == null || !existing.active()) {
      metrics.accepted("ClearAlarm");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("not active"));
    }
    return persist(
        new AlarmCleared(cmd.alarmId(), cmd.at()), "ClearAlarm", cmd.replyTo(), "alarm cleared");
  }

  private ReplyEffect<Event, State> onAcknowledgeAlarm(State state, AcknowledgeAlarm cmd) {
    Alarm existing = state.alarms().get(cmd.alarmId());
    if (existing == null) {
      return reject(
          cmd.replyTo(),
          "AcknowledgeAlarm",
          Rejection.of(
              RejectionCode.UNKNOWN_ALARM,
              "furnace " + furnaceId + " has no alarm '" + cmd.alarmId() + "'"));
    }
    Optional<Rejection> by = SetpointCheck.requester(cmd.by());
    if (by.isPresent()) {
      return reject(cmd.replyTo(), "AcknowledgeAlarm", by.get());
    }
    if (existing.acknowledged()) {
      metrics.accepted("AcknowledgeAlarm");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("already acknowledged"));
    }
    return persist(
        new AlarmAcknowledged(cmd.alarmId(), cmd.by(), clock.instant()),
        "AcknowledgeAlarm",
        cmd.replyTo(),
        "alarm acknowledged");
  }

  private ReplyEffect<Event, State> onRecordSetpointWrite(State state, RecordSetpointWrite cmd) {
    Optional<SetpointParameter> parameter = SetpointParameter.byKey(cmd.parameter());
    if (parameter.isEmpty()) {
      return reject(
          cmd.replyTo(),
          "RecordSetpointWrite",
          Rejection.of(
              RejectionCode.UNKNOWN_PARAMETER,
              "unknown setpoint parameter '" + cmd.parameter() + "'"));
    }
    Optional<Rejection> rejection =
        cmd.attempts() < 0
            ? Optional.of(
                Rejection.of(
                    RejectionCode.INVALID_SETPOINT,
                    "attempts must not be negative, not " + cmd.attempts()))
            : FreeText.check("detail", cmd.detail(), FreeText.REASON_MAX);
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "RecordSetpointWrite", rejection.get());
    }
    String key = parameter.get().key();
    SetpointWrite outcome =
        new SetpointWrite(
            cmd.value(),
            cmd.changedAt(),
            cmd.written() ? SetpointWrite.Status.WRITTEN : SetpointWrite.Status.FAILED,
            cmd.attempts(),
            cmd.detail(),
            null);
    if (!outcome.isFor(state.setpoints().get(key))) {
      metrics.accepted("RecordSetpointWrite");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted(SUPERSEDED_CHANGE));
    }
    if (outcome.sameOutcome(state.setpointWrites().get(key))) {
      metrics.accepted("RecordSetpointWrite");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("unchanged"));
    }
    return persist(
        new SetpointWriteRecorded(
            key,
            outcome.value(),
            outcome.changedAt(),
            outcome.status(),
            outcome.attempts(),
            outcome.detail(),
            clock.instant()),
        "RecordSetpointWrite",
        cmd.replyTo(),
        "setpoint write recorded");
  }

  private ReplyEffect<Event, State> persist(
      Event event, String command, ActorRef<Confirmation> replyTo, String detail) {
    long start = System.nanoTime();
    pending.expect(replyTo, Confirmation::rejected);
    return Effect()
        .persist(event)
        .thenRun(
            s -> {
              pending.settled();
              metrics.persisted(start);
              metrics.accepted(command);
              publish(event);
            })
        .thenReply(replyTo, s -> Confirmation.accepted(detail));
  }

  /** The live update of a persisted event, if dashboards show it. */
  private void publish(Event event) {
    LiveTopic furnace = LiveTopic.furnace(furnaceId);
    LiveTopic alerts = LiveTopic.global(LiveTopic.ALERTS);
    Map<String, Object> data = new LinkedHashMap<>();
    if (event instanceof SetpointChanged e) {
      data.put("change", "setpoint");
      data.put("parameter", e.parameter());
      data.put("previous", e.previous());
      data.put("value", e.value());
      data.put("origin", e.origin().name());
      data.put("requestedBy", e.requestedBy());
      data.put("at", e.at().toString());
      live.publish("furnace", furnaceId, "setpoint:" + e.parameter(), false, data, furnace);
    } else if (event instanceof AutonomyModeChanged e) {
      data.put("change", "autonomy-mode");
      data.put("previous", e.previous().name());
      data.put("mode", e.mode().name());
      data.put("requestedBy", e.requestedBy());
      data.put("at", e.at().toString());
      live.publish("furnace", furnaceId, "autonomy-mode", false, data, furnace);
    } else if (event instanceof AlarmRaised e) {
      data.put("alarmId", e.alarmId());
      data.put("state", "raised");
      data.put("source", e.source());
      data.put("severity", e.severity());
      data.put("message", e.message());
      data.put("at", String.valueOf(e.at()));
      live.publish("alarm", furnaceId, e.alarmId(), true, data, alerts, furnace);
    } else if (event instanceof AlarmCleared e) {
      data.put("alarmId", e.alarmId());
      data.put("state", "cleared");
      data.put("at", String.valueOf(e.at()));
      live.publish("alarm", furnaceId, e.alarmId(), true, data, alerts, furnace);
    } else if (event instanceof AlarmAcknowledged e) {
      data.put("alarmId", e.alarmId());
      data.put("state", "acknowledged");
      data.put("by", e.by());
      data.put("at", e.at().toString());
      live.publish("alarm", furnaceId, e.alarmId(), true, data, alerts, furnace);
    }
    // SetpointWriteRecorded is the write-back's bookkeeping: not a dashboard update.
  }

  private ReplyEffect<Event, State> reject(
      ActorRef<Confirmation> replyTo, String command, Rejection rejection) {
    metrics.rejected(command, rejection.code().wire());
    return Effect().reply(replyTo, Confirmation.rejected(rejection));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(PreRestart.instance(), state -> pending.persistFailed())
        .onSignal(PostStop.instance(), state -> pending.persistFailed())
        .build();
  }

  private FurnaceView view(State state) {
    Map<String, Double> effective = new LinkedHashMap<>();
    Map<String, SetpointRecord> changes = new LinkedHashMap<>();
    Map<String, SetpointWrite> writes = new LinkedHashMap<>();
    for (SetpointParameter p : SetpointParameter.values()) {
      effective.put(p.key(), state.current(p));
      SetpointRecord record = state.setpoints().get(p.key());
      if (record != null) {
        changes.put(p.key(), record);
      }
      state.write(p.key()).ifPresent(write -> writes.put(p.key(), write));
    }
    List<Alarm> alarms =
        state.alarms().values().stream().sorted(Comparator.comparing(Alarm::raisedAt)).toList();
    return new FurnaceView(furnaceId, effective, changes, state.autonomyMode(), alarms, writes);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(
            SetpointChanged.class,
            (state, e) ->
                state.withSetpoint(
                    e.parameter(),
                    new SetpointRecord(e.value(), e.origin(), e.requestedBy(), e.reason(), e.at())))
        .onEvent(AutonomyModeChanged.class, (state, e) -> state.withMode(e.mode()))
        .onEvent(
            AlarmRaised.class,
            (state, e) ->
                state
                    .withAlarm(
                        new Alarm(
                            e.alarmId(),
                            e.source(),
                            e.severity(),
                            e.message(),
                            e.at(),
                            true,
                            null,
                            null))
                    .withAlarmTransition(e.alarmId(), e.at()))
        .onEvent(
            AlarmCleared.class,
            (state, e) ->
                state
                    .withAlarm(state.alarms().get(e.alarmId()).cleared())
                    .withAlarmTransition(e.alarmId(), e.at()))
        .onEvent(
            AlarmAcknowledged.class,
            (state, e) ->
                state.withAlarm(state.alarms().get(e.alarmId()).acknowledge(e.by(), e.at())))
        .onEvent(
            SetpointWriteRecorded.class,
            (state, e) ->
                state.withSetpointWrite(
                    e.parameter(),
                    new SetpointWrite(
                        e.value(), e.changedAt(), e.status(), e.attempts(), e.detail(), e.at())))
        .build();
  }
}
