package io.vitrum.core.causal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The causal paths from a candidate cause to what an incident is about, along INFLUENCES and CAUSES
 * edges, at most {@link #MAX_EDGES} long and without revisiting a node.
 */
public final class GraphPaths {
  /** Fault -> parameter -> process -> defect is the longest chain of the ontology. */
  public static final int MAX_EDGES = 4;

  private GraphPaths() {}

  /** Every path from {@code from} to any of {@code targets}, strongest first. */
  public static List<CausalPath> between(
      Ontology ontology, EdgeStrengths strengths, String from, Set<String> targets) {
    List<CausalPath> out = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    visited.add(from);
    walk(ontology, strengths, from, targets, new ArrayList<>(), 1.0, visited, out);
    out.sort((a, b) -> Double.compare(b.strength(), a.strength()));
    return out;
  }

  /**
   * How strongly the graph links {@code from} to the targets: the noisy-OR of its paths' strengths,
   * {@code 1 - Π(1 - s)}; 0 without a path.
   */
  public static double belief(List<CausalPath> paths) {
    double none = 1;
    for (CausalPath p : paths) {
      none *= 1 - p.strength();
    }
    return 1 - none;
  }

  private static void walk(
      Ontology ontology,
      EdgeStrengths strengths,
      String at,
      Set<String> targets,
      List<CausalEdge> trail,
      double strength,
      Set<String> visited,
      List<CausalPath> out) {
    if (trail.size() == MAX_EDGES) {
      return;
    }
    for (CausalEdge e : ontology.outgoing(at)) {
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
      trail.add(e);
      double s = strength * strengths.strength(e);
      if (targets.contains(e.to())) {
        out.add(new CausalPath(trail, s));
      } else {
        walk(ontology, strengths, e.to(), targets, trail, s, visited, out);
      }
      trail.remove(trail.size() - 1);
      visited.remove(e.to());
    }
  }
}
