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
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.SetpointChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
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

  private final LinkedBlockingQueue<Twin.Command> toSelf = new LinkedBlockingQueue<>();
  private EventSourcedBehaviorTestKit<Twin.Command, Twin.Event, Twin.State> kit;

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
            Twin.create(
                "F1",
                new TwinSettings(3, Duration.ofMinutes(10), 5, 10, "unused"),
                TWIN,
                new EntityMetrics(new SimpleMeterRegistry(), "twin"),
                Runnable::run,
                toSelf::add,
                Clock.fixed(T0, ZoneOffset.UTC)));
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
    assertEquals("not-newer-than-last", ((Confirmation.Rejected) stale).code());
    Confirmation unknown =
        kit.<Confirmation>runCommand(
                replyTo ->
                    new Twin.Sync(Map.of(), Map.of("fuelValve", 3.0), T0.plusSeconds(60), replyTo))
            .reply();
    assertEquals("invalid-setpoint", ((Confirmation.Rejected) unknown).code());
  }

  @Test
  void aWhatIfIsSimulatedOffTheEntityRecordedAndAnswered() throws Exception {
    sync(10, 1560);
    TestProbe<Twin.WhatIfReply> probe = testKit.createTestProbe();
    kit.runCommand(
        new Twin.WhatIf(
            List.of(SetpointChange.delta(SetpointParameter.CROWN_TEMPERATURE, 50)),
            3600,
            probe.getRef()));
    Twin.Command back = toSelf.poll(10, TimeUnit.SECONDS);
    var recorded = kit.runCommand(back);
    Twin.ScenarioRecorded event = (Twin.ScenarioRecorded) recorded.events().get(0);
    Twin.WhatIfReply reply = probe.receiveMessage();
    assertEquals(event.scenario().scenarioId(), reply.scenarioId());
    assertNull(reply.rejection());
    assertTrue(
        reply.completed().delta().defectsPerThousand().get("seed") < 0,
        "a hotter crown lowers expected seeds: " + reply.completed().delta());
    assertTrue(reply.completed().delta().energyPerTonneGj() > 0, "and costs energy");
    assertEquals(1, view().scenarios().size());

    kit.restart();
    assertEquals(event.scenario(), view().scenarios().get(0));
  }

  @Test
  void anOutOfBoundsWhatIfIsRefusedWithoutRecording() {
    TestProbe<Twin.WhatIfReply> probe = testKit.createTestProbe();
    var result =
        kit.runCommand(
            new Twin.WhatIf(
                List.of(SetpointChange.absolute(SetpointParameter.CROWN_TEMPERATURE, 1900)),
                3600,
                probe.getRef()));
    assertTrue(result.hasNoEvents());
    Twin.WhatIfReply reply = probe.receiveMessage();
    assertEquals("out-of-bounds", reply.rejection().code());
    assertNull(reply.completed());
    assertTrue(toSelf.isEmpty());
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
