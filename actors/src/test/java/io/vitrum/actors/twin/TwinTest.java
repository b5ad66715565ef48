package io.vitrum.actors.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.testing.TestConfigs;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.rejection.RejectionKind;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.SetpointChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogCapturingExtension.class)
class TwinTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private static final DigitalTwin TWIN = DigitalTwin.containerDefaults();
  private static ActorTestKit testKit;

  /** The simulation dispatcher, run by hand: what-ifs wait here until a test lets them run. */
  private final Queue<Runnable> simulations = new ConcurrentLinkedQueue<>();

  private EventSourcedBehaviorTestKit<Twin.Command, Twin.Event, Twin.State> kit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(TestConfigs.eventSourcedUnitTest());
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private Behavior<Twin.Command> twin(String furnaceId) {
    return Twin.create(
        furnaceId,
        new TwinSettings(3, Duration.ofMinutes(10), 5, 10, 2, TWIN.settings(), "unused"),
        TWIN,
        new EntityMetrics(new SimpleMeterRegistry(), "twin"),
        simulations::add,
        Clock.fixed(T0, ZoneOffset.UTC));
  }

  @BeforeEach
  void setUp() {
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), twin("F1"));
    kit.clear();
  }

  private Confirmation sync(int second, double crown) {
    return kit.<Confirmation>runCommand(
            replyTo ->
                new Twin.Sync(
                    Map.of(FurnaceTags.crown("F1", 1), crown, FurnaceTags.crown("F1", 2), crown),
                    Map.of("crownTemperature", 1560.0),
                    T0.plusSeconds(second),
                    replyTo))
        .reply();
  }

  private Twin.TwinView view() {
    return kit.<Twin.TwinView>runCommand(Twin.GetState::new).reply();
  }

  @Test
  void syncsAndCheckpointsEveryFewSyncs() {
    assertEquals(new Confirmation.Accepted("synced"), sync(10, 1560));
    assertEquals(new Confirmation.Accepted("synced"), sync(20, 1560));
    var third =
        kit.<Confirmation>runCommand(
            replyTo -> new Twin.Sync(Map.of(), Map.of(), T0.plusSeconds(30), replyTo));
    assertInstanceOf(Twin.TwinCheckpointed.class, third.event());
    assertEquals(T0.plusSeconds(30), view().lastSyncAt());
    assertEquals(3, view().twin().syncs());
  }

  @Test
  void rejectsStaleSyncsAndUnknownSetpoints() {
    sync(10, 1560);
    Confirmation stale = sync(5, 1560);
    assertEquals(
        RejectionCode.NOT_NEWER_THAN_LAST, ((Confirmation.Rejected) stale).rejection().code());
    Confirmation unknown =
        kit.<Confirmation>runCommand(
                replyTo ->
                    new Twin.Sync(Map.of(), Map.of("fuelValve", 3.0), T0.plusSeconds(60), replyTo))
            .reply();
    assertEquals(
        RejectionCode.INVALID_SETPOINT, ((Confirmation.Rejected) unknown).rejection().code());
  }

  private static Twin.WhatIf whatIf(
      double crownDelta, Duration answerWithin, TestProbe<Twin.WhatIfReply> probe) {
    return new Twin.WhatIf(
        List.of(SetpointChange.delta(SetpointParameter.CROWN_TEMPERATURE, crownDelta)),
        3600,
        answerWithin,
        probe.getRef());
  }

  /** Lets every queued simulation run, as the simulation dispatcher would. */
  private int runSimulations() {
    int ran = 0;
    for (Runnable task; (task = simulations.poll()) != null; ran++) {
      task.run();
    }
    return ran;
  }

  @Test
  void aWhatIfIsSimulatedOffTheEntityRecordedAndAnsweredFromItsEffect() {
    sync(10, 1560);
    TestProbe<Twin.WhatIfReply> probe = testKit.createTestProbe();
    var asked = kit.runCommand(whatIf(50, Duration.ofSeconds(30), probe));
    assertTrue(asked.hasNoEvents(), "nothing is recorded before the simulation ran");
    probe.expectNoMessage(Duration.ofMillis(50));

    assertEquals(1, runSimulations());
    Twin.WhatIfReply reply = probe.receiveMessage(Duration.ofSeconds(10));
    assertNull(reply.rejection());
    Scenario scenario = reply.scenario();
    assertTrue(
        scenario.delta().defectsPerThousand().get("seed") < 0,
        "a hotter crown lowers expected seeds: " + scenario.delta());
    assertTrue(scenario.delta().energyPerTonneGj() > 0, "and costs energy");
    assertEquals(1610, scenario.scenarioSetpoints().get(SetpointParameter.CROWN_TEMPERATURE));
    assertEquals(List.of(scenario), view().scenarios());

    Twin.ScenarioReply course =
        kit.<Twin.ScenarioReply>runCommand(r -> new Twin.GetScenario(scenario.scenarioId(), r))
            .reply();
    assertEquals(scenario, course.scenario());
    assertEquals(61, course.course().minutes().size(), "a point a minute over an hour");
    assertEquals(61, course.course().scenario().get("meltTopC").size());
    assertTrue(
        course.course().scenario().get("meltTopC").get(60)
            > course.course().baseline().get("meltTopC").get(60),
        "the scenario's melt ends hotter");

    kit.restart();
    assertEquals(scenario, view().scenarios().get(0), "the summary is recorded");
    Twin.ScenarioReply afterRestart =
        kit.<Twin.ScenarioReply>runCommand(r -> new Twin.GetScenario(scenario.scenarioId(), r))
            .reply();
    assertEquals(scenario, afterRestart.scenario());
    assertNull(afterRestart.course(), "courses are live only");
    assertNull(
        kit.<Twin.ScenarioReply>runCommand(r -> new Twin.GetScenario("nope", r))
            .reply()
            .scenario());
  }

  @Test
  void whatIfsBeyondTheCapAreRefusedAtOnceAsBusy() {
    TestProbe<Twin.WhatIfReply> probe = testKit.createTestProbe();
    kit.runCommand(whatIf(10, Duration.ofSeconds(30), probe));
    kit.runCommand(whatIf(20, Duration.ofSeconds(30), probe));
    kit.runCommand(whatIf(30, Duration.ofSeconds(30), probe));
    Twin.WhatIfReply busy = probe.receiveMessage(Duration.ofSeconds(3));
    assertEquals(RejectionCode.BUSY, busy.rejection().code());
    assertEquals(RejectionKind.BUSY, busy.rejection().kind());

    assertEquals(2, runSimulations(), "only the two within the cap were queued");
    assertNotNull(probe.receiveMessage(Duration.ofSeconds(10)).scenario());
    assertNotNull(probe.receiveMessage(Duration.ofSeconds(10)).scenario());
    kit.runCommand(whatIf(40, Duration.ofSeconds(30), probe));
    assertEquals(1, runSimulations(), "answered what-ifs free their place");
    assertNotNull(probe.receiveMessage(Duration.ofSeconds(10)).scenario());
  }

  @Test
  void aWhatIfWhoseAskerHasGoneIsNeitherSimulatedNorRecorded() {
    TestProbe<Twin.WhatIfReply> probe = testKit.createTestProbe();
    kit.runCommand(whatIf(10, Duration.ZERO, probe));
    assertEquals(1, runSimulations());
    probe.expectNoMessage(Duration.ofMillis(200));
    assertTrue(view().scenarios().isEmpty());
    kit.runCommand(whatIf(20, Duration.ofSeconds(30), probe));
    kit.runCommand(whatIf(30, Duration.ofSeconds(30), probe));
    assertEquals(2, runSimulations(), "the dropped one no longer counts against the cap");
  }

  @Test
  void anOutOfBoundsWhatIfIsRefusedWithoutRecording() {
    TestProbe<Twin.WhatIfReply> probe = testKit.createTestProbe();
    kit.runCommand(
        new Twin.WhatIf(
            List.of(SetpointChange.absolute(SetpointParameter.CROWN_TEMPERATURE, 1900)),
            3600,
            Duration.ofSeconds(30),
            probe.getRef()));
    runSimulations();
    Twin.WhatIfReply reply = probe.receiveMessage(Duration.ofSeconds(10));
    assertEquals(RejectionCode.OUT_OF_BOUNDS, reply.rejection().code());
    assertNull(reply.scenario());
    assertTrue(view().scenarios().isEmpty());
  }

  @Test
  void passivationCheckpointsTheSyncedState() {
    ActorRef<Twin.Command> twin = testKit.spawn(twin("F9"));
    TestProbe<Object> probe = testKit.createTestProbe();
    for (int second = 10; second <= 20; second += 10) {
      twin.tell(new Twin.Sync(Map.of(), Map.of(), T0.plusSeconds(second), probe.getRef().narrow()));
      probe.expectMessageClass(Confirmation.Accepted.class);
    }
    twin.tell(Twin.Passivate.INSTANCE);
    probe.expectTerminated(twin);
    ActorRef<Twin.Command> again = testKit.spawn(twin("F9"));
    again.tell(new Twin.GetState(probe.getRef().narrow()));
    Twin.TwinView view = probe.expectMessageClass(Twin.TwinView.class);
    assertEquals(2, view.twin().syncs(), "nothing synced is lost by passivation");
    assertEquals(T0.plusSeconds(20), view.lastSyncAt());
  }

  @Test
  void aFailedPersistAnswersWithAReasonInsteadOfATimeout() {
    sync(10, 1560);
    sync(20, 1560);
    kit.persistenceTestKit().failNextPersisted();
    Confirmation reply = sync(30, 1560);
    Confirmation.Rejected rejected = assertInstanceOf(Confirmation.Rejected.class, reply);
    assertEquals(RejectionCode.PERSIST_FAILED, rejected.rejection().code());
    assertEquals(RejectionKind.UNAVAILABLE, rejected.rejection().kind());
  }

  @Test
  void shadowRunsAlongsideSyncsAndReportsDivergence() {
    var started =
        kit.<Confirmation>runCommand(
            replyTo ->
                new Twin.StartShadow(
                    List.of(SetpointChange.delta(SetpointParameter.CROWN_TEMPERATURE, 30)),
                    replyTo));
    assertInstanceOf(Twin.ShadowStarted.class, started.event());
    for (int i = 1; i <= 20; i++) {
      sync(i * 60, 1560);
    }
    Twin.ShadowStatus status = kit.<Twin.ShadowStatus>runCommand(Twin.GetShadow::new).reply();
    assertTrue(status.active());
    assertEquals(20, status.report().samples());
    assertTrue(status.report().rmsDivergence().get("crownC") > 5, status.report().toString());

    var stopped = kit.<Twin.ShadowStatus>runCommand(Twin.StopShadow::new);
    assertInstanceOf(Twin.ShadowStopped.class, stopped.event());
    assertNotNull(stopped.reply().report());
    kit.restart();
    assertEquals(false, kit.<Twin.ShadowStatus>runCommand(Twin.GetShadow::new).reply().active());
  }

  @Test
  void recoversTheCheckpointedState() {
    for (int i = 1; i <= 3; i++) {
      sync(i * 10, 1570);
    }
    double crown = view().twin().furnace().crownC();
    kit.restart();
    assertEquals(crown, view().twin().furnace().crownC(), 1e-9);
    assertEquals(3, view().twin().syncs());
  }
}
