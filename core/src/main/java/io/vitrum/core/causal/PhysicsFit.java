package io.vitrum.core.causal;

import java.time.Duration;

/**
 * How well the twin, running one hypothesis, reproduces what the plant showed.
 *
 * @param fit {@code 1 - cost(hypothesis) / cost(no fault)} over every process tag after the onset:
 *     1 the hypothesis explains every change, 0 it explains nothing more than "no fault", negative
 *     it predicts changes that did not happen
 * @param magnitude the best-fitting magnitude, in the fault kind's unit (for an instrument fault,
 *     the drift per hour in the tag's unit)
 * @param ramp the best-fitting development time
 */
public record PhysicsFit(double fit, double magnitude, Duration ramp) {
  /** No hypothesis could be simulated. */
  public static final PhysicsFit NONE = new PhysicsFit(0, 0, Duration.ZERO);
}
