package io.vitrum.loadtests.rootcause;

import io.vitrum.core.causal.CausalEdge;
import io.vitrum.core.causal.EdgeStrengths;
import io.vitrum.core.causal.GraphPaths;
import io.vitrum.core.causal.Ontology;
import io.vitrum.core.causal.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The walk of {@link GraphPaths#between} over an adjacency index built once per ontology, in place
 * of {@link Ontology#outgoing(String)}'s scan of every edge at every step: what the load measures
 * to size that change before anyone makes it in core. Same edges, same order, same pruning, so the
 * same paths; it returns only their noisy-OR and count, which is what the ranking uses of them.
 */
final class IndexedPaths {
  private final Map<String, List<CausalEdge>> outgoing = new HashMap<>();

  IndexedPaths(Ontology ontology) {
    for (CausalEdge e : ontology.edges()) {
      outgoing.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
    }
  }

  /** The noisy-OR belief and number of the paths from {@code from} to {@code targets}. */
  Belief between(EdgeStrengths strengths, String from, Set<String> targets) {
    double[] acc = {1, 0};
    Set<String> visited = new HashSet<>();
    visited.add(from);
    walk(strengths, from, targets, 0, 1.0, visited, acc);
    return new Belief(1 - acc[0], (int) acc[1]);
  }

  /** The graph's belief in one candidate and how many paths make it. */
  record Belief(double belief, int paths) {}

  private void walk(
      EdgeStrengths strengths,
      String at,
      Set<String> targets,
      int depth,
      double strength,
      Set<String> visited,
      double[] acc) {
    if (depth == GraphPaths.MAX_EDGES) {
      return;
    }
    for (CausalEdge e : outgoing.getOrDefault(at, List.of())) {
      boolean misreads = e.relation() == Relation.MISREADS;
      if (e.relation() != Relation.INFLUENCES && e.relation() != Relation.CAUSES && !misreads) {
        continue;
      }
      if (misreads && !targets.contains(e.to())) {
        continue;
      }
      if (!visited.add(e.to())) {
        continue;
      }
      double s = strength * strengths.strength(e);
      if (targets.contains(e.to())) {
        acc[0] *= 1 - s;
        acc[1]++;
      } else {
        walk(strengths, e.to(), targets, depth + 1, s, visited, acc);
      }
      visited.remove(e.to());
    }
  }
}
