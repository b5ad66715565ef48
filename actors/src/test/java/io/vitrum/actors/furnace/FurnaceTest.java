package io.vitrum.actors.furnace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.testing.TestConfigs;
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.SetpointOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
                "F1",
                new FurnaceSettings(3),
                new EntityMetrics(registry, "furnace"),
                Clock.fixed(NOW, ZoneOffset.UTC)),
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
}
