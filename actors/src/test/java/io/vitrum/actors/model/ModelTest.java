package io.vitrum.actors.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.testing.TestConfigs;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogCapturingExtension.class)
class ModelTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static ActorTestKit testKit;

  private EventSourcedBehaviorTestKit<Model.Command, Model.Event, Model.State> kit;

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
            Model.create(
                "vision",
                new ModelSettings(0.2, 100, 0.25),
                new EntityMetrics(new SimpleMeterRegistry(), "model"),
                Clock.fixed(NOW, ZoneOffset.UTC)),
            TestConfigs.unserializedCommands());
    kit.clear();
  }

  private static ModelVersion version(String v, String sha, double f1) {
    return new ModelVersion(
        v,
        sha,
        List.of("frames[-1, 1, 64, 64]"),
        List.of("probabilities[-1, 5]"),
        Map.of("rejectF1", f1),
        true,
        NOW);
  }

  private Confirmation register(ModelVersion declared, ModelVersion found) {
    return kit.<Confirmation>runCommand(r -> new Model.RegisterVersion(declared, found, r)).reply();
  }

  private Model.ModelView view() {
    return kit.<Model.ModelView>runCommand(Model.GetModel::new).reply();
  }

  private static RejectionCode code(Confirmation c) {
    return assertInstanceOf(Confirmation.Rejected.class, c).rejection().code();
  }

  @Test
  void theFirstVersionRegisteredBecomesActiveAndRegisteringIsIdempotent() {
    ModelVersion v1 = version("1", "aa", 0.99);
    var result = kit.<Confirmation>runCommand(r -> new Model.RegisterVersion(v1, v1, r));
    assertEquals(new Confirmation.Accepted("registered"), result.reply());
    assertEquals(2, result.events().size(), "registered, then promoted");
    assertEquals("1", view().active());

    var again = kit.<Confirmation>runCommand(r -> new Model.RegisterVersion(v1, v1, r));
    assertEquals(new Confirmation.Accepted("unchanged"), again.reply());
    assertTrue(again.hasNoEvents());
  }

  @Test
  void aFileThatDoesNotMatchItsCardIsRefusedWithWhatDiffers() {
    ModelVersion declared = version("1", "aa", 0.99);
    ModelVersion found =
        new ModelVersion(
            "1", "bb", declared.inputs(), List.of("probabilities[-1, 4]"), Map.of(), true, NOW);
    Confirmation c = register(declared, found);
    assertEquals(RejectionCode.MODEL_MISMATCH, code(c));
    String reason = ((Confirmation.Rejected) c).rejection().reason();
    assertTrue(reason.contains("sha256 bb") && reason.contains("probabilities[-1, 4]"), reason);
    assertTrue(view().versions().isEmpty());
  }

  @Test
  void aVersionNumberIsNeverReusedForOtherContents() {
    register(version("1", "aa", 0.99), version("1", "aa", 0.99));
    assertEquals(
        RejectionCode.VERSION_CONFLICT,
        code(register(version("1", "cc", 0.99), version("1", "cc", 0.99))));
  }

  @Test
  void promoteShadowAndRollbackMoveTheActiveVersion() {
    register(version("1", "aa", 0.99), version("1", "aa", 0.99));
    register(version("2", "bb", 0.995), version("2", "bb", 0.995));
    assertEquals("1", view().active(), "a later version waits for its promotion");

    assertEquals(
        RejectionCode.UNKNOWN_MODEL_VERSION,
        code(kit.<Confirmation>runCommand(r -> new Model.StartShadow("3", r)).reply()));
    assertEquals(
        RejectionCode.VERSION_CONFLICT,
        code(kit.<Confirmation>runCommand(r -> new Model.StartShadow("1", r)).reply()));
    kit.<Confirmation>runCommand(r -> new Model.StartShadow("2", r));
    assertEquals("2", view().shadow());

    kit.<Confirmation>runCommand(r -> new Model.Promote("2", "shadow agreed 99.8 %", r));
    assertEquals("2", view().active());
    assertNull(view().shadow(), "the promoted shadow stops being one");

    var back = kit.<Confirmation>runCommand(r -> new Model.Rollback("operator", r));
    assertEquals(new Confirmation.Accepted("rolled back"), back.reply());
    Model.RolledBack event = back.eventOfType(Model.RolledBack.class);
    assertEquals("2", event.from());
    assertEquals("1", event.to());
    assertEquals("1", view().active());
    assertEquals(
        RejectionCode.NOTHING_TO_ROLL_BACK,
        code(kit.<Confirmation>runCommand(r -> new Model.Rollback("again", r)).reply()));
  }

  @Test
  void liveQualityBelowTheCardByMoreThanTheMarginRollsBackByItself() {
    register(version("1", "aa", 0.99), version("1", "aa", 0.99));
    register(version("2", "bb", 0.99), version("2", "bb", 0.99));
    kit.<Confirmation>runCommand(r -> new Model.Promote("2", "retrained", r));

    // 0.85 is within 20 % of 0.99: recorded, nothing else.
    var fine =
        kit.<Confirmation>runCommand(r -> new Model.ReportQuality("2", "rejectF1", 0.85, true, r));
    assertTrue(fine.hasNoEvents());
    assertEquals(0.85, view().liveQuality().get("rejectF1"));

    var bad =
        kit.<Confirmation>runCommand(r -> new Model.ReportQuality("2", "rejectF1", 0.70, true, r));
    Model.RolledBack event = bad.eventOfType(Model.RolledBack.class);
    assertTrue(event.automatic());
    assertTrue(event.reason().contains("rejectF1 0.7000"), event.reason());
    assertEquals("1", view().active());
    assertTrue(view().liveQuality().isEmpty(), "the figures were version 2's");

    // Restarted from the journal, the entity keeps it all.
    kit.restart();
    assertEquals("1", view().active());
    assertEquals(2, view().versions().size());
  }

  @Test
  void inputDriftOfTheActiveVersionIsShownUntilAnotherVersionIsActive() {
    register(version("1", "aa", 0.99), version("1", "aa", 0.99));
    register(version("2", "bb", 0.99), version("2", "bb", 0.99));

    var ignored =
        kit.<Confirmation>runCommand(
            r -> new Model.ReportDrift("2", Map.of("lehr.Z2:5m:mean", 0.4), 720, r));
    assertEquals(new Confirmation.Accepted("not the active version: ignored"), ignored.reply());
    assertTrue(view().liveDrift().isEmpty());

    var recorded =
        kit.<Confirmation>runCommand(
            r ->
                new Model.ReportDrift(
                    "1",
                    Map.of("lehr.Z2:5m:mean", 0.4, "insp.inspected:15m:mean", Double.NaN),
                    720,
                    r));
    assertTrue(recorded.hasNoEvents(), "drift is live, not journaled");
    assertEquals(Map.of("lehr.Z2:5m:mean", 0.4), view().liveDrift(), "a NaN figure is left out");

    kit.<Confirmation>runCommand(r -> new Model.Promote("2", "retrained", r));
    assertTrue(view().liveDrift().isEmpty(), "the figures were version 1's");
  }
}
