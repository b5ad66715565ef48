package io.vitrum.actors.furnace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.projection.TagSlices;
import io.vitrum.actors.testing.TestClock;
import io.vitrum.actors.testing.TestConfigs;
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.FreeText;
import io.vitrum.core.plant.SetpointOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogCapturingExtension.class)
class FurnaceTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static ActorTestKit testKit;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TestClock clock = new TestClock(NOW);
  private EventSourcedBehaviorTestKit<Furnace.Command, Furnace.Event, Furnace.State> kit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(TestConfigs.eventSourcedUnitTest());
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Furnace.create(
                "F1", new FurnaceSettings(3), new EntityMetrics(registry, "furnace"), clock),
            TestConfigs.unserializedCommands());
    kit.clear();
  }

  private CommandResultWithReply<Furnace.Command, Furnace.Event, Furnace.State, Confirmation>
      change(String parameter, double value, SetpointOrigin origin, String reason) {
    return kit.runCommand(
        replyTo -> new Furnace.ChangeSetpoint(parameter, value, origin, "alice", reason, replyTo));
  }

  private String rejection(
      CommandResultWithReply<Furnace.Command, Furnace.Event, Furnace.State, Confirmation> r) {
    assertTrue(r.hasNoEvents(), "a rejection persists nothing");
    return assertInstanceOf(Confirmation.Rejected.class, r.reply()).rejection().code().wire();
  }

  private CommandResultWithReply<Furnace.Command, Furnace.Event, Furnace.State, Confirmation> raise(
      String alarmId, Instant at) {
    return kit.runCommand(
        replyTo -> new Furnace.RaiseAlarm(alarmId, alarmId, "warning", "high", at, replyTo));
  }

  private CommandResultWithReply<Furnace.Command, Furnace.Event, Furnace.State, Confirmation> clear(
      String alarmId, Instant at) {
    return kit.runCommand(replyTo -> new Furnace.ClearAlarm(alarmId, at, replyTo));
  }

  private static void assertSuperseded(
      CommandResultWithReply<Furnace.Command, Furnace.Event, Furnace.State, Confirmation> r) {
    assertTrue(r.hasNoEvents(), "a superseded transition persists nothing");
    assertEquals(new Confirmation.Accepted("superseded by a later transition"), r.reply());
  }

  private Furnace.FurnaceView view() {
    return kit.<Furnace.FurnaceView>runCommand(Furnace.GetState::new).reply();
  }

  @Test
  void changesASetpointAndRecordsWhoAndWhy() {
    var result = change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "seeds rising");
    assertInstanceOf(Confirmation.Accepted.class, result.reply());
    Furnace.SetpointChanged event = result.eventOfType(Furnace.SetpointChanged.class);
    assertEquals(1560, event.previous(), "from the nominal value");
    assertEquals(1580, event.value());
    Furnace.FurnaceView view = view();
    assertEquals(1580, view.setpoints().get("crownTemperature"));
    assertEquals(300, view.setpoints().get("pullRate"), "unchanged ones show their nominal");
    assertEquals("alice", view.changes().get("crownTemperature").requestedBy());
    assertEquals("seeds rising", view.changes().get("crownTemperature").reason());
    assertEquals(
        1.0, registry.get("vitrum.entity.commands").tag("outcome", "accepted").counter().count());
  }

  @Test
  void settingTheSameValueAgainIsIdempotent() {
    change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "r");
    var again = change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "r");
    assertEquals(new Confirmation.Accepted("unchanged"), again.reply());
    assertTrue(again.hasNoEvents());
  }

  @Test
  void rejectsEachInvalidChangeWithItsCode() {
    assertEquals(
        "unknown-parameter", rejection(change("crownTemp", 1580, SetpointOrigin.OPERATOR, "r")));
    assertEquals(
        "not-finite",
        rejection(change("crownTemperature", Double.NaN, SetpointOrigin.OPERATOR, "r")));
    assertEquals(
        "reason-required",
        rejection(change("crownTemperature", 1570, SetpointOrigin.OPERATOR, " ")));
    assertEquals(
        "out-of-bounds", rejection(change("crownTemperature", 1700, SetpointOrigin.OPERATOR, "r")));
    assertEquals(
        "step-too-large",
        rejection(change("crownTemperature", 1600, SetpointOrigin.OPERATOR, "r")));
    assertEquals(
        "autonomy-forbids",
        rejection(change("crownTemperature", 1570, SetpointOrigin.POLICY, "r")));
    assertEquals(
        6.0,
        registry.find("vitrum.entity.commands").tag("outcome", "rejected").counters().stream()
            .mapToDouble(c -> c.count())
            .sum());
  }

  @Test
  void everyPersistedStringIsWellFormedAndBounded() {
    assertEquals(
        "invalid-text",
        rejection(change("crownTemperature", 1570, SetpointOrigin.OPERATOR, "seeds \ud800")));
    assertEquals(
        "invalid-text",
        rejection(
            kit.runCommand(
                replyTo ->
                    new Furnace.SetAutonomyMode(
                        AutonomyMode.SUPERVISED, "bob", "x".repeat(1_000_000), replyTo))));
    assertEquals(
        "invalid-text",
        rejection(
            kit.runCommand(
                replyTo ->
                    new Furnace.SetAutonomyMode(
                        AutonomyMode.SUPERVISED, "\udc00", "night shift", replyTo))));
  }

  @Test
  void aFailedPersistAnswersPersistFailedAndAppliesNothing() {
    kit.persistenceTestKit().failNextPersisted();
    var failed = change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "seeds rising");
    Confirmation.Rejected rejected = assertInstanceOf(Confirmation.Rejected.class, failed.reply());
    assertEquals("persist-failed", rejected.rejection().code().wire());
    assertEquals(1560, view().setpoints().get("crownTemperature"), "nothing was applied");
    var retried = change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "seeds rising");
    assertInstanceOf(Confirmation.Accepted.class, retried.reply(), "a retry succeeds");
  }

  @Test
  void aPolicyMayActOnlyInAutonomousMode() {
    var mode =
        kit.<Confirmation>runCommand(
            replyTo ->
                new Furnace.SetAutonomyMode(
                    AutonomyMode.AUTONOMOUS, "bob", "night shift", replyTo));
    assertEquals(
        AutonomyMode.AUTONOMOUS, mode.eventOfType(Furnace.AutonomyModeChanged.class).mode());
    var policy = change("excessO2", 1.8, SetpointOrigin.POLICY, "ppo-v3 recommends");
    assertInstanceOf(Confirmation.Accepted.class, policy.reply());

    var same =
        kit.<Confirmation>runCommand(
            replyTo -> new Furnace.SetAutonomyMode(AutonomyMode.AUTONOMOUS, "bob", "x", replyTo));
    assertTrue(same.hasNoEvents());
  }

  @Test
  void alarmsAreRaisedAcknowledgedClearedAndThenGone() {
    var raised =
        kit.<Confirmation>runCommand(
            replyTo ->
                new Furnace.RaiseAlarm(
                    "F1.crown.T3", "F1.crown.T3", "warning", "high", NOW, replyTo));
    assertInstanceOf(Furnace.AlarmRaised.class, raised.event());
    assertTrue(
        kit.<Confirmation>runCommand(
                replyTo ->
                    new Furnace.RaiseAlarm(
                        "F1.crown.T3", "F1.crown.T3", "warning", "high", NOW, replyTo))
            .hasNoEvents(),
        "raising an active alarm again is a no-op");
    assertEquals(
        "unknown-alarm",
        rejection(
            kit.runCommand(replyTo -> new Furnace.AcknowledgeAlarm("nope", "carol", replyTo))));

    kit.<Confirmation>runCommand(
        replyTo -> new Furnace.AcknowledgeAlarm("F1.crown.T3", "carol", replyTo));
    assertEquals("carol", view().alarms().get(0).acknowledgedBy());
    assertTrue(view().alarms().get(0).active());

    kit.<Confirmation>runCommand(replyTo -> new Furnace.ClearAlarm("F1.crown.T3", NOW, replyTo));
    assertTrue(view().alarms().isEmpty(), "cleared and acknowledged: no longer listed");
  }

  @Test
  void aReplayedOlderRaiseNeverResurrectsAClearedAlarm() {
    String id = "F1.crown.T3";
    Instant t1 = NOW.minusSeconds(30);
    Instant t2 = NOW.minusSeconds(20);
    raise(id, t1);
    clear(id, t2);
    assertSuperseded(raise(id, t1));
    assertFalse(view().alarms().get(0).active(), "still cleared");

    // Acknowledged and cleared, the alarm is no longer listed: still no resurrection.
    kit.<Confirmation>runCommand(replyTo -> new Furnace.AcknowledgeAlarm(id, "carol", replyTo));
    assertTrue(view().alarms().isEmpty());
    assertSuperseded(raise(id, t1));
    assertTrue(clear(id, t2).hasNoEvents());
    assertTrue(view().alarms().isEmpty());

    var later = raise(id, NOW);
    assertEquals(NOW, later.eventOfType(Furnace.AlarmRaised.class).at(), "a newer raise counts");
    assertTrue(view().alarms().get(0).active());
  }

  @Test
  void aReplayedOlderClearNeverClearsALaterRaise() {
    String id = "F1.crown.T3";
    raise(id, NOW.minusSeconds(30));
    clear(id, NOW.minusSeconds(20));
    raise(id, NOW.minusSeconds(10));
    assertSuperseded(clear(id, NOW.minusSeconds(20)));
    assertTrue(view().alarms().get(0).active());
    assertEquals(NOW.minusSeconds(10), view().alarms().get(0).raisedAt());
  }

  @Test
  void replayingAWholeAlarmHistoryAgainPersistsNothing() {
    String id = "F1.crown.T3";
    List<Instant> transitions = List.of(NOW.minusSeconds(40), NOW.minusSeconds(30), NOW);
    raise(id, transitions.get(0));
    clear(id, transitions.get(1));
    raise(id, transitions.get(2));
    Furnace.FurnaceView before = view();

    assertTrue(raise(id, transitions.get(0)).hasNoEvents());
    assertTrue(clear(id, transitions.get(1)).hasNoEvents());
    assertTrue(raise(id, transitions.get(2)).hasNoEvents());
    assertEquals(before, view());
  }

  @Test
  void remembersTheLastAlarmTransitionAcrossRecovery() {
    String id = "F1.crown.T3";
    raise(id, NOW.minusSeconds(30));
    clear(id, NOW.minusSeconds(20));
    kit.<Confirmation>runCommand(replyTo -> new Furnace.AcknowledgeAlarm(id, "carol", replyTo));
    kit.restart();
    assertSuperseded(raise(id, NOW.minusSeconds(30)));
    assertTrue(view().alarms().isEmpty());
  }

  @Test
  void recoversSetpointsModeAndAlarmsAcrossSnapshots() {
    change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "a");
    change("crownTemperature", 1600, SetpointOrigin.OPERATOR, "b");
    change("pullRate", 310, SetpointOrigin.INTEGRATOR, "c");
    kit.<Confirmation>runCommand(
        replyTo -> new Furnace.SetAutonomyMode(AutonomyMode.SUPERVISED, "bob", "d", replyTo));
    kit.<Confirmation>runCommand(
        replyTo -> new Furnace.RaiseAlarm("A1", "F1.lehr.Z2", "warning", "hot", NOW, replyTo));
    kit.restart();
    Furnace.FurnaceView view = view();
    assertEquals(1600, view.setpoints().get("crownTemperature"));
    assertEquals(310, view.setpoints().get("pullRate"));
    assertEquals(AutonomyMode.SUPERVISED, view.autonomyMode());
    assertEquals("A1", view.alarms().get(0).alarmId());
  }

  // ---- setpoint write-back ----

  private CommandResultWithReply<Furnace.Command, Furnace.Event, Furnace.State, Confirmation>
      recordWrite(
          String parameter,
          double value,
          Instant changedAt,
          boolean written,
          int attempts,
          String detail) {
    return kit.runCommand(
        replyTo ->
            new Furnace.RecordSetpointWrite(
                parameter, value, changedAt, written, attempts, detail, replyTo));
  }

  private SetpointWrite write(String parameter) {
    return view().writes().get(parameter);
  }

  @Test
  void setpointChangesAreTaggedForTheWriteBackAndTheGraphAndAlarmsForTheGraphOnly() {
    Furnace furnace =
        (Furnace)
            Furnace.create(
                "F1",
                new FurnaceSettings(3, 4),
                new EntityMetrics(registry, "furnace"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    String tag = new TagSlices("furnace-setpoint", 4).tagFor("Furnace|F1");
    assertEquals(tag, Furnace.setpointTags(new FurnaceSettings(3, 4)).tagFor("Furnace|F1"));
    String graph = new TagSlices("furnace-graph", 4).tagFor("Furnace|F1");
    assertEquals(
        Set.of(tag, graph),
        furnace.tagsFor(
            new Furnace.SetpointChanged(
                "crownTemperature", 1560, 1580, SetpointOrigin.OPERATOR, "alice", "r", NOW)));
    assertEquals(Set.of(graph), furnace.tagsFor(new Furnace.AlarmCleared("A1", NOW)));
    assertEquals(
        Set.of(),
        furnace.tagsFor(
            new Furnace.SetpointWriteRecorded(
                "crownTemperature", 1580, NOW, SetpointWrite.Status.WRITTEN, 1, "ok", NOW)));
  }

  @Test
  void aChangeIsPendingUntilItsWriteIsRecorded() {
    assertTrue(view().writes().isEmpty(), "nothing changed, nothing to write");
    change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "seeds rising");
    assertEquals(
        new SetpointWrite(1580, NOW, SetpointWrite.Status.PENDING, 0, null, null),
        write("crownTemperature"));
    assertEquals(1, view().writes().size(), "only changed parameters are listed");

    clock.advance(Duration.ofSeconds(2));
    var recorded = recordWrite("crownTemperature", 1580, NOW, true, 3, "written to ns=2;s=x");
    assertEquals(new Confirmation.Accepted("setpoint write recorded"), recorded.reply());
    assertEquals(
        new Furnace.SetpointWriteRecorded(
            "crownTemperature",
            1580,
            NOW,
            SetpointWrite.Status.WRITTEN,
            3,
            "written to ns=2;s=x",
            NOW.plusSeconds(2)),
        recorded.event());
    assertEquals(
        new SetpointWrite(
            1580, NOW, SetpointWrite.Status.WRITTEN, 3, "written to ns=2;s=x", NOW.plusSeconds(2)),
        write("crownTemperature"));
  }

  @Test
  void theSameOutcomeAgainChangesNothingButANewOneOfTheSameChangeCounts() {
    change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "r");
    recordWrite("crownTemperature", 1580, NOW, false, 5, "Bad_OutOfRange");
    var again = recordWrite("crownTemperature", 1580, NOW, false, 5, "Bad_OutOfRange");
    assertEquals(new Confirmation.Accepted("unchanged"), again.reply());
    assertTrue(again.hasNoEvents());
    assertEquals(SetpointWrite.Status.FAILED, write("crownTemperature").status());

    // A replay re-did the write, and this time it went through: the latest outcome wins.
    var retried = recordWrite("crownTemperature", 1580, NOW, true, 1, "written");
    assertEquals(
        SetpointWrite.Status.WRITTEN,
        retried.eventOfType(Furnace.SetpointWriteRecorded.class).status());
    assertEquals(1, write("crownTemperature").attempts());
  }

  @Test
  void anOutcomeOfAChangeThatIsNoLongerCurrentIsSupersededWithoutAnEvent() {
    Instant t0 = NOW;
    change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "a");
    clock.advance(Duration.ofSeconds(10));
    Instant t1 = clock.instant();
    change("crownTemperature", 1600, SetpointOrigin.OPERATOR, "b");

    var older = recordWrite("crownTemperature", 1580, t0, true, 1, "late");
    assertEquals(new Confirmation.Accepted("superseded by a later change"), older.reply());
    assertTrue(older.hasNoEvents());
    assertEquals(SetpointWrite.Status.PENDING, write("crownTemperature").status());
    assertEquals(1600, write("crownTemperature").value());

    // Back to the first value: an outcome of the first change still is not one of this change.
    clock.advance(Duration.ofSeconds(10));
    Instant t2 = clock.instant();
    change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "c");
    assertTrue(recordWrite("crownTemperature", 1580, t0, true, 1, "late").hasNoEvents());
    assertTrue(recordWrite("crownTemperature", 1600, t1, true, 1, "late").hasNoEvents());
    assertTrue(recordWrite("crownTemperature", 1580, null, true, 1, "no change").hasNoEvents());
    assertTrue(
        recordWrite("pullRate", 300, t0, true, 1, "never changed").hasNoEvents(),
        "a parameter that was never changed has no change to write");
    assertEquals(SetpointWrite.Status.PENDING, write("crownTemperature").status());
    assertEquals(t2, write("crownTemperature").changedAt());

    var current = recordWrite("crownTemperature", 1580, t2, true, 1, "ok");
    assertInstanceOf(Furnace.SetpointWriteRecorded.class, current.event());
    assertEquals(SetpointWrite.Status.WRITTEN, write("crownTemperature").status());
  }

  @Test
  void aNewChangeIsPendingAgainAfterAnEarlierOneWasWritten() {
    change("excessO2", 2.1, SetpointOrigin.OPERATOR, "a");
    recordWrite("excessO2", 2.1, NOW, true, 1, "ok");
    clock.advance(Duration.ofMinutes(1));
    change("excessO2", 2.2, SetpointOrigin.OPERATOR, "b");
    SetpointWrite pending = write("excessO2");
    assertEquals(SetpointWrite.Status.PENDING, pending.status());
    assertEquals(2.2, pending.value());
    assertEquals(NOW.plusSeconds(60), pending.changedAt());
  }

  @Test
  void rejectsAWriteOutcomeItCouldNotStore() {
    change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "r");
    assertEquals(
        "unknown-parameter", rejection(recordWrite("crownTemp", 1580, NOW, true, 1, "ok")));
    assertEquals(
        "invalid-text",
        rejection(
            recordWrite(
                "crownTemperature", 1580, NOW, false, 1, "x".repeat(FreeText.REASON_MAX + 1))));
    assertEquals(
        "invalid-text",
        rejection(recordWrite("crownTemperature", 1580, NOW, false, 1, "bad \ud800 text")));
    assertEquals(
        "invalid-setpoint", rejection(recordWrite("crownTemperature", 1580, NOW, true, -1, "ok")));
    assertInstanceOf(
        Confirmation.Accepted.class,
        recordWrite("crownTemperature", 1580, NOW, false, 0, null).reply(),
        "no detail is fine");
  }

  @Test
  void writeOutcomesSurviveRecoveryAcrossSnapshots() {
    change("crownTemperature", 1580, SetpointOrigin.OPERATOR, "a");
    recordWrite("crownTemperature", 1580, NOW, false, 5, "Bad_NoCommunication");
    clock.advance(Duration.ofSeconds(1));
    change("pullRate", 310, SetpointOrigin.OPERATOR, "b");
    recordWrite("pullRate", 310, NOW.plusSeconds(1), true, 2, "ok");
    change("excessO2", 2.1, SetpointOrigin.OPERATOR, "c");
    kit.restart();

    Furnace.FurnaceView view = view();
    assertEquals(SetpointWrite.Status.FAILED, view.writes().get("crownTemperature").status());
    assertEquals("Bad_NoCommunication", view.writes().get("crownTemperature").detail());
    assertEquals(SetpointWrite.Status.WRITTEN, view.writes().get("pullRate").status());
    assertEquals(2, view.writes().get("pullRate").attempts());
    assertEquals(SetpointWrite.Status.PENDING, view.writes().get("excessO2").status());
    assertTrue(
        recordWrite("pullRate", 310, NOW.plusSeconds(1), true, 2, "ok").hasNoEvents(),
        "still idempotent after recovery");
  }

  @Test
  void aStateFromBeforeWriteOutcomesHasNone() {
    Furnace.State old = new Furnace.State(Map.of(), AutonomyMode.ADVISORY, Map.of(), null, null);
    assertEquals(Map.of(), old.setpointWrites());
    assertEquals(Map.of(), old.alarmTransitions());
  }
}
