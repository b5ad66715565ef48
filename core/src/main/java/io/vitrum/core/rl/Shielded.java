package io.vitrum.core.rl;

import io.vitrum.core.physics.Setpoints;
import java.util.List;

/**
 * What the shield lets through: the setpoints to apply, how many of the requested values it had to
 * change ({@code interventions}, one per setpoint altered) and why.
 *
 * @param setpoints the safe setpoints, to be applied instead of the request
 * @param interventions number of requested values the shield changed
 * @param reasons one line per intervention
 */
public record Shielded(Setpoints setpoints, int interventions, List<String> reasons) {

  public Shielded {
    reasons = List.copyOf(reasons);
  }
}
