package io.vitrum.core.causal;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain of edges from a cause to what it explains, with the product of their strengths.
 *
 * @param edges the edges, cause first
 * @param strength product of the edges' current strengths
 */
public record CausalPath(List<CausalEdge> edges, double strength) {

  public CausalPath {
    edges = List.copyOf(edges);
    if (edges.isEmpty()) {
      throw new IllegalArgumentException("a path has at least one edge");
    }
  }

  /** The node ids along the path, cause first. */
  public List<String> nodes() {
    List<String> out = new ArrayList<>();
    out.add(edges.get(0).from());
    for (CausalEdge e : edges) {
      out.add(e.to());
    }
    return out;
  }
}
