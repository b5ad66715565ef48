package io.vitrum.actors.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SetpointRecord;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.testing.TestClock;
import io.vitrum.actors.testing.TestConfigs;
import io.vitrum.core.physics.DefectClass;
import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.SetpointCheck;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.rl.ControllerResult;
import io.vitrum.core.rl.Cusum;
import io.vitrum.core.rl.DegradationEvidence;
import io.vitrum.core.rl.EvaluationReport;
import io.vitrum.core.rl.KpiBaseline;
import io.vitrum.core.rl.PolicyKpis;
import io.vitrum.core.rl.SafetyShield;
import io.vitrum.core.rl.TrainingProgress;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.TwinState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Policy entity with its settings from {@code vitrum.policy}, a fake of its jobs and, as its
 * plant, a real Furnace entity asked as {@link PolicyPlant#furnaces} asks the sharded one. Time is
 * a {@link TestClock}; KPI samples are the twin's estimate of a nominal furnace, with seeded noise.
 */
@ExtendWith(LogCapturingExtension.class)
class PolicyTest {
  private static final Instant NOW = Instant.parse("2026-12-10T06:00:00Z");
  private static final Duration ASK = Duration.ofSeconds(3);
  private static final Duration AWAIT = Duration.ofSeconds(5);
  private static final Duration SAMPLE_PERIOD = Duration.ofMinutes(1);
  private static final long SEED = 20261210L;

  /** The relative spread of a steady furnace's KPIs from one sample to the next. */
  private static final double NOISE = 0.005;

  private static final SafetyShield SHIELD = SafetyShield.containerDefaults();
  private static final SetpointParameter CROWN = SetpointParameter.CROWN_TEMPERATURE;
  private static final SetpointParameter O2 = SetpointParameter.EXCESS_O2;
  private static final SetpointParameter LEHR = SetpointParameter.LEHR_COOLING_RATE;
  private static final AtomicInteger FURNACES = new AtomicInteger();

  private static ActorTestKit testKit;
  private static PolicySettings settings;
  private static Map<String, Double> steady;

  private final TestClock clock = new TestClock(NOW);
  private final FakeJobs jobs = new FakeJobs();
  private String furnaceId;
  private ActorRef<Furnace.Command> furnace;
  private EventSourcedBehaviorTestKit<Policy.Command, Policy.Event, Policy.State> kit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(TestConfigs.eventSourcedUnitTest());
    settings = PolicySettings.create(testKit.system().settings().config());
    TwinState twin = DigitalTwin.containerDefaults().start("twin");
    steady =
        PolicyKpis.of(
            twin.furnace().outputs(), twin.disturbances(), DefectModel.containerDefaults());
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    // A furnace of its own per test: the in-memory journal outlives each test's entities.
    furnaceId = "PT" + FURNACES.incrementAndGet();
    furnace =
        testKit.spawn(
            Furnace.create(
                furnaceId,
                new FurnaceSettings(3),
                new EntityMetrics(new SimpleMeterRegistry(), "furnace"),
                clock));
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Policy.create(
                furnaceId,
                settings,
                jobs,
                plant(furnaceId, furnace),
                new EntityMetrics(new SimpleMeterRegistry(), "policy"),
                clock),
            TestConfigs.unserializedCommands());
    kit.clear();
  }

  @AfterEach
  void tearDown() {
    testKit.stop(furnace);
  }

  // ---- deployment ----

  @Test
  void deployRefusesAVersionWithoutEvaluationOrWithBoundViolationsAndOneThatMissedTheGoal() {
    assertEquals(
        RejectionCode.UNKNOWN_MODEL_VERSION,
        rejection(deploy(null, AutonomyMode.SUPERVISED, false)).code(),
        "nothing trained yet");

    add(version(1, null));
    Rejection unevaluated = rejection(deploy("policy/1", AutonomyMode.SUPERVISED, true));
    assertEquals(RejectionCode.POLICY_NOT_EVALUATED, unevaluated.code());
    assertTrue(unevaluated.reason().contains("no held-out evaluation"), unevaluated::reason);

    EvaluationReport violating = report(0.95, 3);
    jobs.evaluation = v -> CompletableFuture.completedFuture(violating);
    var evaluating = run(r -> new Policy.Evaluate("policy/1", "tina", r));
    accepted(evaluating);
    assertEquals("policy/1", only(evaluating, Policy.EvaluationStarted.class).version());
    await(
        () -> {
          Policy.State s = kit.getState();
          assertNull(s.evaluating());
          assertEquals(violating, s.version("policy/1").orElseThrow().evaluation());
        });
    for (boolean force : new boolean[] {false, true}) {
      Rejection broke = rejection(deploy("policy/1", AutonomyMode.AUTONOMOUS, force));
      assertEquals(RejectionCode.POLICY_UNSAFE, broke.code());
      assertTrue(broke.reason().contains("broke the safe bounds 3 times"), broke::reason);
    }

    EvaluationReport missed = report(0.99, 0);
    assertFalse(missed.goalMet(), "1 % saved is short of the goal");
    add(version(2, missed));
    Rejection missedGoal = rejection(deploy(null, AutonomyMode.SUPERVISED, false));
    assertEquals(RejectionCode.POLICY_BELOW_GOAL, missedGoal.code());
    assertTrue(missedGoal.reason().contains("missed the goal"), missedGoal::reason);
    assertTrue(missedGoal.reason().contains("with force"), missedGoal::reason);

    assertNull(kit.getState().deployment());
    assertEquals(AutonomyMode.ADVISORY, furnaceView().autonomyMode(), "the furnace was not asked");
    assertEquals("trained", view().status());
  }

  @Test
  void aVersionThatMissedTheGoalIsDeployedWhenForcedAndSetsTheFurnacesMode() {
    add(version(1, report(0.99, 0)));
    var forced = deploy(null, AutonomyMode.SUPERVISED, true);
    accepted(forced);
    Deployment d = only(forced, Policy.Deployed.class).deployment();
    assertEquals("policy/1", d.version());
    assertEquals(AutonomyMode.SUPERVISED, d.mode());
    assertEquals("olga", d.requestedBy());
    assertEquals(clock.instant(), d.at());
    assertEquals(AutonomyMode.SUPERVISED, furnaceView().autonomyMode());

    var again = deploy("policy/1", AutonomyMode.SUPERVISED, true);
    assertEquals(new Confirmation.Accepted("unchanged"), again.reply());
    assertTrue(again.hasNoEvents());
  }

  @Test
  void aDeploymentCollectsItsKpiBaselineFromTheConfiguredNumberOfSamplesBeforeItProposes() {
    add(version(1, report(0.95, 0)));
    var deployed = deploy(null, AutonomyMode.AUTONOMOUS, false);
    assertTrue(accepted(deployed).detail().contains("collecting"), deployed.reply()::toString);
    assertFalse(only(deployed, Policy.Deployed.class).deployment().watching());
    assertEquals(AutonomyMode.AUTONOMOUS, furnaceView().autonomyMode());
    assertEquals("collecting-baseline", view().status());
    assertEquals(
        RejectionCode.POLICY_NOT_READY,
        rejection(recommend(proposal(CROWN, CROWN.nominal() + 5))).code(),
        "no proposals while collecting");

    Random rnd = new Random(SEED);
    int needed = settings.baselineSamples();
    List<Map<String, Double>> reported = new ArrayList<>();
    for (int i = 1; i < needed; i++) {
      Map<String, Double> kpis = kpis(rnd, 0);
      reported.add(kpis);
      var observed = reportKpis(kpis);
      assertEquals(1, observed.events().size(), "sample " + i + " only observed");
      assertInstanceOf(Policy.KpisObserved.class, observed.event());
      assertFalse(kit.getState().deployment().watching());
      assertEquals(i, view().baselineSamples());
    }

    Map<String, Double> last = kpis(rnd, 0);
    reported.add(last);
    var completed = reportKpis(last);
    assertEquals(
        new Confirmation.Accepted("baseline set from " + needed + " samples"), completed.reply());
    List<Cusum> detectors = only(completed, Policy.BaselineSet.class).detectors();
    assertEquals(PolicyKpis.WATCHED.keySet(), kpisOf(detectors));
    for (Cusum c : detectors) {
      KpiBaseline b = c.baseline();
      double mean = reported.stream().mapToDouble(k -> k.get(b.kpi())).average().orElseThrow();
      assertEquals(mean, b.mean(), 1e-9 * Math.abs(mean), b.kpi());
      assertEquals(needed, b.samples(), b.kpi());
      assertEquals(PolicyKpis.WATCHED.get(b.kpi()), b.higherIsWorse(), b.kpi());
      assertTrue(b.std() >= settings.minRelativeStd() * Math.abs(mean) * (1 - 1e-12), b::toString);
      assertEquals(settings.cusumSlack(), c.slack());
      assertEquals(settings.cusumThreshold(), c.threshold());
      assertEquals(0, c.samples(), "the detectors start from the baseline");
    }
    Deployment d = kit.getState().deployment();
    assertTrue(d.watching());
    assertEquals(detectors, d.detectors());
    assertEquals("deployed", view().status());

    var proposed = recommend(proposal(CROWN, CROWN.nominal() + SHIELD.limit(CROWN).maxStep()));
    accepted(proposed);
  }

  @Test
  void recentSamplesFromBeforeTheDeploymentMakeItsBaselineAtOnce() {
    Random rnd = new Random(SEED);
    for (int i = 0; i < settings.baselineSamples(); i++) {
      reportKpis(kpis(rnd, 0));
    }
    add(version(1, report(0.95, 0)));
    var deployed = deploy(null, AutonomyMode.SUPERVISED, false);
    assertTrue(accepted(deployed).detail().contains("baseline is set"), deployed.reply()::toString);
    Deployment d = only(deployed, Policy.Deployed.class).deployment();
    assertTrue(d.watching());
    assertEquals(settings.baselineSamples(), d.detectors().get(0).baseline().samples());
    assertEquals("deployed", view().status());
  }

  @Test
  void samplesOlderThanTheBaselineMaxAgeAreNotPartOfABaseline() {
    Random rnd = new Random(SEED);
    for (int i = 0; i < settings.baselineSamples(); i++) {
      reportKpis(kpis(rnd, 0));
    }
    clock.advance(settings.baselineMaxAge().plus(SAMPLE_PERIOD));
    add(version(1, report(0.95, 0)));
    var deployed = deploy(null, AutonomyMode.SUPERVISED, false);
    assertFalse(only(deployed, Policy.Deployed.class).deployment().watching());
    assertEquals(0, view().baselineSamples());

    for (int i = 1; i < settings.baselineSamples(); i++) {
      assertTrue(
          reportKpis(kpis(rnd, 0)).events().stream()
              .noneMatch(Policy.BaselineSet.class::isInstance));
    }
    var completed = reportKpis(kpis(rnd, 0));
    assertEquals(
        settings.baselineSamples(),
        only(completed, Policy.BaselineSet.class).detectors().get(0).baseline().samples(),
        "only the fresh samples count");
  }

  // ---- autonomous mode ----

  @Test
  void inAutonomousModeARecommendationWithinBoundsIsAppliedToTheFurnaceAsThePolicysChange() {
    String version = deployWithBaseline(AutonomyMode.AUTONOMOUS, new Random(SEED));
    double current = furnaceView().setpoints().get(CROWN.key());
    double target = current - SHIELD.limit(CROWN).maxStep();

    var made = recommend(proposal(CROWN, target));
    Recommendation r = only(made, Policy.RecommendationMade.class).recommendation();
    assertEquals(new Confirmation.Accepted("applying " + r.id()), made.reply());
    assertEquals(RecommendationStatus.APPROVED, r.status());
    assertEquals(version, r.decidedBy());
    assertEquals(AutonomyMode.AUTONOMOUS, r.mode());

    await(() -> assertEquals(RecommendationStatus.APPLIED, recommendation(r.id()).status()));
    Recommendation applied = recommendation(r.id());
    assertEquals(clock.instant(), applied.appliedAt());
    assertTrue(applied.detail().startsWith("the furnace accepted it"), applied::detail);
    Furnace.FurnaceView f = furnaceView();
    assertEquals(target, f.setpoints().get(CROWN.key()));
    SetpointRecord change = f.changes().get(CROWN.key());
    assertEquals(SetpointOrigin.POLICY, change.origin());
    assertEquals(version, change.requestedBy());
    assertTrue(change.reason().contains(r.id()), change::reason);

    Map<String, Double> effect = Map.of(PolicyKpis.ENERGY, -0.04);
    var measured = run(c -> new Policy.RecordEffect(r.id(), effect, c));
    accepted(measured);
    assertEquals(effect, recommendation(r.id()).measuredEffect());
    assertTrue(run(c -> new Policy.RecordEffect(r.id(), effect, c)).hasNoEvents());
  }

  @Test
  void inAutonomousModeAProposalBeyondTheFurnacesBoundsFailsAndLeavesItsSetpoint() {
    deployWithBaseline(AutonomyMode.AUTONOMOUS, new Random(SEED));
    Furnace.FurnaceView before = furnaceView();
    double beyond = CROWN.max() + SHIELD.limit(CROWN).maxStep();

    var made = recommend(proposal(CROWN, beyond));
    Recommendation r = only(made, Policy.RecommendationMade.class).recommendation();
    accepted(made);

    await(() -> assertEquals(RecommendationStatus.FAILED, recommendation(r.id()).status()));
    Recommendation failed = recommendation(r.id());
    String furnaceReason = SetpointCheck.withinBounds(CROWN, beyond).orElseThrow().reason();
    assertTrue(failed.detail().contains(furnaceReason), failed::detail);
    assertNull(failed.appliedAt());
    Furnace.FurnaceView after = furnaceView();
    assertEquals(before.setpoints(), after.setpoints());
    assertEquals(before.changes(), after.changes());
    assertEquals(
        RejectionCode.RECOMMENDATION_CLOSED,
        rejection(run(c -> new Policy.RecordEffect(r.id(), Map.of(PolicyKpis.ENERGY, 0.0), c)))
            .code(),
        "a failed change has no effect to measure");
  }

  // ---- supervised mode ----

  @Test
  void approvingASupervisedRecommendationAppliesItAsTheOperatorsChange() {
    deployWithBaseline(AutonomyMode.SUPERVISED, new Random(SEED));
    double target = CROWN.nominal() + SHIELD.limit(CROWN).maxStep();
    var made = recommend(proposal(CROWN, target));
    Recommendation r = only(made, Policy.RecommendationMade.class).recommendation();
    assertEquals(new Confirmation.Accepted("proposed " + r.id()), made.reply());
    assertEquals(RecommendationStatus.OPEN, r.status());
    assertEquals(clock.instant().plus(settings.approvalTimeout()), r.expiresAt());
    assertEquals(CROWN.nominal(), furnaceView().setpoints().get(CROWN.key()), "waits for a person");

    var approved = run(c -> new Policy.Approve(r.id(), "olga", c));
    assertTrue(accepted(approved).detail().startsWith("applied " + r.id()), approved::toString);
    Recommendation done = recommendation(r.id());
    assertEquals(RecommendationStatus.APPLIED, done.status());
    assertEquals("olga", done.decidedBy());
    Furnace.FurnaceView f = furnaceView();
    assertEquals(target, f.setpoints().get(CROWN.key()));
    assertEquals(SetpointOrigin.OPERATOR, f.changes().get(CROWN.key()).origin());
    assertEquals("olga", f.changes().get(CROWN.key()).requestedBy());

    assertEquals(
        RejectionCode.RECOMMENDATION_CLOSED,
        rejection(run(c -> new Policy.Approve(r.id(), "olga", c))).code());
    assertEquals(
        RejectionCode.UNKNOWN_RECOMMENDATION,
        rejection(run(c -> new Policy.Approve(furnaceId + ".99", "olga", c))).code());
  }

  @Test
  void aRejectedSupervisedRecommendationIsNotApplied() {
    deployWithBaseline(AutonomyMode.SUPERVISED, new Random(SEED));
    Furnace.FurnaceView before = furnaceView();
    var made = recommend(proposal(O2, O2.nominal() - SHIELD.limit(O2).maxStep()));
    Recommendation r = only(made, Policy.RecommendationMade.class).recommendation();

    var rejected = run(c -> new Policy.Reject(r.id(), "olga", "job change at 07:00", c));
    accepted(rejected);
    Policy.RecommendationClosed closed = only(rejected, Policy.RecommendationClosed.class);
    assertEquals(RecommendationStatus.REJECTED, closed.status());
    assertEquals("job change at 07:00", closed.detail());
    assertEquals(RecommendationStatus.REJECTED, recommendation(r.id()).status());
    assertEquals("olga", recommendation(r.id()).decidedBy());

    assertEquals(
        RejectionCode.RECOMMENDATION_CLOSED,
        rejection(run(c -> new Policy.Approve(r.id(), "olga", c))).code());
    Furnace.FurnaceView after = furnaceView();
    assertEquals(before.setpoints(), after.setpoints());
    assertEquals(before.changes(), after.changes());
  }

  @Test
  void aNewerRecommendationForAParameterSupersedesTheOpenOne() {
    deployWithBaseline(AutonomyMode.SUPERVISED, new Random(SEED));
    var first =
        recommend(
            proposal(CROWN, CROWN.nominal() + SHIELD.limit(CROWN).maxStep()),
            proposal(O2, O2.nominal() + SHIELD.limit(O2).maxStep()));
    List<Recommendation> firsts = made(first);
    String crown1 = firsts.get(0).id();
    String o2 = firsts.get(1).id();

    clock.advance(Duration.ofMinutes(5));
    var second = recommend(proposal(CROWN, CROWN.nominal() - SHIELD.limit(CROWN).maxStep()));
    String crown2 = made(second).get(0).id();
    assertEquals(
        new Policy.RecommendationClosed(
            crown1,
            RecommendationStatus.SUPERSEDED,
            null,
            "superseded by " + crown2,
            clock.instant()),
        only(second, Policy.RecommendationClosed.class));
    assertEquals(RecommendationStatus.SUPERSEDED, recommendation(crown1).status());
    assertEquals(RecommendationStatus.OPEN, recommendation(o2).status(), "another parameter's");
    assertEquals(RecommendationStatus.OPEN, recommendation(crown2).status());

    Rejection closed = rejection(run(c -> new Policy.Approve(crown1, "olga", c)));
    assertEquals(RejectionCode.RECOMMENDATION_CLOSED, closed.code());
    assertTrue(closed.reason().contains("superseded"), closed::reason);
    assertEquals(CROWN.nominal(), furnaceView().setpoints().get(CROWN.key()));
  }

  @Test
  void anOpenRecommendationLapsesAfterTheApprovalTimeout() {
    deployWithBaseline(AutonomyMode.SUPERVISED, new Random(SEED));
    Furnace.FurnaceView before = furnaceView();
    Instant madeAt = clock.instant();
    String id =
        made(recommend(proposal(CROWN, CROWN.nominal() + SHIELD.limit(CROWN).maxStep())))
            .get(0)
            .id();

    clock.advance(settings.approvalTimeout().minusSeconds(1));
    assertEquals(RecommendationStatus.OPEN, listed(id).status(), "not yet");
    clock.advance(Duration.ofSeconds(1));
    Recommendation shown = listed(id);
    assertEquals(RecommendationStatus.EXPIRED, shown.status(), "listed as lapsed");
    assertEquals(madeAt.plus(settings.approvalTimeout()), shown.closedAt());

    var late = run(c -> new Policy.Approve(id, "olga", c));
    Confirmation.Rejected refused = assertInstanceOf(Confirmation.Rejected.class, late.reply());
    assertEquals(RejectionCode.RECOMMENDATION_CLOSED, refused.rejection().code());
    assertTrue(refused.rejection().reason().contains("expired"), refused::toString);
    assertEquals(
        RecommendationStatus.EXPIRED,
        only(late, Policy.RecommendationClosed.class).status(),
        "the lapse is recorded when it is touched");
    assertEquals(RecommendationStatus.EXPIRED, recommendation(id).status());
    Furnace.FurnaceView after = furnaceView();
    assertEquals(before.setpoints(), after.setpoints());
    assertEquals(before.changes(), after.changes());

    // One that lapses untouched is closed by the next recommendation.
    String o2 =
        made(recommend(proposal(O2, O2.nominal() + SHIELD.limit(O2).maxStep()))).get(0).id();
    clock.advance(settings.approvalTimeout());
    var next = recommend(proposal(LEHR, LEHR.nominal() + SHIELD.limit(LEHR).maxStep()));
    Policy.RecommendationClosed lapsed = only(next, Policy.RecommendationClosed.class);
    assertEquals(o2, lapsed.id());
    assertEquals(RecommendationStatus.EXPIRED, lapsed.status());
    assertEquals(RecommendationStatus.EXPIRED, recommendation(o2).status());
  }

  // ---- the degradation test ----

  @Test
  void aClearRiseOfEnergyPerTonneRollsTheDeploymentBackAndTheFurnaceToAdvisory() {
    Random rnd = new Random(SEED);
    String version = deployWithBaseline(AutonomyMode.AUTONOMOUS, rnd);
    assertEquals(AutonomyMode.AUTONOMOUS, furnaceView().autonomyMode());
    KpiBaseline energy = baseline(PolicyKpis.ENERGY);
    // Each sample this many deviations worse adds half the threshold to the CUSUM.
    double worse = settings.cusumSlack() + settings.cusumThreshold() / 2;

    PolicyRollback rollback = null;
    int sent = 0;
    while (rollback == null && sent < 20) {
      var r = reportKpis(kpis(rnd, worse * energy.std()));
      sent++;
      Optional<Policy.RolledBack> rolled =
          r.events().stream()
              .filter(Policy.RolledBack.class::isInstance)
              .map(Policy.RolledBack.class::cast)
              .findFirst();
      if (rolled.isPresent()) {
        rollback = rolled.get().rollback();
        assertEquals(new Confirmation.Accepted(rollback.reason()), r.reply());
      }
    }
    assertNotNull(rollback, "no rollback after " + sent + " degraded samples");
    assertTrue(sent > 1, "one bad sample is not evidence");

    assertTrue(rollback.automatic());
    assertEquals(Policy.SELF, rollback.requestedBy());
    assertEquals(version, rollback.version());
    DegradationEvidence evidence = rollback.evidence();
    assertEquals(PolicyKpis.ENERGY, evidence.kpi());
    assertTrue(evidence.higherIsWorse());
    assertEquals(energy.mean(), evidence.baselineMean());
    assertEquals(0, evidence.runStart(), "the run began with the first degraded sample");
    assertEquals(sent - 1, evidence.firedAt());
    assertTrue(evidence.runMean() > energy.mean() + energy.std(), evidence::toString);
    assertTrue(rollback.reason().contains(PolicyKpis.ENERGY), rollback::reason);
    assertEquals("automatic rollback: " + evidence.describe(), rollback.reason());

    Policy.State s = kit.getState();
    assertNull(s.deployment());
    assertEquals(rollback, s.lastRollback());
    assertEquals("rolled-back", view().status());
    await(() -> assertEquals(AutonomyMode.ADVISORY, furnaceView().autonomyMode()));
    assertEquals(
        RejectionCode.POLICY_NOT_DEPLOYED,
        rejection(recommend(proposal(CROWN, CROWN.nominal() + 5))).code());
    var afterwards = reportKpis(kpis(rnd, worse * energy.std()));
    assertEquals(1, afterwards.events().size(), "nothing left to roll back");
  }

  @Test
  void theSettlingTimeAfterAChangeDoesNotFeedTheTestAndThePolicyProposesAgainOnceItWasWatched() {
    Random rnd = new Random(SEED);
    deployWithBaseline(AutonomyMode.AUTONOMOUS, rnd);
    Recommendation r =
        only(
                recommend(proposal(CROWN, CROWN.nominal() - SHIELD.limit(CROWN).maxStep())),
                Policy.RecommendationMade.class)
            .recommendation();
    await(() -> assertEquals(RecommendationStatus.APPLIED, recommendation(r.id()).status()));
    Instant applied = recommendation(r.id()).appliedAt();
    Policy.PolicyView settlingView = view();
    assertEquals(applied, settlingView.lastChangeAt());
    assertEquals(applied.plus(settings.settleAfter()), settlingView.watchingFrom());
    Instant from = applied.plus(settings.settleAfter()).plus(settings.watchAfterSettling());
    assertEquals(from, settlingView.proposesFrom());

    // The furnace's transient: far worse than any rollback needs, for the whole settling time.
    double moving = 10 * baseline(PolicyKpis.ENERGY).std();
    long settling = settings.settleAfter().dividedBy(SAMPLE_PERIOD);
    for (int i = 0; i < settling; i++) {
      var observed = reportKpis(kpis(rnd, moving));
      assertEquals(1, observed.events().size(), "sample " + i + " of the settling time observed");
      assertTrue(accepted(observed).detail().contains("settles"), observed.reply()::toString);
    }
    for (Cusum c : kit.getState().deployment().detectors()) {
      assertEquals(0, c.samples(), c.baseline().kpi() + " saw none of the settling time");
    }
    Rejection early = rejection(recommend(proposal(O2, O2.nominal() - 0.25)));
    assertEquals(RejectionCode.POLICY_NOT_READY, early.code());
    assertTrue(early.reason().contains("proposes again from " + from), early::reason);

    long watched = settings.watchAfterSettling().dividedBy(SAMPLE_PERIOD);
    for (int i = 0; i < watched; i++) {
      var r2 = reportKpis(kpis(rnd, 0));
      assertTrue(r2.events().stream().noneMatch(Policy.RolledBack.class::isInstance));
    }
    for (Cusum c : kit.getState().deployment().detectors()) {
      assertEquals(watched, c.samples(), c.baseline().kpi() + " watched the settled change");
    }
    assertFalse(clock.instant().isBefore(from));
    accepted(recommend(proposal(O2, O2.nominal() - 0.25)));
  }

  @Test
  void aDegradationThatOutlastsTheSettlingTimeStillRollsBack() {
    Random rnd = new Random(SEED);
    deployWithBaseline(AutonomyMode.AUTONOMOUS, rnd);
    Recommendation r =
        only(recommend(proposal(LEHR, LEHR.nominal() - 1)), Policy.RecommendationMade.class)
            .recommendation();
    await(() -> assertEquals(RecommendationStatus.APPLIED, recommendation(r.id()).status()));
    double worse = 3 * baseline(PolicyKpis.ENERGY).std();
    long settling = settings.settleAfter().dividedBy(SAMPLE_PERIOD);
    PolicyRollback rollback = null;
    int sent = 0;
    while (rollback == null && sent < settling + 20) {
      var reported = reportKpis(kpis(rnd, worse));
      sent++;
      rollback =
          reported.events().stream()
              .filter(Policy.RolledBack.class::isInstance)
              .map(e -> ((Policy.RolledBack) e).rollback())
              .findFirst()
              .orElse(null);
    }
    assertNotNull(rollback, "no rollback after " + sent + " degraded samples");
    assertTrue(sent > settling, "rolled back at sample " + sent + ", inside the settling time");
    assertEquals(PolicyKpis.ENERGY, rollback.evidence().kpi());
    assertEquals(sent - settling - 1, rollback.evidence().firedAt(), "counted from the settling");
    assertEquals(Map.of(LEHR.key(), LEHR.nominal()), rollback.restores());
    await(
        () -> {
          Furnace.FurnaceView f = furnaceView();
          assertEquals(LEHR.nominal(), f.setpoints().get(LEHR.key()), 1e-9, "put back");
          assertEquals(AutonomyMode.ADVISORY, f.autonomyMode());
        });
  }

  @Test
  void noiseAroundTheBaselineNeverRollsBack() {
    Random rnd = new Random(SEED);
    deployWithBaseline(AutonomyMode.AUTONOMOUS, rnd);
    int samples = 250;
    for (int i = 0; i < samples; i++) {
      var r = reportKpis(kpis(rnd, 0));
      assertTrue(
          r.events().stream().noneMatch(Policy.RolledBack.class::isInstance),
          "rolled back at sample " + i);
    }
    Deployment d = kit.getState().deployment();
    assertNotNull(d);
    for (Cusum c : d.detectors()) {
      assertEquals(samples, c.samples(), c.baseline().kpi() + " saw every sample");
      assertFalse(c.fired(), c::toString);
    }
    assertNull(kit.getState().lastRollback());
    assertEquals("deployed", view().status());
    assertEquals(AutonomyMode.AUTONOMOUS, furnaceView().autonomyMode());
  }

  // ---- training ----

  @Test
  void trainingRecordsItsProgressStopsOnRequestAndPublishesTheNextVersion() throws Exception {
    add(version(1, report(0.95, 0)));
    var started = run(r -> new Policy.Train(3, "tina", r));
    assertEquals(new Confirmation.Accepted("training to 3 iterations"), started.reply());
    assertEquals(
        new Policy.TrainingStarted(3, "tina", clock.instant()),
        only(started, Policy.TrainingStarted.class));
    FakeJobs.Training first = jobs.nextTraining();
    assertEquals(furnaceId, first.furnaceId());
    assertEquals(3, first.iterations());
    assertEquals(1, first.highest(), "the next version is numbered above policy/1");
    assertFalse(first.stop().getAsBoolean());
    assertEquals("training", view().status());
    assertEquals(RejectionCode.BUSY, rejection(run(r -> new Policy.Train(3, "tina", r))).code());
    assertEquals(
        RejectionCode.INVALID_CONFIG, rejection(run(r -> new Policy.Train(0, "tina", r))).code());

    TrainingProgress p1 = progress(1);
    TrainingProgress p2 = progress(2);
    first.progress().accept(p1);
    first.progress().accept(p2);
    await(() -> assertEquals(List.of(p1, p2), kit.getState().training().curve()));

    var stop = run(r -> new Policy.StopTraining("tina", r));
    assertTrue(accepted(stop).detail().startsWith("stopping"), stop::toString);
    assertTrue(first.stop().getAsBoolean(), "the job is told to stop");
    assertEquals(TrainingRun.Status.RUNNING, kit.getState().training().status(), "until it does");
    first.result().complete(Optional.empty());
    await(() -> assertEquals(TrainingRun.Status.STOPPED, kit.getState().training().status()));
    TrainingRun stopped = kit.getState().training();
    assertTrue(stopped.detail().contains("stopped after 2 iterations"), stopped::detail);
    assertNull(stopped.version());
    assertEquals(1, kit.getState().versions().size());
    assertEquals(
        new Confirmation.Accepted("not training"),
        run(r -> new Policy.StopTraining("tina", r)).reply());
    first.progress().accept(progress(3));
    assertEquals(List.of(p1, p2), kit.getState().training().curve(), "a stopped run takes no more");

    accepted(run(r -> new Policy.Train(3, "tina", r)));
    FakeJobs.Training second = jobs.nextTraining();
    TrainingProgress p3 = progress(3);
    second.progress().accept(p3);
    PolicyVersion published = version(2, report(0.95, 0));
    second.result().complete(Optional.of(published));
    await(() -> assertEquals(TrainingRun.Status.FINISHED, kit.getState().training().status()));
    TrainingRun finished = kit.getState().training();
    assertEquals("policy/2", finished.version());
    assertEquals(List.of(p3), finished.curve(), "the curve of this run");
    assertEquals(published, kit.getState().versions().get(1));
    Policy.PolicyView view = view();
    assertEquals("trained", view.status());
    assertEquals(published, view.latest().orElseThrow());

    accepted(run(r -> new Policy.Train(5, "tina", r)));
    jobs.nextTraining().result().completeExceptionally(new IllegalStateException("twin diverged"));
    await(() -> assertEquals(TrainingRun.Status.FAILED, kit.getState().training().status()));
    assertTrue(
        kit.getState().training().detail().contains("twin diverged"),
        kit.getState().training()::detail);
  }

  @Test
  void trainingAndEvaluationUnderWayWhenTheEntityRestartsAreReportedInterrupted() throws Exception {
    add(version(1, null));
    accepted(run(r -> new Policy.Train(5, "tina", r)));
    FakeJobs.Training job = jobs.nextTraining();
    TrainingProgress p1 = progress(1);
    job.progress().accept(p1);
    await(() -> assertEquals(List.of(p1), kit.getState().training().curve()));
    accepted(run(r -> new Policy.Evaluate("policy/1", "tina", r)));
    assertEquals("policy/1", kit.getState().evaluating());

    kit.restart();
    await(
        () -> {
          TrainingRun t = kit.getState().training();
          assertEquals(TrainingRun.Status.STOPPED, t.status());
          assertTrue(t.detail().startsWith("interrupted"), t::detail);
          assertNull(kit.getState().evaluating());
        });
    assertEquals(List.of(p1), kit.getState().training().curve(), "its progress is kept");
    assertTrue(job.stop().getAsBoolean(), "the stopped entity told its job to stop");
    assertNull(kit.getState().version("policy/1").orElseThrow().evaluation());
    assertEquals("trained", view().status());

    accepted(run(r -> new Policy.Train(5, "tina", r)));
    assertEquals(1, jobs.nextTraining().highest(), "training again is allowed");
  }

  @Test
  void aJournalFailureRestartsTheEntityWithoutEndingTheEvaluationItsJobStillRuns() {
    CompletableFuture<EvaluationReport> job = new CompletableFuture<>();
    jobs.evaluation = v -> job;
    add(version(1, null));
    accepted(run(r -> new Policy.Evaluate("policy/1", "tina", r)));

    kit.persistenceTestKit().failNextPersisted();
    Rejection failed = rejection(run(r -> new Policy.Train(5, "tina", r)));
    assertEquals(RejectionCode.PERSIST_FAILED, failed.code());
    assertEquals("trained", view().status(), "the entity restarted and recovered");
    assertEquals("trained", view().status(), "and took what it tells itself on recovery");
    assertEquals("policy/1", kit.getState().evaluating(), "the evaluation still runs");

    job.complete(report(0.95, 0));
    await(
        () -> {
          assertNull(kit.getState().evaluating());
          EvaluationReport kept = kit.getState().version("policy/1").orElseThrow().evaluation();
          assertNotNull(kept, "the job's report was recorded, not an interruption");
        });
  }

  // ---- helpers ----

  private CommandResultWithReply<Policy.Command, Policy.Event, Policy.State, Confirmation> run(
      Function<ActorRef<Confirmation>, Policy.Command> command) {
    return kit.<Confirmation>runCommand(command::apply);
  }

  private static Confirmation.Accepted accepted(
      CommandResultWithReply<Policy.Command, Policy.Event, Policy.State, Confirmation> r) {
    return assertInstanceOf(Confirmation.Accepted.class, r.reply(), () -> r.reply().toString());
  }

  private static Rejection rejection(
      CommandResultWithReply<Policy.Command, Policy.Event, Policy.State, Confirmation> r) {
    Confirmation.Rejected rejected =
        assertInstanceOf(Confirmation.Rejected.class, r.reply(), () -> r.reply().toString());
    assertTrue(r.hasNoEvents(), "a rejection persists nothing");
    return rejected.rejection();
  }

  private CommandResultWithReply<Policy.Command, Policy.Event, Policy.State, Confirmation> deploy(
      String version, AutonomyMode mode, boolean force) {
    return run(r -> new Policy.Deploy(version, mode, force, "olga", "night shift trial", r));
  }

  private CommandResultWithReply<Policy.Command, Policy.Event, Policy.State, Confirmation>
      reportKpis(Map<String, Double> kpis) {
    Instant at = clock.instant();
    var result = run(r -> new Policy.ReportKpis(kpis, at, r));
    accepted(result);
    clock.advance(SAMPLE_PERIOD);
    return result;
  }

  private CommandResultWithReply<Policy.Command, Policy.Event, Policy.State, Confirmation>
      recommend(Proposal... proposals) {
    String version =
        kit.getState().deployment() == null ? "policy/1" : kit.getState().deployment().version();
    Map<String, Double> seen = new HashMap<>(steady);
    return run(r -> new Policy.Recommend(version, List.of(proposals), seen, r));
  }

  /** The one event of {@code type} that {@code r} persisted. */
  private static <E extends Policy.Event> E only(
      CommandResultWithReply<Policy.Command, Policy.Event, Policy.State, Confirmation> r,
      Class<E> type) {
    List<E> found = r.events().stream().filter(type::isInstance).map(type::cast).toList();
    assertEquals(1, found.size(), () -> "one " + type.getSimpleName() + " in " + r.events());
    return found.get(0);
  }

  private static List<Recommendation> made(
      CommandResultWithReply<Policy.Command, Policy.Event, Policy.State, Confirmation> r) {
    accepted(r);
    return r.events().stream()
        .filter(Policy.RecommendationMade.class::isInstance)
        .map(e -> ((Policy.RecommendationMade) e).recommendation())
        .toList();
  }

  /** {@code parameter} from its value in force on the furnace to {@code proposed}. */
  private Proposal proposal(SetpointParameter parameter, double proposed) {
    double current = furnaceView().setpoints().get(parameter.key());
    return new Proposal(
        parameter.key(),
        current,
        proposed,
        Map.of(PolicyKpis.ENERGY, -0.02, PolicyKpis.DEFECTS, 0.0),
        String.format(Locale.ROOT, "policy/1 moves %s to %.2f", parameter.key(), proposed));
  }

  private Recommendation recommendation(String id) {
    return kit.getState().recommendation(id).orElseThrow();
  }

  /** The recommendation as the policy lists it. */
  private Recommendation listed(String id) {
    return view().recommendations().stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private Policy.PolicyView view() {
    return kit.<Policy.PolicyView>runCommand(Policy.GetPolicy::new).reply();
  }

  private Furnace.FurnaceView furnaceView() {
    TestProbe<Furnace.FurnaceView> probe = testKit.createTestProbe();
    furnace.tell(new Furnace.GetState(probe.ref()));
    return probe.receiveMessage();
  }

  private KpiBaseline baseline(String kpi) {
    return kit.getState().deployment().detectors().stream()
        .map(Cusum::baseline)
        .filter(b -> b.kpi().equals(kpi))
        .findFirst()
        .orElseThrow();
  }

  private static Set<String> kpisOf(List<Cusum> detectors) {
    return detectors.stream().map(c -> c.baseline().kpi()).collect(Collectors.toSet());
  }

  private void add(PolicyVersion v) {
    accepted(run(r -> new Policy.AddVersion(v, r)));
  }

  /** Deploys an evaluated {@code policy/1} in {@code mode} and completes its baseline. */
  private String deployWithBaseline(AutonomyMode mode, Random rnd) {
    add(version(1, report(0.95, 0)));
    accepted(deploy(null, mode, false));
    for (int i = 0; i < settings.baselineSamples(); i++) {
      reportKpis(kpis(rnd, 0));
    }
    assertTrue(kit.getState().deployment().watching());
    return "policy/1";
  }

  private PolicyVersion version(int n, EvaluationReport evaluation) {
    return new PolicyVersion(
        "policy/" + n,
        "/var/lib/vitrum/policies/" + furnaceId + "/policy/" + n,
        evaluation,
        clock.instant());
  }

  /**
   * The twin's KPIs of a steady furnace with each watched one off by {@link #NOISE} of its value
   * times a standard normal draw, and energy per tonne {@code energyShift} higher.
   */
  private static Map<String, Double> kpis(Random rnd, double energyShift) {
    Map<String, Double> out = new LinkedHashMap<>(steady);
    for (String kpi : PolicyKpis.WATCHED.keySet()) {
      out.put(kpi, steady.get(kpi) * (1 + NOISE * rnd.nextGaussian()));
    }
    out.put(PolicyKpis.ENERGY, out.get(PolicyKpis.ENERGY) + energyShift);
    return out;
  }

  /**
   * A held-out evaluation, scored as {@code PolicyEvaluation} scores one, of a policy using {@code
   * energyShare} of the fixed setpoints' energy per tonne at 2 % fewer defects.
   */
  private static EvaluationReport report(double energyShare, long boundViolations) {
    double energy = steady.get(PolicyKpis.ENERGY);
    double gas = steady.get(PolicyKpis.GAS);
    double defects = steady.get(PolicyKpis.DEFECTS);
    Map<String, Double> byClass = new LinkedHashMap<>();
    for (DefectClass c : DefectClass.values()) {
      String name = c.name().toLowerCase(Locale.ROOT);
      byClass.put(name, steady.get("defects." + name));
    }
    ControllerResult fixed =
        new ControllerResult("fixed-setpoints", energy, gas, byClass, defects, 0, 0);
    ControllerResult recipe =
        new ControllerResult("nominal-recipe", energy * 1.01, gas * 1.01, byClass, defects, 0, 0);
    ControllerResult policy =
        new ControllerResult(
            "policy",
            energy * energyShare,
            gas * energyShare,
            byClass,
            defects * 0.98,
            14,
            boundViolations);
    double saving = 100 * (1 - policy.energyPerTonneGj() / fixed.energyPerTonneGj());
    double gasSaving = 100 * (1 - policy.gasPerTonneNm3() / fixed.gasPerTonneNm3());
    double defectRatio = policy.totalDefectsPerThousand() / fixed.totalDefectsPerThousand();
    boolean met =
        saving >= EvaluationReport.GOAL_SAVING_PCT && defectRatio <= 1 && boundViolations == 0;
    return new EvaluationReport(
        8,
        24,
        policy,
        0.08,
        List.of(fixed, recipe),
        saving,
        gasSaving,
        defectRatio,
        met,
        List.of("held-out-0: pull step", "held-out-1: cullet drop"));
  }

  private static TrainingProgress progress(int iteration) {
    double energy = steady.get(PolicyKpis.ENERGY);
    return new TrainingProgress(
        iteration,
        16L * iteration,
        -0.5 + 0.1 * iteration,
        energy * (1 - 0.005 * iteration),
        steady.get(PolicyKpis.DEFECTS),
        2.0 / iteration,
        0,
        0.6 - 0.05 * iteration);
  }

  private void await(Runnable assertion) {
    testKit
        .createTestProbe()
        .awaitAssert(
            AWAIT,
            () -> {
              assertion.run();
              return null;
            });
  }

  /** The furnace entity reached as the sharded one is by {@link PolicyPlant#furnaces}. */
  private static PolicyPlant plant(String furnaceId, ActorRef<Furnace.Command> furnace) {
    return new PolicyPlant() {
      @Override
      public CompletionStage<Confirmation> changeSetpoint(
          String id,
          String parameter,
          double value,
          SetpointOrigin origin,
          String requestedBy,
          String reason) {
        if (!id.equals(furnaceId)) {
          return CompletableFuture.failedFuture(new IllegalArgumentException("not my furnace"));
        }
        return AskPattern.ask(
            furnace,
            r -> new Furnace.ChangeSetpoint(parameter, value, origin, requestedBy, reason, r),
            ASK,
            testKit.scheduler());
      }

      @Override
      public CompletionStage<Confirmation> setAutonomyMode(
          String id, AutonomyMode mode, String requestedBy, String reason) {
        if (!id.equals(furnaceId)) {
          return CompletableFuture.failedFuture(new IllegalArgumentException("not my furnace"));
        }
        return AskPattern.ask(
            furnace,
            r -> new Furnace.SetAutonomyMode(mode, requestedBy, reason, r),
            ASK,
            testKit.scheduler());
      }
    };
  }

  /**
   * Jobs the test drives: each training is handed to the test to report progress and end, each
   * evaluation answers with {@link #evaluation} (by default never).
   */
  private static final class FakeJobs implements PolicyJobs {
    record Training(
        String furnaceId,
        int iterations,
        int highest,
        Consumer<TrainingProgress> progress,
        BooleanSupplier stop,
        CompletableFuture<Optional<PolicyVersion>> result) {}

    private final BlockingQueue<Training> trainings = new LinkedBlockingQueue<>();
    volatile Function<PolicyVersion, CompletableFuture<EvaluationReport>> evaluation =
        v -> new CompletableFuture<>();

    Training nextTraining() throws InterruptedException {
      Training t = trainings.poll(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertNotNull(t, "the entity started no training");
      return t;
    }

    @Override
    public CompletionStage<Optional<PolicyVersion>> train(
        String furnaceId,
        int iterations,
        int highest,
        Consumer<TrainingProgress> progress,
        BooleanSupplier stop) {
      Training t =
          new Training(furnaceId, iterations, highest, progress, stop, new CompletableFuture<>());
      trainings.add(t);
      return t.result();
    }

    @Override
    public CompletionStage<EvaluationReport> evaluate(PolicyVersion version) {
      return evaluation.apply(version);
    }
  }
}
