package io.vitrum.core.rl;

import io.vitrum.core.plant.SetpointParameter;

/**
 * How far a policy may move one setpoint: its bounds, never wider than the parameter's hard bounds,
 * and its largest change per control interval, never larger than the parameter's maximum step.
 *
 * @param parameter the setpoint
 * @param min lowest value a policy may set, in the parameter's unit
 * @param max highest value a policy may set
 * @param maxStep largest change in one control interval
 */
public record ShieldLimit(SetpointParameter parameter, double min, double max, double maxStep) {

  public ShieldLimit {
    if (parameter == null) {
      throw new IllegalArgumentException("parameter is required");
    }
    if (!(min >= parameter.min() && max <= parameter.max() && min < max)) {
      throw new IllegalArgumentException(
          "%s limits [%s, %s] must lie inside its hard bounds [%s, %s]"
              .formatted(parameter.key(), min, max, parameter.min(), parameter.max()));
    }
    if (!(maxStep > 0 && maxStep <= parameter.maxStep())) {
      throw new IllegalArgumentException(
          "%s step %s must be in (0, %s]".formatted(parameter.key(), maxStep, parameter.maxStep()));
    }
  }

  /** The parameter's own hard bounds and maximum step. */
  public static ShieldLimit hard(SetpointParameter parameter) {
    return new ShieldLimit(parameter, parameter.min(), parameter.max(), parameter.maxStep());
  }

  /** Whether {@code value} is finite and inside the limits. */
  public boolean contains(double value) {
    return Double.isFinite(value) && value >= min && value <= max;
  }
}
