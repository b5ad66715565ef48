package io.vitrum.actors.twin;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.common.PendingReply;
import io.vitrum.actors.common.PersistFailure;
import io.vitrum.actors.live.LiveEvents;
import io.vitrum.actors.live.LivePublisher;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.core.CborSerializable;
import io.vitrum.core.live.LiveTopic;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointCheck;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.SetpointChange;
import io.vitrum.core.twin.ShadowReport;
import io.vitrum.core.twin.ShadowRun;
import io.vitrum.core.twin.TwinState;
import io.vitrum.core.twin.WhatIfOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The digital twin of one furnace, keyed by the furnace id (e.g. {@code F1}).
 *
 * <p>{@link Sync} advances the twin by the plant time since the last sync and corrects it with the
 * plant's readings (an observer, not a copy); the synced state is live in the entity and is
 * checkpointed every {@code checkpoint-every-syncs} syncs and on passivation, like a sensor's
 * window. A shadow run ({@link StartShadow}/{@link StopShadow}) steps candidate setpoints alongside
 * every sync and reports divergence and figure differences.
 *
 * <p>{@link WhatIf} forks the synced state and simulates baseline and scenario on the simulation
 * dispatcher, off the entity; the result is piped back to the entity, recorded, and answered from
 * the entity's effect. At most {@code max-what-ifs-in-flight} what-ifs run or wait per twin; more
 * are refused at once ({@code busy}). A what-if whose asker has stopped waiting ({@code
 * answerWithin} has passed) is not simulated if it has not started, and not recorded if it has. The
 * reply is a summary; both courses, at the simulation's bounded resolution, are kept live for the
 * recent scenarios and fetched with {@link GetScenario}, so that no reply outgrows a cluster
 * message. Courses are not journaled: after a restart only the recorded summaries remain.
 */
public final class Twin
    extends EventSourcedBehaviorWithEnforcedReplies<Twin.Command, Twin.Event, Twin.State> {

  /** Part of every persistence id: never rename. */
  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Twin");

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  /**
   * Plant readings (by tag id) and the setpoints in force at {@code at}; setpoints not named keep
   * their current value.
   */
  public record Sync(
      Map<String, Double> readings,
      Map<String, Double> setpoints,
      Instant at,
      ActorRef<Confirmation> replyTo)
      implements Command {}

  /**
   * Simulates {@code changes} over {@code horizonS} seconds of plant time; the asker waits at most
   * {@code answerWithin}, after which the work is dropped.
   */
  public record WhatIf(
      List<SetpointChange> changes,
      double horizonS,
      Duration answerWithin,
      ActorRef<WhatIfReply> replyTo)
      implements Command {}

  /** Both courses of a recent scenario. */
  public record GetScenario(String scenarioId, ActorRef<ScenarioReply> replyTo)
      implements Command {}

  /**
   * Internal: a what-if's simulation ended; {@code outcome} is null when the work was dropped
   * because its asker had stopped waiting.
   */
  record WhatIfEnded(
      WhatIfOutcome outcome, long fromSync, long deadlineNanos, ActorRef<WhatIfReply> replyTo)
      implements Command {}

  public record StartShadow(List<SetpointChange> candidate, ActorRef<Confirmation> replyTo)
      implements Command {}

  public record StopShadow(ActorRef<ShadowStatus> replyTo) implements Command {}

  public record GetShadow(ActorRef<ShadowStatus> replyTo) implements Command {}

  public record GetState(ActorRef<TwinView> replyTo) implements Command {}

  /** Sharding's stop message: checkpoints the synced state, then stops. */
  public enum Passivate implements Command {
    INSTANCE
  }

  /**
   * The answer to a what-if: the recorded scenario, or why it was refused (exactly one of {@code
   * scenario} and {@code rejection} is set). Its courses come with {@link GetScenario}.
   */
  public record WhatIfReply(Scenario scenario, Rejection rejection) implements CborSerializable {}

  /**
   * A recent scenario and its courses: {@code scenario} is null when the twin has no such scenario,
   * {@code course} when it has only the recorded summary (after a restart).
   */
  public record ScenarioReply(Scenario scenario, ScenarioCourse course)
      implements CborSerializable {}

  /** A shadow run's report; {@code active} false and {@code report} null when none ran. */
  public record ShadowStatus(boolean active, ShadowReport report) implements CborSerializable {}

  /** What the twin shows: its synced state, when it last synced, recent scenarios. */
  public record TwinView(
      TwinState twin, Instant lastSyncAt, boolean shadowActive, List<Scenario> scenarios)
      implements CborSerializable {}

  // ---- events ----

  public sealed interface Event extends CborSerializable {}

  public record TwinCheckpointed(TwinState twin, ShadowRun shadow, Instant lastSyncAt)
      implements Event {}

  public record ScenarioRecorded(Scenario scenario) implements Event {}

  public record ShadowStarted(ShadowRun run, Instant at) implements Event {}

  public record ShadowStopped(ShadowReport report, Instant at) implements Event {}

  // ---- state ----

  /** Durable state: the last checkpoint and the recent scenarios. */
  public record State(
      TwinState twin, ShadowRun shadow, Instant lastSyncAt, List<Scenario> scenarios)
      implements CborSerializable {

    State withCheckpoint(TwinState t, ShadowRun s, Instant at) {
      return new State(t, s, at, scenarios);
    }

    State withScenario(Scenario scenario, int keep) {
      List<Scenario> recent = new ArrayList<>(scenarios);
      recent.add(scenario);
      return new State(
          twin,
          shadow,
          lastSyncAt,
          List.copyOf(recent.subList(Math.max(0, recent.size() - keep), recent.size())));
    }

    State withShadow(ShadowRun run) {
      return new State(twin, run, lastSyncAt, scenarios);
    }
  }

  // ---- behaviour ----

  public static void init(ActorSystem<?> system, TwinSettings settings, DigitalTwin twin) {
    EntityMetrics metrics = new EntityMetrics(VitrumMetrics.get(system).registry(), "twin");
    LivePublisher live = LiveEvents.get(system).publisher();
    Executor simulations =
        system.dispatchers().lookup(DispatcherSelector.fromConfig(settings.simulationDispatcher()));
    ClusterSharding.get(system)
        .init(
            Entity.of(
                    ENTITY_KEY,
                    ctx ->
                        create(
                            ctx.getEntityId(),
                            settings,
                            twin,
                            metrics,
                            simulations,
                            Clock.systemUTC(),
                            live))
                .withStopMessage(Passivate.INSTANCE));
  }

  /**
   * @param simulations where what-ifs are simulated, off the entity
   */
  public static Behavior<Command> create(
      String furnaceId,
      TwinSettings settings,
      DigitalTwin twin,
      EntityMetrics metrics,
      Executor simulations,
      Clock clock) {
    return create(furnaceId, settings, twin, metrics, simulations, clock, LivePublisher.NONE);
  }

  /**
   * As {@link #create(String, TwinSettings, DigitalTwin, EntityMetrics, Executor, Clock)},
   * publishing each accepted sync and shadow start or stop to {@code twin/<id>} (conflated).
   */
  public static Behavior<Command> create(
      String furnaceId,
      TwinSettings settings,
      DigitalTwin twin,
      EntityMetrics metrics,
      Executor simulations,
      Clock clock,
      LivePublisher live) {
    return Behaviors.setup(
        ctx -> new Twin(ctx, furnaceId, settings, twin, metrics, simulations, clock, live));
  }

  private final ActorContext<Command> context;
  private final String furnaceId;
  private final TwinSettings settings;
  private final DigitalTwin twin;
  private final EntityMetrics metrics;
  private final Executor simulations;
  private final Clock clock;
  private final PendingReply pending = new PendingReply();
  private final LivePublisher liveUpdates;

  // Live, actor-confined: the synced state between checkpoints, what-ifs under way, and the
  // courses of the recent scenarios (not journaled).
  private TwinState live;
  private ShadowRun liveShadow;
  private Instant liveSyncAt;
  private int sinceCheckpoint;
  private int whatIfsInFlight;
  private final Map<String, ScenarioCourse> courses = new LinkedHashMap<>();

  private Twin(
      ActorContext<Command> context,
      String furnaceId,
      TwinSettings settings,
      DigitalTwin twin,
      EntityMetrics metrics,
      Executor simulations,
      Clock clock,
      LivePublisher live) {
    super(PersistenceId.of(ENTITY_KEY.name(), furnaceId), PersistFailure.restartWithBackoff());
    this.liveUpdates = live;
    this.context = context;
    this.furnaceId = furnaceId;
    this.settings = settings;
    this.twin = twin;
    this.metrics = metrics;
    this.simulations = simulations;
    this.clock = clock;
    resetLive(emptyState());
  }

  @Override
  public State emptyState() {
    return new State(twin.start(furnaceId), null, null, List.of());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
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
    live = state.twin();
    liveShadow = state.shadow();
    liveSyncAt = state.lastSyncAt();
    sinceCheckpoint = 0;
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Sync.class, this::onSync)
        .onCommand(WhatIf.class, this::onWhatIf)
        .onCommand(WhatIfEnded.class, this::onWhatIfEnded)
        .onCommand(
            GetScenario.class,
            (state, cmd) -> Effect().reply(cmd.replyTo(), scenario(state, cmd.scenarioId())))
        .onCommand(StartShadow.class, this::onStartShadow)
        .onCommand(StopShadow.class, this::onStopShadow)
        .onCommand(
            GetShadow.class,
            (state, cmd) ->
                Effect()
                    .reply(
                        cmd.replyTo(),
                        new ShadowStatus(
                            liveShadow != null,
                            liveShadow == null ? null : twin.shadowReport(liveShadow))))
        .onCommand(
            GetState.class,
            (state, cmd) ->
                Effect()
                    .reply(
                        cmd.replyTo(),
                        new TwinView(live, liveSyncAt, liveShadow != null, state.scenarios())))
        .onCommand(Passivate.class, this::onPassivate)
        .build();
  }

  private ReplyEffect<Event, State> onSync(State state, Sync cmd) {
    Setpoints setpoints = live.setpoints();
    for (Map.Entry<String, Double> e : cmd.setpoints().entrySet()) {
      Optional<Rejection> invalid =
          SetpointCheck.known(e.getKey())
              .or(
                  () ->
                      SetpointCheck.withinBounds(
                          SetpointParameter.byKey(e.getKey()).orElseThrow(), e.getValue()));
      if (invalid.isPresent()) {
        return reject(
            cmd.replyTo(),
            "Sync",
            Rejection.of(RejectionCode.INVALID_SETPOINT, invalid.get().reason()));
      }
      setpoints = setpoints.with(SetpointParameter.byKey(e.getKey()).orElseThrow(), e.getValue());
    }
    if (liveSyncAt != null && !cmd.at().isAfter(liveSyncAt)) {
      return reject(
          cmd.replyTo(),
          "Sync",
          Rejection.of(
              RejectionCode.NOT_NEWER_THAN_LAST,
              "sync at " + cmd.at() + " is not after " + liveSyncAt));
    }
    double dt =
        liveSyncAt == null
            ? 1.0
            : Math.min(
                settings.maxSyncGap().toMillis() / 1000.0,
                Duration.between(liveSyncAt, cmd.at()).toMillis() / 1000.0);
    live = twin.sync(live, setpoints, cmd.readings(), dt);
    if (liveShadow != null) {
      liveShadow = twin.shadowStep(liveShadow, live, dt);
    }
    liveSyncAt = cmd.at();
    sinceCheckpoint++;
    metrics.accepted("Sync");
    if (sinceCheckpoint < settings.checkpointEverySyncs()) {
      publishState();
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("synced"));
    }
    pending.expect(cmd.replyTo(), Confirmation::rejected);
    return checkpoint()
        .thenRun(
            s -> {
              pending.settled();
              publishState();
            })
        .thenReply(cmd.replyTo(), s -> Confirmation.accepted("synced"));
  }

  /** The twin's synced state for dashboards: conflated, the latest sync wins. */
  private void publishState() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("syncs", live.syncs());
    data.put("lastSyncAt", liveSyncAt == null ? null : liveSyncAt.toString());
    data.put("shadowActive", liveShadow != null);
    data.put("innovations", live.innovations());
    liveUpdates.publish("twin", furnaceId, "state", false, data, LiveTopic.twin(furnaceId));
  }

  private EffectBuilder<Event, State> checkpoint() {
    TwinCheckpointed event = new TwinCheckpointed(live, liveShadow, liveSyncAt);
    sinceCheckpoint = 0;
    return Effect().persist(event);
  }

  private ReplyEffect<Event, State> onWhatIf(State state, WhatIf cmd) {
    if (whatIfsInFlight >= settings.maxWhatIfsInFlight()) {
      return refuseWhatIf(
          cmd.replyTo(),
          Rejection.of(
              RejectionCode.BUSY,
              "twin "
                  + furnaceId
                  + " already runs "
                  + whatIfsInFlight
                  + " what-ifs, its limit: retry when one has answered"));
    }
    whatIfsInFlight++;
    TwinState from = live;
    long deadline = System.nanoTime() + cmd.answerWithin().toNanos();
    CompletableFuture<WhatIfOutcome> simulated =
        CompletableFuture.supplyAsync(
            () ->
                System.nanoTime() - deadline < 0
                    ? twin.whatIf(from, cmd.changes(), cmd.horizonS())
                    : null,
            simulations);
    context.pipeToSelf(
        simulated,
        (outcome, failure) ->
            new WhatIfEnded(
                failure == null
                    ? outcome
                    : new WhatIfOutcome.Rejected(
                        Rejection.of(
                            RejectionCode.SIMULATION_FAILED, String.valueOf(failure.getMessage()))),
                from.syncs(),
                deadline,
                cmd.replyTo()));
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onWhatIfEnded(State state, WhatIfEnded cmd) {
    whatIfsInFlight = Math.max(0, whatIfsInFlight - 1);
    if (cmd.outcome() == null || System.nanoTime() - cmd.deadlineNanos() >= 0) {
      metrics.rejected("WhatIf", "asker-gone");
      return Effect().noReply();
    }
    if (cmd.outcome() instanceof WhatIfOutcome.Rejected rejected) {
      return refuseWhatIf(cmd.replyTo(), rejected.rejection());
    }
    WhatIfOutcome.Completed completed = (WhatIfOutcome.Completed) cmd.outcome();
    Scenario scenario =
        Scenario.of(UUID.randomUUID().toString(), clock.instant(), cmd.fromSync(), completed);
    long start = System.nanoTime();
    pending.expect(cmd.replyTo(), rejection -> new WhatIfReply(null, rejection));
    return Effect()
        .persist(new ScenarioRecorded(scenario))
        .thenRun(
            s -> {
              pending.settled();
              keepCourse(
                  scenario.scenarioId(),
                  ScenarioCourse.of(completed.baseline(), completed.scenario()));
              metrics.persisted(start);
              metrics.accepted("WhatIf");
            })
        .thenReply(cmd.replyTo(), s -> new WhatIfReply(scenario, null));
  }

  private void keepCourse(String scenarioId, ScenarioCourse course) {
    courses.put(scenarioId, course);
    Iterator<String> oldest = courses.keySet().iterator();
    while (courses.size() > settings.keepScenarios()) {
      oldest.next();
      oldest.remove();
    }
  }

  private ScenarioReply scenario(State state, String scenarioId) {
    return state.scenarios().stream()
        .filter(s -> s.scenarioId().equals(scenarioId))
        .findFirst()
        .map(s -> new ScenarioReply(s, courses.get(scenarioId)))
        .orElse(new ScenarioReply(null, null));
  }

  private ReplyEffect<Event, State> onStartShadow(State state, StartShadow cmd) {
    Optional<Rejection> rejection = SetpointChange.validate(live.setpoints(), cmd.candidate());
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "StartShadow", rejection.get());
    }
    liveShadow = twin.startShadow(live, cmd.candidate());
    metrics.accepted("StartShadow");
    pending.expect(cmd.replyTo(), Confirmation::rejected);
    return Effect()
        .persist(new ShadowStarted(liveShadow, clock.instant()))
        .thenRun(
            s -> {
              pending.settled();
              publishState();
            })
        .thenReply(cmd.replyTo(), s -> Confirmation.accepted("shadow started"));
  }

  private ReplyEffect<Event, State> onStopShadow(State state, StopShadow cmd) {
    if (liveShadow == null) {
      return Effect().reply(cmd.replyTo(), new ShadowStatus(false, null));
    }
    ShadowReport report = twin.shadowReport(liveShadow);
    liveShadow = null;
    metrics.accepted("StopShadow");
    return Effect()
        .persist(new ShadowStopped(report, clock.instant()))
        .thenRun(s -> publishState())
        .thenReply(cmd.replyTo(), s -> new ShadowStatus(false, report));
  }

  private ReplyEffect<Event, State> onPassivate(State state, Passivate cmd) {
    if (sinceCheckpoint == 0) {
      return Effect().stop().thenNoReply();
    }
    return checkpoint().thenStop().thenNoReply();
  }

  private ReplyEffect<Event, State> reject(
      ActorRef<Confirmation> replyTo, String command, Rejection rejection) {
    metrics.rejected(command, rejection.code().wire());
    return Effect().reply(replyTo, Confirmation.rejected(rejection));
  }

  private ReplyEffect<Event, State> refuseWhatIf(
      ActorRef<WhatIfReply> replyTo, Rejection rejection) {
    metrics.rejected("WhatIf", rejection.code().wire());
    return Effect().reply(replyTo, new WhatIfReply(null, rejection));
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(
            TwinCheckpointed.class,
            (state, e) -> state.withCheckpoint(e.twin(), e.shadow(), e.lastSyncAt()))
        .onEvent(
            ScenarioRecorded.class,
            (state, e) -> state.withScenario(e.scenario(), settings.keepScenarios()))
        .onEvent(ShadowStarted.class, (state, e) -> state.withShadow(e.run()))
        .onEvent(ShadowStopped.class, (state, e) -> state.withShadow(null))
        .build();
  }
}
