package io.vitrum.actors.policy;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.common.PendingReply;
import io.vitrum.actors.common.PersistFailure;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.core.CborSerializable;
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.FreeText;
import io.vitrum.core.plant.SetpointCheck;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.rl.Cusum;
import io.vitrum.core.rl.DegradationEvidence;
import io.vitrum.core.rl.DegradationMonitor;
import io.vitrum.core.rl.EvaluationReport;
import io.vitrum.core.rl.KpiBaseline;
import io.vitrum.core.rl.PolicyKpis;
import io.vitrum.core.rl.TrainingProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
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
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The setpoint policy of one furnace, keyed by the furnace id (e.g. {@code F1}): its versions and
 * their held-out evaluations, its training, its deployment and the recommendations it made.
 *
 * <p>{@link Train} and {@link Evaluate} run off the entity ({@link PolicyJobs}); training records a
 * progress event per iteration, stops between iterations on {@link StopTraining} and resumes from
 * its checkpoint when asked to train again. A training or evaluation under way when the node
 * stopped is recorded as interrupted on recovery.
 *
 * <p>{@link Deploy} puts an evaluated version in service in an autonomy mode and sets the furnace's
 * mode to match. A version with a bound violation in its evaluation is never deployed, and one that
 * missed the goal only with {@code force}. The deployment's baseline is made of the furnace's live
 * KPI samples ({@link ReportKpis}) of the last {@code baseline-max-age} before it; with fewer than
 * {@code baseline-samples} the deployment collects them first and proposes nothing until it has
 * them. Each later sample feeds one CUSUM per watched KPI ({@link PolicyKpis#WATCHED}), except
 * those of the first {@code settle-after} after each applied change, while the furnace moves to it;
 * when one fires the entity rolls the deployment back by itself, with the evidence, and sets the
 * furnace to advisory. After a change the policy proposes nothing until that change has settled and
 * been watched for {@code watch-after-settling}, so that the test judges every change.
 *
 * <p>{@link Recommend} records a policy run's proposals (a newer one for a parameter supersedes an
 * open older one). In autonomous mode each is sent to the furnace at once as the policy's change;
 * in supervised and advisory mode it waits for {@link Approve} (sent to the furnace as the
 * operator's change) or {@link Reject}, and lapses after {@code approval-timeout} (checked when it
 * is next touched or listed). The furnace answers for its bounds: a change it refuses is recorded
 * as failed with its reason. {@link RecordEffect} adds the measured effect an hour later.
 */
public final class Policy
    extends EventSourcedBehaviorWithEnforcedReplies<Policy.Command, Policy.Event, Policy.State> {

  /** Part of every persistence id: never rename. */
  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Policy");

  /** Who acts when the entity acts by itself. */
  public static final String SELF = "vitrum";

  /** The most iterations one training run may ask for. */
  public static final int MAX_ITERATIONS = 10_000;

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  /** Trains the next version to {@code iterations} iterations in all. */
  public record Train(int iterations, String requestedBy, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Stops the training under way after its current iteration, keeping a checkpoint. */
  public record StopTraining(String requestedBy, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Makes {@code version} known (e.g. the committed production version); idempotent. */
  public record AddVersion(PolicyVersion version, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Evaluates {@code version} (null: the latest) on the held-out twin scenarios. */
  public record Evaluate(String version, String requestedBy, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Puts {@code version} (null: the latest) in service in {@code mode}. */
  public record Deploy(
      String version,
      AutonomyMode mode,
      boolean force,
      String requestedBy,
      String reason,
      ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Takes the deployment back and sets the furnace to advisory. */
  public record Rollback(String requestedBy, String reason, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** The furnace's live KPIs at {@code at}. */
  public record ReportKpis(Map<String, Double> kpis, Instant at, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** What a run of the deployed {@code version} proposes, with the KPIs it saw. */
  public record Recommend(
      String version,
      List<Proposal> proposals,
      Map<String, Double> kpis,
      ActorRef<Confirmation> replyTo)
      implements Command {}

  public record Approve(String id, String by, ActorRef<Confirmation> replyTo) implements Command {}

  public record Reject(String id, String by, String reason, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** The KPIs' measured change since recommendation {@code id} was made, after it applied. */
  public record RecordEffect(String id, Map<String, Double> effect, ActorRef<Confirmation> replyTo)
      implements Command {}

  public record GetPolicy(ActorRef<PolicyView> replyTo) implements Command {}

  /** Internal: a training iteration ended. */
  record TrainingIterated(TrainingProgress progress) implements Command {}

  /**
   * Internal: training ended; {@code version} null when stopped, {@code failure} when it failed.
   */
  record TrainingDone(PolicyVersion version, String failure) implements Command {}

  /** Internal: an evaluation ended with {@code report}, or {@code failure}. */
  record EvaluationDone(String version, EvaluationReport report, String failure)
      implements Command {}

  /** Internal: the furnace answered the change of recommendation {@code id}. */
  record FurnaceApplied(String id, Confirmation answer, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Internal: the furnace answered a change of its autonomy mode. */
  record FurnaceModeSet(String done, Confirmation answer, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Internal: after recovery, work that was under way when the node stopped. */
  enum Interrupted implements Command {
    INSTANCE
  }

  /**
   * What a policy shows. {@code status}: {@code untrained}, {@code trained}, {@code training},
   * {@code collecting-baseline}, {@code deployed} or {@code rolled-back}; recommendations newest
   * first, a lapsed one shown as expired. {@code lastChangeAt}: when the deployment's latest change
   * applied; the degradation test watches again from {@code watchingFrom} and the policy proposes
   * again from {@code proposesFrom} (all null before its first change).
   */
  public record PolicyView(
      String furnaceId,
      String status,
      List<PolicyVersion> versions,
      TrainingRun training,
      String evaluating,
      Deployment deployment,
      int baselineSamples,
      Instant lastChangeAt,
      Instant watchingFrom,
      Instant proposesFrom,
      PolicyRollback lastRollback,
      List<Recommendation> recommendations)
      implements CborSerializable {

    /** The latest version, if any. */
    public Optional<PolicyVersion> latest() {
      return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
  }

  // ---- events ----

  public sealed interface Event extends CborSerializable {}

  public record TrainingStarted(int iterations, String requestedBy, Instant at) implements Event {}

  public record TrainingProgressed(TrainingProgress progress) implements Event {}

  public record TrainingEnded(TrainingRun.Status status, String version, String detail, Instant at)
      implements Event {}

  public record VersionAdded(PolicyVersion version) implements Event {}

  public record EvaluationStarted(String version, String requestedBy, Instant at)
      implements Event {}

  /** {@code report} null when the evaluation failed or was interrupted ({@code detail}). */
  public record EvaluationEnded(String version, EvaluationReport report, String detail, Instant at)
      implements Event {}

  public record Deployed(Deployment deployment) implements Event {}

  /** A deployment's baseline is complete: its detectors start from here. */
  public record BaselineSet(List<Cusum> detectors, Instant at) implements Event {}

  public record KpisObserved(KpiSample sample) implements Event {}

  public record RolledBack(PolicyRollback rollback) implements Event {}

  public record RecommendationMade(Recommendation recommendation) implements Event {}

  public record RecommendationApproved(String id, String by, Instant at) implements Event {}

  public record RecommendationClosed(
      String id, RecommendationStatus status, String by, String detail, Instant at)
      implements Event {}

  public record EffectMeasured(String id, Map<String, Double> effect, Instant at)
      implements Event {}

  // ---- state ----

  /**
   * Immutable. {@code versions} in the order learned; {@code samples}: the recent KPI samples;
   * {@code recommendations}: the recent ones, oldest first; {@code made}: recommendations ever made
   * (the next id's number).
   */
  public record State(
      List<PolicyVersion> versions,
      TrainingRun training,
      String evaluating,
      Deployment deployment,
      PolicyRollback lastRollback,
      List<KpiSample> samples,
      List<Recommendation> recommendations,
      long made)
      implements CborSerializable {

    public State {
      versions = List.copyOf(versions);
      samples = List.copyOf(samples);
      recommendations = List.copyOf(recommendations);
    }

    static State empty() {
      return new State(List.of(), null, null, null, null, List.of(), List.of(), 0);
    }

    Optional<PolicyVersion> version(String version) {
      if (version == null) {
        return versions.isEmpty()
            ? Optional.empty()
            : Optional.of(versions.get(versions.size() - 1));
      }
      return versions.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    Optional<Recommendation> recommendation(String id) {
      return recommendations.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    boolean trainingUnderWay() {
      return training != null && training.status() == TrainingRun.Status.RUNNING;
    }

    int highest() {
      return versions.stream().mapToInt(PolicyVersion::number).max().orElse(0);
    }

    /** When the deployment's latest applied change reached the furnace, if it made one. */
    Optional<Instant> lastChange() {
      if (deployment == null) {
        return Optional.empty();
      }
      return recommendations.stream()
          .map(Recommendation::appliedAt)
          .filter(at -> at != null && !at.isBefore(deployment.at()))
          .max(Comparator.naturalOrder());
    }

    /** The samples not older than {@code maxAge} before {@code at}. */
    List<KpiSample> samplesSince(Instant at, Duration maxAge) {
      Instant from = at.minus(maxAge);
      return samples.stream().filter(s -> !s.at().isBefore(from)).toList();
    }

    State withVersion(PolicyVersion v) {
      List<PolicyVersion> next = new ArrayList<>();
      boolean replaced = false;
      for (PolicyVersion old : versions) {
        if (old.version().equals(v.version())) {
          next.add(v);
          replaced = true;
        } else {
          next.add(old);
        }
      }
      if (!replaced) {
        next.add(v);
      }
      return new State(
          next, training, evaluating, deployment, lastRollback, samples, recommendations, made);
    }

    State withTraining(TrainingRun run) {
      return new State(
          versions, run, evaluating, deployment, lastRollback, samples, recommendations, made);
    }

    State withEvaluating(String version) {
      return new State(
          versions, training, version, deployment, lastRollback, samples, recommendations, made);
    }

    State withDeployment(Deployment d) {
      return new State(
          versions, training, evaluating, d, lastRollback, samples, recommendations, made);
    }

    State withRollback(PolicyRollback r, List<Recommendation> recs) {
      return new State(versions, training, evaluating, null, r, samples, recs, made);
    }

    State withSample(KpiSample s, int keep) {
      List<KpiSample> next = new ArrayList<>(samples);
      next.add(s);
      List<KpiSample> kept = next.subList(Math.max(0, next.size() - keep), next.size());
      return new State(
          versions, training, evaluating, deployment, lastRollback, kept, recommendations, made);
    }

    State withRecommendation(Recommendation r, int keep) {
      List<Recommendation> next = new ArrayList<>(recommendations);
      next.add(r);
      List<Recommendation> kept = next.subList(Math.max(0, next.size() - keep), next.size());
      return new State(
          versions, training, evaluating, deployment, lastRollback, samples, kept, made + 1);
    }

    State mapRecommendation(String id, Function<Recommendation, Recommendation> change) {
      List<Recommendation> next =
          recommendations.stream().map(r -> r.id().equals(id) ? change.apply(r) : r).toList();
      return new State(
          versions, training, evaluating, deployment, lastRollback, samples, next, made);
    }
  }

  // ---- behaviour ----

  public static void init(
      ActorSystem<?> system, PolicySettings settings, PolicyJobs jobs, Duration askTimeout) {
    EntityMetrics metrics = new EntityMetrics(VitrumMetrics.get(system).registry(), "policy");
    ClusterSharding sharding = ClusterSharding.get(system);
    PolicyPlant plant = PolicyPlant.furnaces(sharding, askTimeout);
    sharding.init(
        Entity.of(
            ENTITY_KEY,
            ctx -> create(ctx.getEntityId(), settings, jobs, plant, metrics, Clock.systemUTC())));
  }

  public static Behavior<Command> create(
      String furnaceId,
      PolicySettings settings,
      PolicyJobs jobs,
      PolicyPlant plant,
      EntityMetrics metrics,
      Clock clock) {
    return Behaviors.setup(
        ctx -> new Policy(ctx, furnaceId, settings, jobs, plant, metrics, clock));
  }

  private final ActorContext<Command> context;
  private final String furnaceId;
  private final PolicySettings settings;
  private final PolicyJobs jobs;
  private final PolicyPlant plant;
  private final EntityMetrics metrics;
  private final Clock clock;
  private final PendingReply pending = new PendingReply();
  // Live: the stop flag of the training this entity started, if one runs.
  private AtomicBoolean stopTraining;
  // Live: the evaluation whose job this entity started and the recommendations whose apply it
  // awaits from the furnace. A restart after a journal failure keeps them (the entity lives on and
  // their answers still come); a stopped node loses them, and recovery reports them interrupted.
  private String evaluationRunning;
  private final Set<String> applying = new HashSet<>();

  private Policy(
      ActorContext<Command> context,
      String furnaceId,
      PolicySettings settings,
      PolicyJobs jobs,
      PolicyPlant plant,
      EntityMetrics metrics,
      Clock clock) {
    super(PersistenceId.of(ENTITY_KEY.name(), furnaceId), PersistFailure.restartWithBackoff());
    this.context = context;
    this.furnaceId = furnaceId;
    this.settings = settings;
    this.jobs = jobs;
    this.plant = plant;
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
        .onSignal(
            RecoveryCompleted.instance(),
            state -> {
              boolean applying =
                  state.recommendations().stream()
                      .anyMatch(r -> r.status() == RecommendationStatus.APPROVED);
              if (state.trainingUnderWay() || state.evaluating() != null || applying) {
                context.getSelf().tell(Interrupted.INSTANCE);
              }
            })
        .onSignal(PreRestart.instance(), state -> pending.persistFailed())
        .onSignal(PostStop.instance(), state -> stopAndFail())
        .build();
  }

  private void stopAndFail() {
    if (stopTraining != null) {
      stopTraining.set(true);
    }
    pending.persistFailed();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Train.class, this::onTrain)
        .onCommand(StopTraining.class, this::onStopTraining)
        .onCommand(TrainingIterated.class, this::onTrainingIterated)
        .onCommand(TrainingDone.class, this::onTrainingDone)
        .onCommand(AddVersion.class, this::onAddVersion)
        .onCommand(Evaluate.class, this::onEvaluate)
        .onCommand(EvaluationDone.class, this::onEvaluationDone)
        .onCommand(Deploy.class, this::onDeploy)
        .onCommand(Rollback.class, this::onRollback)
        .onCommand(FurnaceModeSet.class, this::onFurnaceModeSet)
        .onCommand(ReportKpis.class, this::onReportKpis)
        .onCommand(Recommend.class, this::onRecommend)
        .onCommand(Approve.class, this::onApprove)
        .onCommand(Reject.class, this::onReject)
        .onCommand(FurnaceApplied.class, this::onFurnaceApplied)
        .onCommand(RecordEffect.class, this::onRecordEffect)
        .onCommand(Interrupted.class, this::onInterrupted)
        .onCommand(GetPolicy.class, (state, cmd) -> Effect().reply(cmd.replyTo(), view(state)))
        .build();
  }

  // ---- training and evaluation ----

  private ReplyEffect<Event, State> onTrain(State state, Train cmd) {
    Optional<Rejection> rejection =
        cmd.iterations() < 1 || cmd.iterations() > MAX_ITERATIONS
            ? Optional.of(
                Rejection.of(
                    RejectionCode.INVALID_CONFIG,
                    "iterations must be 1 to " + MAX_ITERATIONS + ", not " + cmd.iterations()))
            : SetpointCheck.requester(cmd.requestedBy());
    if (rejection.isEmpty() && state.trainingUnderWay()) {
      rejection =
          Optional.of(
              Rejection.of(
                  RejectionCode.BUSY,
                  "furnace "
                      + furnaceId
                      + " is training already (since "
                      + state.training().startedAt()
                      + "): stop it first"));
    }
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "Train", rejection.get());
    }
    int highest = state.highest();
    return persist(
        List.of(new TrainingStarted(cmd.iterations(), cmd.requestedBy(), clock.instant())),
        "Train",
        cmd.replyTo(),
        s -> startTraining(cmd.iterations(), highest),
        "training to " + cmd.iterations() + " iterations");
  }

  private void startTraining(int iterations, int highest) {
    AtomicBoolean stop = new AtomicBoolean();
    stopTraining = stop;
    ActorRef<Command> self = context.getSelf();
    jobs.train(furnaceId, iterations, highest, p -> self.tell(new TrainingIterated(p)), stop::get)
        .whenComplete(
            (version, failure) ->
                self.tell(
                    failure != null
                        ? new TrainingDone(null, message(failure))
                        : new TrainingDone(version.orElse(null), null)));
  }

  private ReplyEffect<Event, State> onStopTraining(State state, StopTraining cmd) {
    if (!state.trainingUnderWay()) {
      metrics.accepted("StopTraining");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("not training"));
    }
    if (stopTraining != null) {
      stopTraining.set(true);
    }
    metrics.accepted("StopTraining");
    return Effect()
        .reply(
            cmd.replyTo(),
            Confirmation.accepted(
                "stopping after the current iteration; training again resumes from there"));
  }

  private ReplyEffect<Event, State> onTrainingIterated(State state, TrainingIterated cmd) {
    if (!state.trainingUnderWay()) {
      return Effect().noReply();
    }
    return Effect().persist(new TrainingProgressed(cmd.progress())).thenNoReply();
  }

  private ReplyEffect<Event, State> onTrainingDone(State state, TrainingDone cmd) {
    stopTraining = null;
    if (!state.trainingUnderWay()) {
      return Effect().noReply();
    }
    Instant now = clock.instant();
    int done = state.training().curve().size();
    if (cmd.failure() != null) {
      return Effect()
          .persist(new TrainingEnded(TrainingRun.Status.FAILED, null, cmd.failure(), now))
          .thenNoReply();
    }
    if (cmd.version() == null) {
      return Effect()
          .persist(
              new TrainingEnded(
                  TrainingRun.Status.STOPPED,
                  null,
                  "stopped after "
                      + done
                      + " iterations of this run; training again resumes from its checkpoint",
                  now))
          .thenNoReply();
    }
    PolicyVersion v = cmd.version();
    return Effect()
        .persist(
            List.of(
                new VersionAdded(v),
                new TrainingEnded(
                    TrainingRun.Status.FINISHED,
                    v.version(),
                    "published " + v.version() + summary(v.evaluation()),
                    now)))
        .thenNoReply();
  }

  private ReplyEffect<Event, State> onAddVersion(State state, AddVersion cmd) {
    if (state
        .version(cmd.version().version())
        .filter(v -> v.version().equals(cmd.version().version()))
        .isPresent()) {
      metrics.accepted("AddVersion");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("known"));
    }
    return persist(
        List.of(new VersionAdded(cmd.version())),
        "AddVersion",
        cmd.replyTo(),
        s -> {},
        "version added");
  }

  private ReplyEffect<Event, State> onEvaluate(State state, Evaluate cmd) {
    Optional<PolicyVersion> version = state.version(cmd.version());
    Optional<Rejection> rejection =
        version.isEmpty()
            ? Optional.of(unknownVersion(cmd.version()))
            : SetpointCheck.requester(cmd.requestedBy());
    if (rejection.isEmpty() && state.evaluating() != null) {
      rejection =
          Optional.of(
              Rejection.of(
                  RejectionCode.BUSY,
                  "furnace " + furnaceId + " is evaluating " + state.evaluating() + " already"));
    }
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "Evaluate", rejection.get());
    }
    PolicyVersion v = version.get();
    ActorRef<Command> self = context.getSelf();
    return persist(
        List.of(new EvaluationStarted(v.version(), cmd.requestedBy(), clock.instant())),
        "Evaluate",
        cmd.replyTo(),
        s -> {
          evaluationRunning = v.version();
          jobs.evaluate(v)
              .whenComplete(
                  (report, failure) ->
                      self.tell(
                          new EvaluationDone(
                              v.version(),
                              failure == null ? report : null,
                              failure == null ? null : message(failure))));
        },
        "evaluating " + v.version() + " on the held-out twin scenarios");
  }

  private ReplyEffect<Event, State> onEvaluationDone(State state, EvaluationDone cmd) {
    if (cmd.version().equals(evaluationRunning)) {
      evaluationRunning = null;
    }
    if (!cmd.version().equals(state.evaluating())) {
      return Effect().noReply();
    }
    return Effect()
        .persist(new EvaluationEnded(cmd.version(), cmd.report(), cmd.failure(), clock.instant()))
        .thenNoReply();
  }

  // ---- deployment ----

  private ReplyEffect<Event, State> onDeploy(State state, Deploy cmd) {
    Optional<PolicyVersion> version = state.version(cmd.version());
    Optional<Rejection> rejection =
        version.isEmpty()
            ? Optional.of(unknownVersion(cmd.version()))
            : cmd.mode() == null
                ? Optional.of(Rejection.of(RejectionCode.UNKNOWN_MODE, "a deployment needs a mode"))
                : SetpointCheck.requester(cmd.requestedBy())
                    .or(() -> FreeText.check("reason", cmd.reason(), FreeText.REASON_MAX))
                    .or(() -> deployable(version.get(), cmd.force()));
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "Deploy", rejection.get());
    }
    PolicyVersion v = version.get();
    Deployment current = state.deployment();
    if (current != null && current.version().equals(v.version()) && current.mode() == cmd.mode()) {
      metrics.accepted("Deploy");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("unchanged"));
    }
    Instant now = clock.instant();
    List<Cusum> detectors =
        current != null && current.version().equals(v.version())
            ? current.detectors()
            : detectors(state.samplesSince(now, settings.baselineMaxAge()));
    String reason =
        cmd.reason() == null || cmd.reason().isBlank() ? "deployed " + v.version() : cmd.reason();
    Deployment deployment =
        new Deployment(v.version(), cmd.mode(), cmd.requestedBy(), reason, now, detectors);
    String done =
        "deployed "
            + v.version()
            + " in "
            + cmd.mode()
            + " mode; "
            + (detectors.isEmpty()
                ? "collecting its KPI baseline first ("
                    + settings.baselineSamples()
                    + " samples) before it proposes"
                : "its KPI baseline is set");
    return persistThenFurnaceMode(
        new Deployed(deployment),
        "Deploy",
        cmd.replyTo(),
        cmd.mode(),
        cmd.requestedBy(),
        v.version() + " deployed: " + reason,
        done,
        () -> CompletableFuture.completedFuture(""));
  }

  private static Optional<Rejection> deployable(PolicyVersion v, boolean force) {
    EvaluationReport e = v.evaluation();
    if (e == null) {
      return Optional.of(
          Rejection.of(
              RejectionCode.POLICY_NOT_EVALUATED,
              v.version() + " has no held-out evaluation: evaluate it first"));
    }
    if (e.policy().boundViolations() > 0) {
      return Optional.of(
          Rejection.of(
              RejectionCode.POLICY_UNSAFE,
              v.version()
                  + " broke the safe bounds "
                  + e.policy().boundViolations()
                  + " times in its evaluation: it is never deployed"));
    }
    if (!e.goalMet() && !force) {
      return Optional.of(
          Rejection.of(
              RejectionCode.POLICY_BELOW_GOAL,
              v.version()
                  + " missed the goal on held-out scenarios"
                  + summary(e)
                  + ": deploy it with force to override"));
    }
    return Optional.empty();
  }

  private ReplyEffect<Event, State> onRollback(State state, Rollback cmd) {
    Optional<Rejection> rejection =
        state.deployment() == null
            ? Optional.of(
                Rejection.of(
                    RejectionCode.POLICY_NOT_DEPLOYED,
                    "furnace " + furnaceId + " has no deployed policy to roll back"))
            : SetpointCheck.requester(cmd.requestedBy())
                .or(() -> FreeText.check("reason", cmd.reason(), FreeText.REASON_MAX));
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "Rollback", rejection.get());
    }
    String reason =
        cmd.reason() == null || cmd.reason().isBlank() ? "rolled back by hand" : cmd.reason();
    Deployment d = state.deployment();
    PolicyRollback rollback =
        new PolicyRollback(
            d.version(),
            false,
            cmd.requestedBy(),
            reason,
            null,
            clock.instant(),
            SetpointRestore.of(state.recommendations(), d.at()));
    return persistThenFurnaceMode(
        new RolledBack(rollback),
        "Rollback",
        cmd.replyTo(),
        AutonomyMode.ADVISORY,
        cmd.requestedBy(),
        d.version() + " rolled back: " + reason,
        "rolled back " + d.version() + "; the furnace is advisory",
        () -> restore(d, rollback));
  }

  /**
   * Puts back {@code rollback}'s setpoints through the furnace, before its mode leaves autonomous,
   * for an autonomous deployment; what became of each, in words ({@code ""} with none).
   */
  private CompletionStage<String> restore(Deployment d, PolicyRollback rollback) {
    if (d.mode() != AutonomyMode.AUTONOMOUS || rollback.restores().isEmpty()) {
      return CompletableFuture.completedFuture("");
    }
    List<CompletableFuture<String>> each = new ArrayList<>();
    rollback
        .restores()
        .forEach(
            (key, value) ->
                each.add(
                    plant
                        .changeSetpoint(
                            furnaceId,
                            key,
                            value,
                            SetpointOrigin.POLICY,
                            d.version(),
                            "rollback of " + d.version() + ": back toward the value it found")
                        .handle((answer, failure) -> restored(key, value, answer, failure))
                        .toCompletableFuture()));
    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
        .thenApply(
            v ->
                "; "
                    + each.stream().map(CompletableFuture::join).collect(Collectors.joining("; ")));
  }

  private static String restored(String key, double value, Confirmation answer, Throwable failure) {
    if (failure == null && answer instanceof Confirmation.Accepted) {
      return String.format(Locale.ROOT, "%s restored to %.2f", key, value);
    }
    return key
        + " not restored: "
        + (failure != null
            ? message(failure)
            : ((Confirmation.Rejected) answer).rejection().reason());
  }

  private ReplyEffect<Event, State> persistThenFurnaceMode(
      Event event,
      String command,
      ActorRef<Confirmation> replyTo,
      AutonomyMode mode,
      String by,
      String reason,
      String done,
      Supplier<CompletionStage<String>> before) {
    long start = System.nanoTime();
    pending.expect(replyTo, Confirmation::rejected);
    return Effect()
        .persist(event)
        .thenRun(
            s -> {
              pending.settled();
              metrics.persisted(start);
              metrics.accepted(command);
              furnaceModeAfter(before.get(), mode, by, reason, done, replyTo);
            })
        .thenNoReply();
  }

  /**
   * Once {@code first} is done, sets the furnace's mode and tells this entity the outcome: {@code
   * done} followed by what {@code first} said.
   */
  private void furnaceModeAfter(
      CompletionStage<String> first,
      AutonomyMode mode,
      String by,
      String reason,
      String done,
      ActorRef<Confirmation> replyTo) {
    ActorRef<Command> self = context.getSelf();
    first
        .thenCompose(
            said ->
                setFurnaceMode(mode, by, reason)
                    .handle(
                        (answer, failure) ->
                            new FurnaceModeSet(
                                done + said,
                                failure == null ? answer : unreachable(failure),
                                replyTo)))
        .thenAccept(self::tell);
  }

  private CompletionStage<Confirmation> setFurnaceMode(
      AutonomyMode mode, String by, String reason) {
    return plant.setAutonomyMode(furnaceId, mode, by, FreeText.truncate(reason));
  }

  private ReplyEffect<Event, State> onFurnaceModeSet(State state, FurnaceModeSet cmd) {
    if (cmd.replyTo() == null) {
      context.getLog().info("Policy of {}: {}", furnaceId, cmd.done());
      return Effect().noReply();
    }
    Confirmation answer =
        cmd.answer() instanceof Confirmation.Rejected r
            ? Confirmation.rejected(
                r.rejection().code(),
                cmd.done() + ", but the furnace refused its mode: " + r.rejection().reason())
            : Confirmation.accepted(cmd.done());
    return Effect().reply(cmd.replyTo(), answer);
  }

  // ---- KPIs and the degradation test ----

  private ReplyEffect<Event, State> onReportKpis(State state, ReportKpis cmd) {
    Optional<Rejection> rejection = checkKpis(cmd.kpis());
    if (rejection.isEmpty() && cmd.at() == null) {
      rejection = Optional.of(Rejection.of(RejectionCode.INVALID_CONFIG, "KPIs need a time"));
    }
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "ReportKpis", rejection.get());
    }
    KpiSample sample = new KpiSample(cmd.at(), cmd.kpis());
    List<Event> events = new ArrayList<>();
    events.add(new KpisObserved(sample));
    Deployment d = state.deployment();
    String detail = "observed";
    if (d != null && !d.watching()) {
      List<KpiSample> since =
          new ArrayList<>(state.samplesSince(d.at(), settings.baselineMaxAge()));
      since.add(sample);
      List<Cusum> detectors = detectors(since);
      if (!detectors.isEmpty()) {
        events.add(new BaselineSet(detectors, clock.instant()));
        detail = "baseline set from " + since.size() + " samples";
      }
    } else if (d != null && settling(state, sample.at())) {
      detail = "observed while the furnace settles after the policy's last change";
    } else if (d != null) {
      DegradationMonitor after = DegradationMonitor.resume(d.detectors()).add(cmd.kpis());
      Optional<DegradationEvidence> fired = after.firstFired();
      if (fired.isPresent()) {
        String reason = "automatic rollback: " + fired.get().describe();
        PolicyRollback rollback =
            new PolicyRollback(
                d.version(),
                true,
                SELF,
                reason,
                fired.get(),
                clock.instant(),
                SetpointRestore.of(state.recommendations(), d.at()));
        events.add(new RolledBack(rollback));
        return persist(
            events,
            "ReportKpis",
            cmd.replyTo(),
            s ->
                furnaceModeAfter(
                    restore(d, rollback),
                    AutonomyMode.ADVISORY,
                    SELF,
                    d.version() + " " + reason,
                    reason,
                    null),
            reason);
      }
    }
    return persist(events, "ReportKpis", cmd.replyTo(), s -> {}, detail);
  }

  /**
   * Whether a sample taken {@code at} falls in the settling time after the deployment's latest
   * change: the furnace is still moving to the change (the boost counts at once, the melt and its
   * gas follow over tens of minutes), and such samples do not feed the degradation test.
   */
  private boolean settling(State state, Instant at) {
    return state.lastChange().map(c -> at.isBefore(c.plus(settings.settleAfter()))).orElse(false);
  }

  /**
   * When the deployment may propose again: after its latest change settled and was watched for
   * {@code watch-after-settling}, so that the degradation test judges every change; empty when no
   * change was made.
   */
  private Optional<Instant> proposesFrom(State state) {
    return state
        .lastChange()
        .map(c -> c.plus(settings.settleAfter()).plus(settings.watchAfterSettling()));
  }

  /** The detectors of a baseline of {@code samples}; none with too few. */
  private List<Cusum> detectors(List<KpiSample> samples) {
    if (samples.size() < settings.baselineSamples()) {
      return List.of();
    }
    List<KpiSample> window =
        samples.subList(Math.max(0, samples.size() - settings.baselineWindow()), samples.size());
    List<KpiBaseline> baselines =
        PolicyKpis.baselines(
            window.stream().map(KpiSample::kpis).toList(), settings.minRelativeStd());
    return DegradationMonitor.start(baselines, settings.cusumSlack(), settings.cusumThreshold())
        .detectors();
  }

  private static Optional<Rejection> checkKpis(Map<String, Double> kpis) {
    if (kpis == null || !kpis.keySet().containsAll(PolicyKpis.WATCHED.keySet())) {
      return Optional.of(
          Rejection.of(
              RejectionCode.INVALID_CONFIG, "KPIs must name " + PolicyKpis.WATCHED.keySet()));
    }
    for (Map.Entry<String, Double> e : kpis.entrySet()) {
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        return Optional.of(
            Rejection.of(RejectionCode.NOT_FINITE, "KPI " + e.getKey() + " is not finite"));
      }
    }
    return Optional.empty();
  }

  // ---- recommendations ----

  private ReplyEffect<Event, State> onRecommend(State state, Recommend cmd) {
    Deployment d = state.deployment();
    Optional<Rejection> rejection =
        d == null
            ? Optional.of(
                Rejection.of(
                    RejectionCode.POLICY_NOT_DEPLOYED,
                    "furnace " + furnaceId + " has no deployed policy"))
            : !d.version().equals(cmd.version())
                ? Optional.of(
                    Rejection.of(
                        RejectionCode.POLICY_NOT_DEPLOYED,
                        cmd.version() + " is not deployed on " + furnaceId + ": " + d.version()))
                : !d.watching()
                    ? Optional.of(
                        Rejection.of(
                            RejectionCode.POLICY_NOT_READY,
                            d.version()
                                + " is collecting its KPI baseline: it proposes nothing yet"))
                    : settled(state)
                        .or(() -> checkKpis(cmd.kpis()))
                        .or(() -> checkProposals(cmd.proposals()));
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "Recommend", rejection.get());
    }
    Instant now = clock.instant();
    List<Event> events = new ArrayList<>(lapse(state, now));
    List<Recommendation> made = new ArrayList<>();
    long number = state.made();
    boolean autonomous = d.mode() == AutonomyMode.AUTONOMOUS;
    for (Proposal p : cmd.proposals()) {
      String id = furnaceId + "." + (++number);
      for (Recommendation open : state.recommendations()) {
        if (open.parameter().equals(p.parameter())
            && open.status() == RecommendationStatus.OPEN
            && !open.lapsed(now)) {
          events.add(
              new RecommendationClosed(
                  open.id(), RecommendationStatus.SUPERSEDED, null, "superseded by " + id, now));
        }
      }
      Recommendation r =
          new Recommendation(
              id,
              d.version(),
              d.mode(),
              p.parameter(),
              p.current(),
              p.proposed(),
              p.expectedEffect(),
              cmd.kpis(),
              FreeText.truncate(p.reason()),
              now,
              now.plus(settings.approvalTimeout()),
              autonomous ? RecommendationStatus.APPROVED : RecommendationStatus.OPEN,
              autonomous ? d.version() : null,
              autonomous ? "applying in autonomous mode" : null,
              null,
              null,
              null);
      made.add(r);
      events.add(new RecommendationMade(r));
    }
    String ids = String.join(", ", made.stream().map(Recommendation::id).toList());
    return persist(
        events,
        "Recommend",
        cmd.replyTo(),
        s -> {
          if (autonomous) {
            made.forEach(
                r ->
                    apply(
                        r,
                        SetpointOrigin.POLICY,
                        d.version(),
                        "recommendation " + r.id() + ": " + r.reason(),
                        null));
          }
        },
        made.isEmpty() ? "nothing to propose" : (autonomous ? "applying " : "proposed ") + ids);
  }

  /** Why the deployment may not propose yet after its latest change, if it may not. */
  private Optional<Rejection> settled(State state) {
    Instant now = clock.instant();
    return proposesFrom(state)
        .filter(from -> now.isBefore(from))
        .map(
            from ->
                Rejection.of(
                    RejectionCode.POLICY_NOT_READY,
                    state.deployment().version()
                        + " waits for its last change to settle and be watched: it proposes again"
                        + " from "
                        + from));
  }

  /** The events that close the open recommendations that have lapsed by {@code now}. */
  private List<Event> lapse(State state, Instant now) {
    return state.recommendations().stream()
        .filter(r -> r.lapsed(now))
        .<Event>map(
            r ->
                new RecommendationClosed(
                    r.id(),
                    RecommendationStatus.EXPIRED,
                    null,
                    "no decision within " + settings.approvalTimeout(),
                    now))
        .toList();
  }

  private static Optional<Rejection> checkProposals(List<Proposal> proposals) {
    if (proposals == null) {
      return Optional.of(Rejection.of(RejectionCode.INVALID_SETPOINT, "no proposals"));
    }
    for (Proposal p : proposals) {
      if (SetpointParameter.byKey(p.parameter()).isEmpty()) {
        return Optional.of(
            Rejection.of(
                RejectionCode.UNKNOWN_PARAMETER,
                "unknown setpoint parameter '" + p.parameter() + "'"));
      }
      if (!Double.isFinite(p.proposed()) || !Double.isFinite(p.current())) {
        return Optional.of(
            Rejection.of(RejectionCode.NOT_FINITE, p.parameter() + ": a value is not finite"));
      }
    }
    return Optional.empty();
  }

  private void apply(
      Recommendation r,
      SetpointOrigin origin,
      String by,
      String reason,
      ActorRef<Confirmation> replyTo) {
    ActorRef<Command> self = context.getSelf();
    applying.add(r.id());
    plant
        .changeSetpoint(
            furnaceId, r.parameter(), r.proposed(), origin, by, FreeText.truncate(reason))
        .whenComplete(
            (answer, failure) ->
                self.tell(
                    new FurnaceApplied(
                        r.id(), failure == null ? answer : unreachable(failure), replyTo)));
  }

  private ReplyEffect<Event, State> onApprove(State state, Approve cmd) {
    Instant now = clock.instant();
    Optional<Rejection> rejection =
        decidable(state, cmd.id(), now).or(() -> SetpointCheck.requester(cmd.by()));
    Recommendation r = state.recommendation(cmd.id()).orElse(null);
    if (rejection.isEmpty() && r.lapsed(now)) {
      return expire(r, now, "Approve", cmd.replyTo());
    }
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "Approve", rejection.get());
    }
    long start = System.nanoTime();
    pending.expect(cmd.replyTo(), Confirmation::rejected);
    return Effect()
        .persist(new RecommendationApproved(r.id(), cmd.by(), now))
        .thenRun(
            s -> {
              pending.settled();
              metrics.persisted(start);
              metrics.accepted("Approve");
              apply(
                  r,
                  SetpointOrigin.OPERATOR,
                  cmd.by(),
                  "approved recommendation " + r.id() + " of " + r.version() + ": " + r.reason(),
                  cmd.replyTo());
            })
        .thenNoReply();
  }

  private ReplyEffect<Event, State> onReject(State state, Reject cmd) {
    Instant now = clock.instant();
    Optional<Rejection> rejection =
        decidable(state, cmd.id(), now)
            .or(() -> SetpointCheck.requester(cmd.by()))
            .or(() -> FreeText.check("reason", cmd.reason(), FreeText.REASON_MAX));
    Recommendation r = state.recommendation(cmd.id()).orElse(null);
    if (rejection.isEmpty() && r.lapsed(now)) {
      return expire(r, now, "Reject", cmd.replyTo());
    }
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "Reject", rejection.get());
    }
    String why = cmd.reason() == null || cmd.reason().isBlank() ? "rejected" : cmd.reason();
    return persist(
        List.of(
            new RecommendationClosed(r.id(), RecommendationStatus.REJECTED, cmd.by(), why, now)),
        "Reject",
        cmd.replyTo(),
        s -> {},
        "rejected " + r.id());
  }

  /** Why recommendation {@code id} takes no decision, if it does not (lapse aside). */
  private Optional<Rejection> decidable(State state, String id, Instant now) {
    Optional<Recommendation> r = state.recommendation(id);
    if (r.isEmpty()) {
      return Optional.of(
          Rejection.of(
              RejectionCode.UNKNOWN_RECOMMENDATION,
              "furnace " + furnaceId + " has no recommendation '" + id + "'"));
    }
    if (r.get().status() != RecommendationStatus.OPEN) {
      return Optional.of(
          Rejection.of(
              RejectionCode.RECOMMENDATION_CLOSED,
              "recommendation "
                  + id
                  + " is "
                  + r.get().status().name().toLowerCase(Locale.ROOT)
                  + (r.get().detail() == null ? "" : ": " + r.get().detail())));
    }
    return Optional.empty();
  }

  private ReplyEffect<Event, State> expire(
      Recommendation r, Instant now, String command, ActorRef<Confirmation> replyTo) {
    metrics.rejected(command, RejectionCode.RECOMMENDATION_CLOSED.wire());
    Rejection lapsed =
        Rejection.of(
            RejectionCode.RECOMMENDATION_CLOSED,
            "recommendation " + r.id() + " expired at " + r.expiresAt() + " without a decision");
    return Effect()
        .persist(
            new RecommendationClosed(
                r.id(),
                RecommendationStatus.EXPIRED,
                null,
                "no decision within " + settings.approvalTimeout(),
                now))
        .thenReply(replyTo, s -> Confirmation.rejected(lapsed));
  }

  private ReplyEffect<Event, State> onFurnaceApplied(State state, FurnaceApplied cmd) {
    applying.remove(cmd.id());
    Optional<Recommendation> r = state.recommendation(cmd.id());
    boolean applied = cmd.answer() instanceof Confirmation.Accepted;
    String detail =
        cmd.answer() instanceof Confirmation.Rejected rejected
            ? "the furnace refused it: " + rejected.rejection().reason()
            : "the furnace accepted it: " + ((Confirmation.Accepted) cmd.answer()).detail();
    if (r.isEmpty() || r.get().status() != RecommendationStatus.APPROVED) {
      return cmd.replyTo() == null
          ? Effect().noReply()
          : Effect().reply(cmd.replyTo(), cmd.answer());
    }
    Event outcome =
        new RecommendationClosed(
            cmd.id(),
            applied ? RecommendationStatus.APPLIED : RecommendationStatus.FAILED,
            null,
            FreeText.truncate(detail),
            clock.instant());
    if (cmd.replyTo() == null) {
      return Effect().persist(outcome).thenNoReply();
    }
    Confirmation answer =
        applied ? Confirmation.accepted("applied " + cmd.id() + "; " + detail) : cmd.answer();
    return Effect().persist(outcome).thenReply(cmd.replyTo(), s -> answer);
  }

  private ReplyEffect<Event, State> onRecordEffect(State state, RecordEffect cmd) {
    Optional<Recommendation> r = state.recommendation(cmd.id());
    Optional<Rejection> rejection =
        r.isEmpty()
            ? Optional.of(
                Rejection.of(
                    RejectionCode.UNKNOWN_RECOMMENDATION,
                    "furnace " + furnaceId + " has no recommendation '" + cmd.id() + "'"))
            : r.get().status() != RecommendationStatus.APPLIED
                ? Optional.of(
                    Rejection.of(
                        RejectionCode.RECOMMENDATION_CLOSED,
                        "recommendation " + cmd.id() + " was not applied"))
                : cmd.effect() == null
                        || cmd.effect().values().stream()
                            .anyMatch(v -> v == null || !Double.isFinite(v))
                    ? Optional.of(Rejection.of(RejectionCode.NOT_FINITE, "an effect is not finite"))
                    : Optional.empty();
    if (rejection.isPresent()) {
      return reject(cmd.replyTo(), "RecordEffect", rejection.get());
    }
    if (r.get().measuredEffect() != null) {
      metrics.accepted("RecordEffect");
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("measured already"));
    }
    return persist(
        List.of(new EffectMeasured(cmd.id(), cmd.effect(), clock.instant())),
        "RecordEffect",
        cmd.replyTo(),
        s -> {},
        "effect recorded");
  }

  private ReplyEffect<Event, State> onInterrupted(State state, Interrupted cmd) {
    Instant now = clock.instant();
    List<Event> events = new ArrayList<>();
    if (state.trainingUnderWay() && stopTraining == null) {
      events.add(
          new TrainingEnded(
              TrainingRun.Status.STOPPED,
              null,
              "interrupted: the node stopped during training; training again resumes from its"
                  + " last checkpoint",
              now));
    }
    if (state.evaluating() != null && !state.evaluating().equals(evaluationRunning)) {
      events.add(
          new EvaluationEnded(
              state.evaluating(), null, "interrupted: the node stopped during it", now));
    }
    state.recommendations().stream()
        .filter(r -> r.status() == RecommendationStatus.APPROVED && !applying.contains(r.id()))
        .forEach(
            r ->
                events.add(
                    new RecommendationClosed(
                        r.id(),
                        RecommendationStatus.FAILED,
                        null,
                        "the node stopped before the furnace answered: see the furnace's"
                            + " setpoint changes for whether it applied",
                        now)));
    return events.isEmpty() ? Effect().noReply() : Effect().persist(events).thenNoReply();
  }

  // ---- helpers ----

  private ReplyEffect<Event, State> persist(
      List<Event> events,
      String command,
      ActorRef<Confirmation> replyTo,
      Consumer<State> then,
      String detail) {
    long start = System.nanoTime();
    pending.expect(replyTo, Confirmation::rejected);
    return Effect()
        .persist(events)
        .thenRun(
            s -> {
              pending.settled();
              metrics.persisted(start);
              metrics.accepted(command);
              then.accept(s);
            })
        .thenReply(replyTo, s -> Confirmation.accepted(detail));
  }

  private ReplyEffect<Event, State> reject(
      ActorRef<Confirmation> replyTo, String command, Rejection rejection) {
    metrics.rejected(command, rejection.code().wire());
    return Effect().reply(replyTo, Confirmation.rejected(rejection));
  }

  private Rejection unknownVersion(String version) {
    return Rejection.of(
        RejectionCode.UNKNOWN_MODEL_VERSION,
        version == null
            ? "furnace " + furnaceId + " has no policy version yet: train one"
            : "furnace " + furnaceId + " has no policy version '" + version + "'");
  }

  private static Confirmation unreachable(Throwable failure) {
    return Confirmation.rejected(
        RejectionCode.PERSIST_FAILED, "the furnace did not answer: " + message(failure));
  }

  private static String message(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return FreeText.truncate(cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  private static String summary(EvaluationReport e) {
    if (e == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        " (energy per tonne %+.2f %%, defect ratio %.3f, %d bound violations)",
        -e.energySavingPct(),
        e.defectRatio(),
        e.policy().boundViolations());
  }

  private PolicyView view(State state) {
    Instant now = clock.instant();
    List<Recommendation> recs =
        state.recommendations().stream()
            .map(
                r ->
                    r.lapsed(now)
                        ? r.with(
                            RecommendationStatus.EXPIRED,
                            null,
                            "no decision within " + settings.approvalTimeout(),
                            r.expiresAt())
                        : r)
            .sorted(Comparator.comparing(Recommendation::createdAt).reversed())
            .toList();
    Deployment d = state.deployment();
    String status;
    if (d != null) {
      status = d.watching() ? "deployed" : "collecting-baseline";
    } else if (state.trainingUnderWay()) {
      status = "training";
    } else if (state.lastRollback() != null) {
      status = "rolled-back";
    } else {
      status = state.versions().isEmpty() ? "untrained" : "trained";
    }
    int baseline =
        d == null
            ? state.samplesSince(now, settings.baselineMaxAge()).size()
            : state.samplesSince(d.at(), settings.baselineMaxAge()).size();
    return new PolicyView(
        furnaceId,
        status,
        state.versions(),
        state.training(),
        state.evaluating(),
        d,
        Math.min(baseline, settings.baselineWindow()),
        state.lastChange().orElse(null),
        state.lastChange().map(c -> c.plus(settings.settleAfter())).orElse(null),
        proposesFrom(state).orElse(null),
        state.lastRollback(),
        recs);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(
            TrainingStarted.class,
            (s, e) -> s.withTraining(TrainingRun.started(e.iterations(), e.requestedBy(), e.at())))
        .onEvent(
            TrainingProgressed.class,
            (s, e) -> s.withTraining(s.training().progressed(e.progress())))
        .onEvent(
            TrainingEnded.class,
            (s, e) ->
                s.withTraining(s.training().ended(e.status(), e.version(), e.detail(), e.at())))
        .onEvent(VersionAdded.class, (s, e) -> s.withVersion(e.version()))
        .onEvent(EvaluationStarted.class, (s, e) -> s.withEvaluating(e.version()))
        .onEvent(
            EvaluationEnded.class,
            (s, e) -> {
              State next = s.withEvaluating(null);
              return e.report() == null
                  ? next
                  : next.withVersion(s.version(e.version()).orElseThrow().evaluated(e.report()));
            })
        .onEvent(Deployed.class, (s, e) -> s.withDeployment(e.deployment()))
        .onEvent(
            BaselineSet.class,
            (s, e) -> s.withDeployment(s.deployment().withDetectors(e.detectors())))
        .onEvent(
            KpisObserved.class,
            (s, e) -> {
              State next = s.withSample(e.sample(), settings.baselineWindow());
              Deployment d = s.deployment();
              if (d == null || !d.watching() || settling(s, e.sample().at())) {
                return next;
              }
              return next.withDeployment(
                  d.withDetectors(
                      DegradationMonitor.resume(d.detectors()).add(e.sample().kpis()).detectors()));
            })
        .onEvent(
            RolledBack.class,
            (s, e) ->
                s.withRollback(
                    e.rollback(),
                    s.recommendations().stream()
                        .map(
                            r ->
                                r.status() == RecommendationStatus.OPEN
                                    ? r.with(
                                        RecommendationStatus.EXPIRED,
                                        null,
                                        "the policy was rolled back",
                                        e.rollback().at())
                                    : r)
                        .toList()))
        .onEvent(
            RecommendationMade.class,
            (s, e) -> s.withRecommendation(e.recommendation(), settings.keepRecommendations()))
        .onEvent(
            RecommendationApproved.class,
            (s, e) ->
                s.mapRecommendation(
                    e.id(), r -> r.with(RecommendationStatus.APPROVED, e.by(), "applying", e.at())))
        .onEvent(
            RecommendationClosed.class,
            (s, e) ->
                s.mapRecommendation(e.id(), r -> r.with(e.status(), e.by(), e.detail(), e.at())))
        .onEvent(
            EffectMeasured.class,
            (s, e) -> s.mapRecommendation(e.id(), r -> r.measured(e.effect())))
        .build();
  }
}
