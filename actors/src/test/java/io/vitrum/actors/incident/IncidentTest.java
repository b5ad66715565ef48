package io.vitrum.actors.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.testing.TestConfigs;
import io.vitrum.core.causal.Subject;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogCapturingExtension.class)
class IncidentTest {
  private static final Instant T0 = Instant.parse("2026-12-03T14:00:00Z");
  private static ActorTestKit testKit;

  private EventSourcedBehaviorTestKit<Incident.Command, Incident.Event, Incident.State> kit;

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
            Incident.create(
                "F2-crack",
                new IncidentSettings(100, 2, 4),
                new EntityMetrics(new SimpleMeterRegistry(), "incident")),
            TestConfigs.unserializedCommands());
    kit.clear();
  }

  private Incident.Opened open(String alarm, Instant at) {
    return kit.<Incident.Opened>runCommand(
            r -> new Incident.Open("F2", "crack", null, alarm, at, r))
        .reply();
  }

  private Incident.LineView line() {
    return kit.<Incident.LineView>runCommand(Incident.GetLine::new).reply();
  }

  private static Cause cause(String id, double score) {
    return new Cause(
        id,
        score,
        List.of(id, "annealing", "crack"),
        List.of("INFLUENCES:" + id + "->annealing", "CAUSES:annealing->crack"),
        List.of("F2.lehr.Z2 fell 27.8"),
        "because",
        0.8,
        null);
  }

  private Confirmation analyse(String id, List<Cause> causes) {
    return kit.<Confirmation>runCommand(r -> new Incident.RecordAnalysis(id, causes, T0, r))
        .reply();
  }

  private Confirmation feedback(String id, String cause, boolean confirmed) {
    return kit.<Confirmation>runCommand(
            r -> new Incident.GiveFeedback(id, cause, confirmed, "olga", "fan 3 stopped", T0, r))
        .reply();
  }

  private Confirmation close(String id) {
    return kit.<Confirmation>runCommand(r -> new Incident.Close(id, "olga", "fixed", T0, r))
        .reply();
  }

  private static RejectionCode code(Confirmation c) {
    return assertInstanceOf(Confirmation.Rejected.class, c).rejection().code();
  }

  @Test
  void oneIncidentIsOpenPerLineAndLaterAlarmsAttachToIt() {
    Incident.Opened first = open("rate:crack", T0);
    assertEquals(new Incident.Opened("F2-crack-1", true), first);
    assertEquals(new Incident.Opened("F2-crack-1", false), open("model:defect-risk", T0));
    assertEquals(new Incident.Opened("F2-crack-1", false), open("rate:crack", T0));
    IncidentRecord incident = line().incident("F2-crack-1").orElseThrow();
    assertEquals(List.of("rate:crack", "model:defect-risk"), incident.triggers());
    assertTrue(incident.open());
  }

  @Test
  void feedbackNeedsACauseOfTheLatestAnalysisAndKeepsItsPath() {
    String id = open("rate:crack", T0).id();
    assertEquals(RejectionCode.UNKNOWN_CAUSE, code(feedback(id, "lehr-fan-failure", true)));
    assertInstanceOf(
        Confirmation.Accepted.class,
        analyse(id, List.of(cause("lehr-fan-failure", 0.9), cause("batch-moisture", 0.1))));
    assertInstanceOf(Confirmation.Accepted.class, feedback(id, "lehr-fan-failure", true));
    Feedback answer = line().incident(id).orElseThrow().feedback().get(0);
    assertTrue(answer.confirmed());
    assertEquals(
        List.of("INFLUENCES:lehr-fan-failure->annealing", "CAUSES:annealing->crack"),
        answer.edges());
    assertEquals(RejectionCode.UNKNOWN_INCIDENT, code(feedback("F2-crack-9", "x", true)));
  }

  @Test
  void aClosedIncidentTakesNothingMoreAndTheNextAlarmOpensANewOne() {
    String id = open("rate:crack", T0).id();
    assertInstanceOf(Confirmation.Accepted.class, close(id));
    assertInstanceOf(Confirmation.Accepted.class, close(id), "closing twice is idempotent");
    assertEquals(RejectionCode.INCIDENT_CLOSED, code(analyse(id, List.of(cause("a", 1)))));
    assertEquals("F2-crack-2", open("rate:crack", T0.plusSeconds(60)).id());
    List<IncidentRecord> all = line().incidents();
    assertEquals(
        List.of("F2-crack-2", "F2-crack-1"), all.stream().map(IncidentRecord::id).toList());
    assertFalse(all.get(1).open());
    assertEquals("olga", all.get(1).closedBy());
  }

  @Test
  void theLineKeepsTheNewestIncidentAndKeepClosedBeforeIt() {
    for (int i = 1; i <= 4; i++) {
      close(open("rate:crack", T0.plusSeconds(i)).id());
    }
    assertEquals(
        List.of("F2-crack-4", "F2-crack-3", "F2-crack-2"),
        line().incidents().stream().map(IncidentRecord::id).toList());
  }

  @Test
  void idsNameTheirLine() {
    assertEquals("F2-crack", Incident.lineOf("F2", Subject.defect("crack")));
    assertEquals(
        "F2-anomaly-F2.glass.level", Incident.lineOf("F2", Subject.anomaly("F2.glass.level")));
    assertEquals(
        Optional.of("F2-anomaly-F2.glass.level"),
        Incident.lineOfIncident("F2-anomaly-F2.glass.level-12"));
    assertEquals(Optional.empty(), Incident.lineOfIncident("F2-crack-x"));
    assertEquals(Optional.empty(), Incident.lineOfIncident("nodash"));
  }

  @Test
  void stateSurvivesARestart() {
    String id = open("rate:crack", T0).id();
    analyse(id, List.of(cause("lehr-fan-failure", 0.9)));
    kit.restart();
    assertEquals(1, line().incident(id).orElseThrow().analyses());
  }
}
