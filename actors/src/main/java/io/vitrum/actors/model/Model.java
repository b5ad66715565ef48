package io.vitrum.actors.model;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.common.PendingReply;
import io.vitrum.actors.common.PersistFailure;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.core.CborSerializable;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
 * One model (e.g. {@code vision}), keyed by its name: the versions registered, the active one
 * (whose outputs are acted on), the shadow one (run beside it on the same inputs and scored, never
 * acted on) and the order versions were active in, for {@link Rollback}.
 *
 * <p>{@link RegisterVersion} carries what the serving side found in the file (its sha256 and graph
 * signature) and what the card declares; the entity refuses a version whose file does not match its
 * card, and a version number registered again with other contents. {@link ReportQuality} carries a
 * live metric of the active version (accuracy against delayed labels): worse than the card's
 * held-out figure by more than {@code rollback-margin}, the entity rolls back by itself. Every
 * change is an event; queries see the state.
 */
public final class Model
    extends EventSourcedBehaviorWithEnforcedReplies<Model.Command, Model.Event, Model.State> {

  /** Part of every persistence id: never rename. */
  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Model");

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  /**
   * Registers {@code declared} (from the card) after checking it against {@code found} (from the
   * file). The first version registered becomes active.
   */
  public record RegisterVersion(
      ModelVersion declared, ModelVersion found, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Makes {@code version} the active one. */
  public record Promote(String version, String reason, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Runs {@code version} in shadow beside the active one. */
  public record StartShadow(String version, ActorRef<Confirmation> replyTo) implements Command {}

  /** Stops the shadow run. */
  public record StopShadow(ActorRef<Confirmation> replyTo) implements Command {}

  /** Returns to the version active before the current one. */
  public record Rollback(String reason, ActorRef<Confirmation> replyTo) implements Command {}

  /**
   * A live figure of {@code version}: {@code metric} (a held-out metric of its card) measured at
   * {@code value}; {@code higherIsBetter} says which way is worse.
   */
  public record ReportQuality(
      String version,
      String metric,
      double value,
      boolean higherIsBetter,
      ActorRef<Confirmation> replyTo)
      implements Command {}

  /**
   * The live input drift of {@code version}: the population stability index of each input column
   * over {@code rows} feature rows, against the training distribution of its card.
   */
  public record ReportDrift(
      String version, Map<String, Double> psi, long rows, ActorRef<Confirmation> replyTo)
      implements Command {}

  public record GetModel(ActorRef<ModelView> replyTo) implements Command {}

  /** What a model shows to the outside. */
  public record ModelView(
      String name,
      List<ModelVersion> versions,
      String active,
      String shadow,
      List<Activation> activations,
      Map<String, Double> liveQuality,
      Map<String, Double> liveDrift)
      implements CborSerializable {}

  /** One change of the active version. */
  public record Activation(String version, String reason, boolean automatic, Instant at)
      implements CborSerializable {}

  // ---- events ----

  public sealed interface Event extends CborSerializable {}

  public record VersionRegistered(ModelVersion version) implements Event {}

  public record Promoted(String version, String reason, Instant at) implements Event {}

  public record ShadowStarted(String version, Instant at) implements Event {}

  public record ShadowStopped(Instant at) implements Event {}

  public record RolledBack(String from, String to, String reason, boolean automatic, Instant at)
      implements Event {}

  // ---- state ----

  /** The versions by number, the active and shadow ones ({@code null}: none). */
  public record State(
      Map<String, ModelVersion> versions, String active, String shadow, List<Activation> history)
      implements CborSerializable {
    static State empty() {
      return new State(Map.of(), null, null, List.of());
    }

    State with(ModelVersion v) {
      Map<String, ModelVersion> all = new TreeMap<>(versions);
      all.put(v.version(), v);
      return new State(Map.copyOf(all), active, shadow, history);
    }

    State activate(Activation a, boolean dropLast) {
      List<Activation> next = new ArrayList<>(history);
      if (dropLast) {
        next.remove(next.size() - 1);
      } else {
        next.add(a);
      }
      String newShadow = a.version().equals(shadow) ? null : shadow;
      return new State(versions, a.version(), newShadow, List.copyOf(next));
    }

    State withShadow(String version) {
      return new State(versions, active, version, history);
    }
  }

  // ---- behaviour ----

  public static void init(ActorSystem<?> system, ModelSettings settings) {
    EntityMetrics metrics = new EntityMetrics(VitrumMetrics.get(system).registry(), "model");
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx -> create(ctx.getEntityId(), settings, metrics, Clock.systemUTC())));
  }

  public static Behavior<Command> create(
      String name, ModelSettings settings, EntityMetrics metrics, Clock clock) {
    return new Model(name, settings, metrics, clock);
  }

  private final String name;
  private final ModelSettings settings;
  private final EntityMetrics metrics;
  private final Clock clock;
  private final PendingReply pending = new PendingReply();
  // Live, not journaled: the latest figure per metric and PSI per input column of liveVersion.
  private final Map<String, Double> liveQuality = new TreeMap<>();
  private final Map<String, Double> liveDrift = new TreeMap<>();
  private String liveVersion;

  private Model(String name, ModelSettings settings, EntityMetrics metrics, Clock clock) {
    super(PersistenceId.of(ENTITY_KEY.name(), name), PersistFailure.restartWithBackoff());
    this.name = name;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public State emptyState() {
    return State.empty();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(PreRestart.instance(), state -> pending.persistFailed())
        .onSignal(PostStop.instance(), state -> pending.persistFailed())
        .build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(RegisterVersion.class, this::onRegister)
        .onCommand(Promote.class, this::onPromote)
        .onCommand(StartShadow.class, this::onStartShadow)
        .onCommand(StopShadow.class, this::onStopShadow)
        .onCommand(Rollback.class, this::onRollback)
        .onCommand(ReportQuality.class, this::onReportQuality)
        .onCommand(ReportDrift.class, this::onReportDrift)
        .onCommand(
            GetModel.class,
            (state, cmd) -> {
              followActive(state);
              return Effect()
                  .reply(
                      cmd.replyTo(),
                      new ModelView(
                          name,
                          List.copyOf(state.versions().values()),
                          state.active(),
                          state.shadow(),
                          state.history(),
                          Map.copyOf(liveQuality),
                          Map.copyOf(liveDrift)));
            })
        .build();
  }

  /** Forgets the live figures once another version is active: they were the previous one's. */
  private void followActive(State state) {
    if (!Objects.equals(liveVersion, state.active())) {
      liveQuality.clear();
      liveDrift.clear();
      liveVersion = state.active();
    }
  }

  private ReplyEffect<Event, State> onRegister(State state, RegisterVersion cmd) {
    ModelVersion declared = cmd.declared();
    List<String> problems = mismatches(declared, cmd.found());
    if (!problems.isEmpty()) {
      return reject(
          cmd.replyTo(),
          "RegisterVersion",
          RejectionCode.MODEL_MISMATCH,
          String.join("; ", problems));
    }
    ModelVersion existing = state.versions().get(declared.version());
    if (existing != null) {
      return existing.sameContents(declared)
          ? accept(cmd.replyTo(), "RegisterVersion", "unchanged")
          : reject(
              cmd.replyTo(),
              "RegisterVersion",
              RejectionCode.VERSION_CONFLICT,
              name
                  + "/"
                  + declared.version()
                  + " is registered with sha256 "
                  + existing.sha256()
                  + ": versions are immutable, register a new number");
    }
    List<Event> events = new ArrayList<>();
    events.add(new VersionRegistered(declared));
    if (state.active() == null) {
      events.add(new Promoted(declared.version(), "first version registered", clock.instant()));
    }
    return persist(events, cmd.replyTo(), "RegisterVersion", "registered");
  }

  private static List<String> mismatches(ModelVersion declared, ModelVersion found) {
    List<String> out = new ArrayList<>();
    if (!declared.sha256().equals(found.sha256())) {
      out.add("file sha256 " + found.sha256() + ", card says " + declared.sha256());
    }
    if (!declared.inputs().equals(found.inputs())) {
      out.add("file inputs " + found.inputs() + ", card says " + declared.inputs());
    }
    if (!declared.outputs().equals(found.outputs())) {
      out.add("file outputs " + found.outputs() + ", card says " + declared.outputs());
    }
    return out;
  }

  private ReplyEffect<Event, State> onPromote(State state, Promote cmd) {
    if (!state.versions().containsKey(cmd.version())) {
      return unknown(cmd.replyTo(), "Promote", cmd.version());
    }
    if (cmd.version().equals(state.active())) {
      return accept(cmd.replyTo(), "Promote", "unchanged");
    }
    return persist(
        List.of(new Promoted(cmd.version(), cmd.reason(), clock.instant())),
        cmd.replyTo(),
        "Promote",
        "promoted");
  }

  private ReplyEffect<Event, State> onStartShadow(State state, StartShadow cmd) {
    if (!state.versions().containsKey(cmd.version())) {
      return unknown(cmd.replyTo(), "StartShadow", cmd.version());
    }
    if (cmd.version().equals(state.active())) {
      return reject(
          cmd.replyTo(),
          "StartShadow",
          RejectionCode.VERSION_CONFLICT,
          cmd.version() + " is the active version: a shadow runs another one beside it");
    }
    if (cmd.version().equals(state.shadow())) {
      return accept(cmd.replyTo(), "StartShadow", "unchanged");
    }
    return persist(
        List.of(new ShadowStarted(cmd.version(), clock.instant())),
        cmd.replyTo(),
        "StartShadow",
        "shadow started");
  }

  private ReplyEffect<Event, State> onStopShadow(State state, StopShadow cmd) {
    if (state.shadow() == null) {
      return accept(cmd.replyTo(), "StopShadow", "unchanged");
    }
    return persist(
        List.of(new ShadowStopped(clock.instant())), cmd.replyTo(), "StopShadow", "shadow stopped");
  }

  private ReplyEffect<Event, State> onRollback(State state, Rollback cmd) {
    if (state.history().size() < 2) {
      return reject(
          cmd.replyTo(),
          "Rollback",
          RejectionCode.NOTHING_TO_ROLL_BACK,
          name + " has had no other active version");
    }
    return persist(
        List.of(rollback(state, cmd.reason(), false)), cmd.replyTo(), "Rollback", "rolled back");
  }

  private RolledBack rollback(State state, String reason, boolean automatic) {
    String to = state.history().get(state.history().size() - 2).version();
    return new RolledBack(state.active(), to, reason, automatic, clock.instant());
  }

  private ReplyEffect<Event, State> onReportQuality(State state, ReportQuality cmd) {
    if (!cmd.version().equals(state.active())) {
      return accept(cmd.replyTo(), "ReportQuality", "not the active version: ignored");
    }
    followActive(state);
    liveQuality.put(cmd.metric(), cmd.value());
    Double card = state.versions().get(cmd.version()).heldOut().get(cmd.metric());
    if (card == null || !Double.isFinite(cmd.value())) {
      return accept(cmd.replyTo(), "ReportQuality", "recorded");
    }
    double margin = settings.rollbackMargin() * Math.abs(card);
    boolean worse =
        cmd.higherIsBetter() ? cmd.value() < card - margin : cmd.value() > card + margin;
    if (!worse || state.history().size() < 2) {
      return accept(
          cmd.replyTo(),
          "ReportQuality",
          worse ? "below its card, nothing to roll back to" : "recorded");
    }
    String reason =
        "live %s %.4f is worse than the card's %.4f by more than %.0f %%"
            .formatted(cmd.metric(), cmd.value(), card, settings.rollbackMargin() * 100);
    return persist(
        List.of(rollback(state, reason, true)), cmd.replyTo(), "ReportQuality", "rolled back");
  }

  private ReplyEffect<Event, State> onReportDrift(State state, ReportDrift cmd) {
    if (!cmd.version().equals(state.active())) {
      return accept(cmd.replyTo(), "ReportDrift", "not the active version: ignored");
    }
    followActive(state);
    liveDrift.clear();
    cmd.psi()
        .forEach(
            (column, psi) -> {
              if (Double.isFinite(psi)) {
                liveDrift.put(column, psi);
              }
            });
    return accept(cmd.replyTo(), "ReportDrift", "recorded over " + cmd.rows() + " rows");
  }

  private ReplyEffect<Event, State> persist(
      List<Event> events, ActorRef<Confirmation> replyTo, String command, String detail) {
    long start = System.nanoTime();
    pending.expect(replyTo, Confirmation::rejected);
    return Effect()
        .persist(events)
        .thenRun(
            s -> {
              pending.settled();
              metrics.persisted(start);
              metrics.accepted(command);
            })
        .thenReply(replyTo, s -> Confirmation.accepted(detail));
  }

  private ReplyEffect<Event, State> accept(
      ActorRef<Confirmation> replyTo, String command, String detail) {
    metrics.accepted(command);
    return Effect().reply(replyTo, Confirmation.accepted(detail));
  }

  private ReplyEffect<Event, State> unknown(
      ActorRef<Confirmation> replyTo, String command, String version) {
    return reject(
        replyTo,
        command,
        RejectionCode.UNKNOWN_MODEL_VERSION,
        name + " has no registered version " + version);
  }

  private ReplyEffect<Event, State> reject(
      ActorRef<Confirmation> replyTo, String command, RejectionCode code, String reason) {
    metrics.rejected(command, code.wire());
    return Effect().reply(replyTo, Confirmation.rejected(code, reason));
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(VersionRegistered.class, (state, e) -> state.with(e.version()))
        .onEvent(
            Promoted.class,
            (state, e) ->
                state.activate(new Activation(e.version(), e.reason(), false, e.at()), false))
        .onEvent(ShadowStarted.class, (state, e) -> state.withShadow(e.version()))
        .onEvent(ShadowStopped.class, (state, e) -> state.withShadow(null))
        .onEvent(
            RolledBack.class,
            (state, e) ->
                state.activate(new Activation(e.to(), e.reason(), e.automatic(), e.at()), true))
        .build();
  }
}
