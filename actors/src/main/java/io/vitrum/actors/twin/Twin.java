package io.vitrum.actors.twin;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.common.PersistFailure;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.core.CborSerializable;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.twin.ChangeRejection;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
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
 * window. {@link WhatIf} forks the synced state and simulates baseline and scenario on the
 * simulation dispatcher, off the entity; the result comes back as {@link RecordScenario}, is
 * recorded, then answered. A shadow run ({@link StartShadow}/{@link StopShadow}) steps candidate
 * setpoints alongside every sync and reports divergence and figure differences.
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

  public record WhatIf(List<SetpointChange> changes, double horizonS, ActorRef<WhatIfReply> replyTo)
      implements Command {}

  /** Internal: a what-if simulated off the entity, to be recorded and answered. */
  public record RecordScenario(
      WhatIfOutcome.Completed outcome, long fromSync, ActorRef<WhatIfReply> replyTo)
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
   * The answer to a what-if: the recorded scenario's id and outcome with trajectories, or why it
   * was refused (exactly one of {@code completed} and {@code rejection} is set).
   */
  public record WhatIfReply(
      String scenarioId, WhatIfOutcome.Completed completed, ChangeRejection rejection)
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
    Executor simulations =
        system.dispatchers().lookup(DispatcherSelector.fromConfig(settings.simulationDispatcher()));
    ClusterSharding sharding = ClusterSharding.get(system);
    sharding.init(
        Entity.of(
                ENTITY_KEY,
                ctx ->
                    create(
                        ctx.getEntityId(),
                        settings,
                        twin,
                        metrics,
                        simulations,
                        cmd -> sharding.entityRefFor(ENTITY_KEY, ctx.getEntityId()).tell(cmd),
                        Clock.systemUTC()))
            .withStopMessage(Passivate.INSTANCE));
  }

  /**
   * @param toSelf how a simulated what-if gets back to this entity
   */
  public static Behavior<Command> create(
      String furnaceId,
      TwinSettings settings,
      DigitalTwin twin,
      EntityMetrics metrics,
      Executor simulations,
      Consumer<Command> toSelf,
      Clock clock) {
    return new Twin(furnaceId, settings, twin, metrics, simulations, toSelf, clock);
  }

  private final String furnaceId;
  private final TwinSettings settings;
  private final DigitalTwin twin;
  private final EntityMetrics metrics;
  private final Executor simulations;
  private final Consumer<Command> toSelf;
  private final Clock clock;

  // Live, actor-confined: the synced state between checkpoints.
  private TwinState live;
  private ShadowRun liveShadow;
  private Instant liveSyncAt;
  private int sinceCheckpoint;

  private Twin(
      String furnaceId,
      TwinSettings settings,
      DigitalTwin twin,
      EntityMetrics metrics,
      Executor simulations,
      Consumer<Command> toSelf,
      Clock clock) {
    super(PersistenceId.of(ENTITY_KEY.name(), furnaceId), PersistFailure.restartWithBackoff());
    this.furnaceId = furnaceId;
    this.settings = settings;
    this.twin = twin;
    this.metrics = metrics;
    this.simulations = simulations;
    this.toSelf = toSelf;
    this.clock = clock;
    resetLive(emptyState());
  }

  @Override
  public State emptyState() {
    return new State(twin.start(furnaceId, Setpoints.nominal()), null, null, List.of());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::resetLive)
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
        .onCommand(RecordScenario.class, this::onRecordScenario)
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
      var parameter = SetpointParameter.byKey(e.getKey());
      if (parameter.isEmpty() || !parameter.get().withinBounds(e.getValue())) {
        metrics.rejected("Sync", "invalid-setpoint");
        return Effect()
            .reply(
                cmd.replyTo(),
                Confirmation.rejected(
                    "invalid-setpoint",
                    "setpoint "
                        + e.getKey()
                        + "="
                        + e.getValue()
                        + " is unknown or out of bounds"));
      }
      setpoints = setpoints.with(parameter.get(), e.getValue());
    }
    if (liveSyncAt != null && !cmd.at().isAfter(liveSyncAt)) {
      metrics.rejected("Sync", "not-newer-than-last");
      return Effect()
          .reply(
              cmd.replyTo(),
              Confirmation.rejected(
                  "not-newer-than-last", "sync at " + cmd.at() + " is not after " + liveSyncAt));
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
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("synced"));
    }
    return checkpoint().thenReply(cmd.replyTo(), s -> Confirmation.accepted("synced"));
  }

  private EffectBuilder<Event, State> checkpoint() {
    TwinCheckpointed event = new TwinCheckpointed(live, liveShadow, liveSyncAt);
    sinceCheckpoint = 0;
    return Effect().persist(event);
  }

  private ReplyEffect<Event, State> onWhatIf(State state, WhatIf cmd) {
    TwinState from = live;
    long fromSync = from.syncs();
    CompletableFuture.supplyAsync(
            () -> twin.whatIf(from, cmd.changes(), cmd.horizonS()), simulations)
        .whenComplete(
            (outcome, failure) -> {
              if (failure != null || outcome instanceof WhatIfOutcome.Rejected) {
                ChangeRejection rejection =
                    failure != null
                        ? new ChangeRejection(
                            "simulation-failed", String.valueOf(failure.getMessage()))
                        : ((WhatIfOutcome.Rejected) outcome).rejection();
                metrics.rejected("WhatIf", rejection.code());
                cmd.replyTo().tell(new WhatIfReply(null, null, rejection));
              } else {
                toSelf.accept(
                    new RecordScenario((WhatIfOutcome.Completed) outcome, fromSync, cmd.replyTo()));
              }
            });
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onRecordScenario(State state, RecordScenario cmd) {
    WhatIfOutcome.Completed o = cmd.outcome();
    Scenario scenario =
        new Scenario(
            UUID.randomUUID().toString(),
            clock.instant(),
            o.changes(),
            o.horizonS(),
            cmd.fromSync(),
            o.baseline().summary(),
            o.scenario().summary(),
            o.delta());
    long start = System.nanoTime();
    return Effect()
        .persist(new ScenarioRecorded(scenario))
        .thenRun(
            s -> {
              metrics.persisted(start);
              metrics.accepted("WhatIf");
            })
        .thenReply(cmd.replyTo(), s -> new WhatIfReply(scenario.scenarioId(), o, null));
  }

  private ReplyEffect<Event, State> onStartShadow(State state, StartShadow cmd) {
    var rejection = SetpointChange.validate(live.setpoints(), cmd.candidate());
    if (rejection.isPresent()) {
      metrics.rejected("StartShadow", rejection.get().code());
      return Effect()
          .reply(
              cmd.replyTo(),
              Confirmation.rejected(rejection.get().code(), rejection.get().reason()));
    }
    liveShadow = twin.startShadow(live, cmd.candidate());
    metrics.accepted("StartShadow");
    return Effect()
        .persist(new ShadowStarted(liveShadow, clock.instant()))
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
        .thenReply(cmd.replyTo(), s -> new ShadowStatus(false, report));
  }

  private ReplyEffect<Event, State> onPassivate(State state, Passivate cmd) {
    if (sinceCheckpoint == 0) {
      return Effect().stop().thenNoReply();
    }
    return checkpoint().thenStop().thenNoReply();
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
