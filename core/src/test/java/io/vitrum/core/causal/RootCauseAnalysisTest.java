package io.vitrum.core.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.sim.FaultKind;
import io.vitrum.core.twin.DigitalTwin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Root-cause analysis on fresh simulator incidents: every fault scenario the simulator can inject
 * (the five process faults and thermocouple drift), several seeds each, magnitudes drawn over each
 * kind's typical range, analysed the moment the incident opens. Prints the confusion table.
 */
class RootCauseAnalysisTest {
  private static final int SEEDS = 5;
  private static final RootCauseAnalysis RCA =
      new RootCauseAnalysis(Ontology.bundled(), new PhysicsCheck(DigitalTwin.containerDefaults()));

  private static int incidents;
  private static int graphTop1;
  private static int physicsTop1;
  private static int physicsTop3;
  private static final Map<String, Map<String, Integer>> CONFUSION = new TreeMap<>();

  @BeforeAll
  static void analyseEveryScenario() {
    for (FaultKind kind : SimulatedIncident.kinds()) {
      for (int seed = 1; seed <= SEEDS; seed++) {
        SplittableRandom random = new SplittableRandom(31L * seed + kind.ordinal());
        double magnitude = random.nextDouble(kind.typicalLow(), kind.typicalHigh());
        if (kind == FaultKind.CULLET_SWING || kind == FaultKind.THERMOCOUPLE_DRIFT) {
          magnitude *= random.nextBoolean() ? 1 : -1;
        }
        Optional<SimulatedIncident> incident =
            SimulatedIncident.simulate(kind, magnitude, 500 + seed, Duration.ZERO);
        if (incident.isEmpty()) {
          continue;
        }
        Evidence evidence = incident.get().evidence();
        String truth = incident.get().fault().rootCause();
        List<RankedCause> graph = RCA.rank(evidence, EdgeStrengths.SEED, false);
        List<RankedCause> physics = RCA.rank(evidence, EdgeStrengths.SEED, true);
        incidents++;
        graphTop1 += top(graph, 1, truth) ? 1 : 0;
        physicsTop1 += top(physics, 1, truth) ? 1 : 0;
        physicsTop3 += top(physics, 3, truth) ? 1 : 0;
        String guess = physics.isEmpty() ? "(none)" : physics.get(0).cause();
        CONFUSION.computeIfAbsent(truth, t -> new TreeMap<>()).merge(guess, 1, Integer::sum);
      }
    }
    System.out.printf(
        "RCA on %d simulated incidents: top-1 graph and evidence %d, with the physics check %d;"
            + " top-3 with the physics check %d%n",
        incidents, graphTop1, physicsTop1, physicsTop3);
    CONFUSION.forEach((truth, guesses) -> System.out.println("  " + truth + " -> " + guesses));
  }

  private static boolean top(List<RankedCause> ranked, int n, String truth) {
    return ranked.stream().limit(n).anyMatch(c -> c.cause().equals(truth));
  }

  @Test
  void mostFaultsOpenAnIncidentAndEveryKindIsSeen() {
    assertTrue(
        incidents >= SimulatedIncident.kinds().size() * SEEDS * 0.8, "incidents " + incidents);
    for (FaultKind kind : SimulatedIncident.kinds()) {
      assertTrue(CONFUSION.containsKey(kind.key()), kind + " never opened an incident");
    }
  }

  @Test
  void theTrueCauseIsFirstInFourOfFiveAndAmongTheFirstThreeInNineteenOfTwenty() {
    assertTrue(physicsTop1 >= 0.8 * incidents, physicsTop1 + " of " + incidents + " first");
    assertTrue(physicsTop3 >= 0.95 * incidents, physicsTop3 + " of " + incidents + " in top 3");
  }

  @Test
  void thePhysicsCheckDoesNotLoseWhatTheGraphFound() {
    assertTrue(physicsTop1 >= graphTop1, "physics " + physicsTop1 + " < graph " + graphTop1);
  }

  @Test
  void scoresAreADistributionBestFirstWithPathsAndEvidence() {
    SimulatedIncident incident =
        SimulatedIncident.simulate(FaultKind.LEHR_FAN_FAILURE, 0.9, 7, Duration.ofMinutes(15))
            .orElseThrow();
    List<RankedCause> ranked = RCA.rank(incident.evidence(), EdgeStrengths.SEED, true);
    assertEquals("lehr-fan-failure", ranked.get(0).cause());
    double sum = ranked.stream().mapToDouble(RankedCause::score).sum();
    assertEquals(1, sum + RootCauseAnalysis.unexplained(ranked), 1e-9);
    assertTrue(
        ranked.get(0).score() > 0.9, "a clear signature is believed: " + ranked.get(0).score());
    for (int i = 1; i < ranked.size(); i++) {
      assertTrue(ranked.get(i - 1).score() >= ranked.get(i).score());
    }
    RankedCause best = ranked.get(0);
    assertEquals(List.of("lehr-fan-failure", "annealing", "crack"), best.path());
    assertTrue(best.physicsChecked());
    assertTrue(best.physics() > 0.3, "twin fit " + best.physics());
    assertTrue(
        best.evidence().stream().anyMatch(e -> e.startsWith("F1.lehr.Z")),
        best.evidence().toString());
    assertTrue(
        best.explanation().startsWith("Lehr fan failure → Annealing → Cracks"), best.explanation());
  }

  @Test
  void aCauseWithoutItsSignatureIsNotBelievedJustForBeingTheOnlyCandidate() {
    SimulatedIncident incident =
        SimulatedIncident.simulate(FaultKind.LEHR_FAN_FAILURE, 0.9, 7, Duration.ofMinutes(15))
            .orElseThrow();
    Evidence quiet =
        new Evidence(
            "F1",
            Subject.defect("crack"),
            incident.evidence().openedAt(),
            incident.evidence().baselineEnd(),
            Map.of(),
            Map.of(),
            incident.evidence().setpoints());
    List<RankedCause> ranked = RCA.rank(quiet, EdgeStrengths.SEED, true);
    assertEquals("lehr-fan-failure", ranked.get(0).cause());
    assertTrue(ranked.get(0).score() < 0.5, "no sensor showed it: " + ranked.get(0).score());
  }

  @Test
  void aDriftingThermocoupleIsBlamedOnItselfNotOnTheProcess() {
    SimulatedIncident incident =
        SimulatedIncident.simulate(FaultKind.THERMOCOUPLE_DRIFT, 25, 11, Duration.ZERO)
            .orElseThrow();
    RankedCause best = RCA.rank(incident.evidence(), EdgeStrengths.SEED, true).get(0);
    assertEquals("thermocouple-drift", best.cause());
    assertEquals(incident.fault().tag(), best.tag());
  }

  @Test
  void confirmedFeedbackRaisesTheCauseAndRejectedLowersIt() {
    SimulatedIncident incident =
        SimulatedIncident.simulate(FaultKind.REFRACTORY_WEAR, 0.8, 3, Duration.ZERO).orElseThrow();
    List<RankedCause> before = RCA.rank(incident.evidence(), EdgeStrengths.SEED, false);
    RankedCause second = before.get(1);
    EdgeStrengths confirmed = EdgeStrengths.SEED;
    EdgeStrengths rejected = EdgeStrengths.SEED;
    for (int i = 0; i < 5; i++) {
      confirmed = confirmed.withFeedback(second.pathEdges(), true);
      rejected = rejected.withFeedback(second.pathEdges(), false);
    }
    double up = scoreOf(RCA.rank(incident.evidence(), confirmed, false), second.cause());
    double down = scoreOf(RCA.rank(incident.evidence(), rejected, false), second.cause());
    assertTrue(up > second.score(), up + " <= " + second.score());
    assertTrue(down < second.score(), down + " >= " + second.score());
  }

  private static double scoreOf(List<RankedCause> ranked, String cause) {
    return ranked.stream().filter(c -> c.cause().equals(cause)).findFirst().orElseThrow().score();
  }
}
