package io.vitrum.core.causal;

import java.util.Objects;

/**
 * One relationship of the causal ontology, with the prior belief in it.
 *
 * @param relation its type
 * @param from source node id
 * @param to target node id
 * @param sign +1 or -1: for a fault acting on a parameter, the direction the parameter moves; for
 *     an influence on a process, whether more of the source means more trouble (+1) or less (-1)
 * @param strength prior belief in the edge, in (0, 1]
 * @param lagMinutes typical delay from cause to effect
 */
public record CausalEdge(
    Relation relation, String from, String to, int sign, double strength, double lagMinutes) {

  public CausalEdge {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (sign != 1 && sign != -1) {
      throw new IllegalArgumentException("sign must be +1 or -1");
    }
    if (!(strength > 0 && strength <= 1)) {
      throw new IllegalArgumentException("strength must be in (0, 1]: " + strength);
    }
    if (!(lagMinutes >= 0) || !Double.isFinite(lagMinutes)) {
      throw new IllegalArgumentException("lag must be finite and non-negative");
    }
  }

  /** Stable key of the edge, e.g. {@code INFLUENCES:lehr-fan-failure->annealing}. */
  public String key() {
    return relation + ":" + from + "->" + to;
  }
}
