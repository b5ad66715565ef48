package io.vitrum.core.twin;

import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointCheck;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One hypothetical change of one supervisory setpoint, for a what-if or a shadow candidate. A
 * change is checked against the parameter's hard safe bounds only: a scenario may look further than
 * the largest single step an operator command may take.
 *
 * @param parameter which setpoint
 * @param mode whether {@code value} is an offset or the new value
 * @param value the offset or new value, in the parameter's unit
 */
public record SetpointChange(SetpointParameter parameter, ChangeMode mode, double value) {
  public SetpointChange {
    if (parameter == null || mode == null) {
      throw new IllegalArgumentException("parameter and mode are required");
    }
  }

  public static SetpointChange delta(SetpointParameter parameter, double offset) {
    return new SetpointChange(parameter, ChangeMode.DELTA, offset);
  }

  public static SetpointChange absolute(SetpointParameter parameter, double value) {
    return new SetpointChange(parameter, ChangeMode.ABSOLUTE, value);
  }

  /** The value {@link #parameter()} would take from {@code current}. */
  public double target(Setpoints current) {
    return mode == ChangeMode.DELTA ? current.get(parameter) + value : value;
  }

  /**
   * Why {@code changes} cannot be applied to {@code current}, or empty when they can: each
   * parameter named once, every value finite, every target within its safe bounds ({@link
   * SetpointCheck#withinBounds}).
   */
  public static Optional<Rejection> validate(Setpoints current, List<SetpointChange> changes) {
    Set<SetpointParameter> seen = EnumSet.noneOf(SetpointParameter.class);
    for (SetpointChange c : changes) {
      SetpointParameter p = c.parameter();
      if (!seen.add(p)) {
        return Optional.of(
            Rejection.of(
                RejectionCode.DUPLICATE_PARAMETER, p.key() + " is changed more than once"));
      }
      Optional<Rejection> rejection =
          Double.isFinite(c.value())
              ? SetpointCheck.withinBounds(p, c.target(current))
              : SetpointCheck.withinBounds(p, c.value());
      if (rejection.isPresent()) {
        return rejection;
      }
    }
    return Optional.empty();
  }

  /** {@code current} with every change applied; call {@link #validate} first. */
  public static Setpoints apply(Setpoints current, List<SetpointChange> changes) {
    Setpoints out = current;
    for (SetpointChange c : changes) {
      out = out.with(c.parameter(), c.target(current));
    }
    return out;
  }
}
