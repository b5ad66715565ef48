package io.vitrum.core.causal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learnt beliefs in the ontology's edges, by {@link CausalEdge#key()}; an edge without an entry
 * keeps its seed strength. Immutable: {@link #withFeedback} returns the beliefs after an operator
 * confirmed or rejected a cause, moving every edge of its explanation path by one answer.
 *
 * @param beliefs learnt beliefs by edge key
 */
public record EdgeStrengths(Map<String, EdgeBelief> beliefs) {
  /** Nothing learnt yet: every edge at its seed strength. */
  public static final EdgeStrengths SEED = new EdgeStrengths(Map.of());

  public EdgeStrengths {
    beliefs = Map.copyOf(beliefs);
  }

  /** The belief in {@code edge}: learnt, or the seed's prior. */
  public EdgeBelief belief(CausalEdge edge) {
    EdgeBelief b = beliefs.get(edge.key());
    return b != null ? b : EdgeBelief.prior(edge.strength());
  }

  /** The strength of {@code edge} now. */
  public double strength(CausalEdge edge) {
    return beliefs.containsKey(edge.key())
        ? beliefs.get(edge.key()).strength()
        : EdgeBelief.prior(edge.strength()).strength();
  }

  /** These beliefs after one answer on the cause whose explanation path is {@code path}. */
  public EdgeStrengths withFeedback(List<CausalEdge> path, boolean confirmed) {
    Map<String, EdgeBelief> copy = new HashMap<>(beliefs);
    for (CausalEdge e : path) {
      copy.put(e.key(), belief(e).update(confirmed));
    }
    return new EdgeStrengths(copy);
  }
}
