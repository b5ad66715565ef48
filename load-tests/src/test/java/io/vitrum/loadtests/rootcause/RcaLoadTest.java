package io.vitrum.loadtests.rootcause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.causal.CausalEdge;
import io.vitrum.core.causal.CausalNode;
import io.vitrum.core.causal.EdgeStrengths;
import io.vitrum.core.causal.Evidence;
import io.vitrum.core.causal.GraphPaths;
import io.vitrum.core.causal.NodeKind;
import io.vitrum.core.causal.Ontology;
import io.vitrum.core.causal.SimulatedIncident;
import io.vitrum.core.sim.FaultKind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RcaLoadTest {
  private static final Ontology SEED = Ontology.bundled();

  @Test
  void theSparsePlantNeverSeesTheMissingTags() {
    double magnitude = RcaLoad.magnitude(FaultKind.CULLET_SWING, 1000);
    Evidence sparse =
        SimulatedIncident.simulate(
                FaultKind.CULLET_SWING,
                magnitude,
                1000,
                Duration.ZERO,
                Set.copyOf(RcaLoad.SPARSE_REMOVED))
            .orElseThrow()
            .evidence();
    for (String tag : RcaLoad.SPARSE_REMOVED) {
      assertFalse(sparse.series().containsKey(tag), tag);
      assertFalse(sparse.subject().isAnomaly() && sparse.subject().tag().equals(tag), tag);
    }
  }

  @Test
  void theSyntheticOntologyHasAboutTheNodesAskedForInOneConnectedGraph() {
    int units = SyntheticOntology.unitsFor(SEED, 10_000);
    Ontology large = SyntheticOntology.of(SEED, units, true, 42);
    assertTrue(Math.abs(large.nodes().size() - 10_000) <= SyntheticOntology.nodesPerUnit(SEED));
    assertTrue(large.nodes().keySet().containsAll(SEED.nodes().keySet()));
    assertTrue(large.edges().containsAll(SEED.edges()));
    Map<String, Set<String>> neighbours = new HashMap<>();
    for (CausalEdge e : large.edges()) {
      neighbours.computeIfAbsent(e.from(), k -> new HashSet<>()).add(e.to());
      neighbours.computeIfAbsent(e.to(), k -> new HashSet<>()).add(e.from());
    }
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("seed"));
    while (!todo.isEmpty()) {
      String at = todo.pop();
      if (seen.add(at)) {
        todo.addAll(neighbours.getOrDefault(at, Set.of()));
      }
    }
    assertEquals(large.nodes().size(), seen.size(), "weakly connected");
  }

  @Test
  void everyUnitFaultIsACandidateForSomeDefect() {
    Ontology small = SyntheticOntology.of(SEED, 3, false, 7);
    Set<String> defects =
        small.nodes(NodeKind.DEFECT).stream().map(CausalNode::id).collect(Collectors.toSet());
    for (CausalNode fault : small.nodes(NodeKind.FAULT)) {
      if (fault.id().startsWith("u") && !fault.id().endsWith("thermocouple-drift")) {
        assertFalse(
            GraphPaths.between(small, EdgeStrengths.SEED, fault.id(), defects).isEmpty(),
            fault.id());
      }
    }
  }

  @Test
  void optionsAreCheckedBeforeAnythingRuns() {
    RcaLoad.Options o = RcaLoad.parse(new String[] {"--seeds", "3", "--nodes", "500"});
    assertEquals(3, o.seeds());
    assertEquals(500, o.nodes());
    assertThrows(IllegalArgumentException.class, () -> RcaLoad.parse(new String[] {"--seeds"}));
    assertThrows(
        IllegalArgumentException.class, () -> RcaLoad.parse(new String[] {"--seeds", "x"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> RcaLoad.parse(new String[] {"--measure-rules", "yes"}));
    assertThrows(
        IllegalArgumentException.class, () -> RcaLoad.parse(new String[] {"--bogus", "1"}));
  }
}
