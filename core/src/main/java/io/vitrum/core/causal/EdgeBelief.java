package io.vitrum.core.causal;

/**
 * The belief in one causal edge as a Beta distribution: {@code alpha} counts the evidence for it,
 * {@code beta} against it. The strength is the mean, kept within {@link #MIN_STRENGTH} and {@link
 * #MAX_STRENGTH} so that no run of answers makes an edge certain or removes it.
 *
 * @param alpha pseudo-count for, positive
 * @param beta pseudo-count against, positive
 */
public record EdgeBelief(double alpha, double beta) {
  /** How many answers the seed's prior is worth. */
  public static final double PRIOR_WEIGHT = 10;

  public static final double MIN_STRENGTH = 0.05;
  public static final double MAX_STRENGTH = 0.95;

  public EdgeBelief {
    if (!(alpha > 0 && beta > 0) || !Double.isFinite(alpha + beta)) {
      throw new IllegalArgumentException("alpha and beta must be positive and finite");
    }
  }

  /** The prior of an edge the seed gives {@code strength}. */
  public static EdgeBelief prior(double strength) {
    double s = Math.max(MIN_STRENGTH, Math.min(MAX_STRENGTH, strength));
    return new EdgeBelief(s * PRIOR_WEIGHT, (1 - s) * PRIOR_WEIGHT);
  }

  /** The belief after one operator's answer: {@code confirmed} adds to alpha, else to beta. */
  public EdgeBelief update(boolean confirmed) {
    return confirmed ? new EdgeBelief(alpha + 1, beta) : new EdgeBelief(alpha, beta + 1);
  }

  /** The posterior mean, within the bounds. */
  public double strength() {
    return Math.max(MIN_STRENGTH, Math.min(MAX_STRENGTH, alpha / (alpha + beta)));
  }
}
