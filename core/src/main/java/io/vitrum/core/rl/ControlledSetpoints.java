package io.vitrum.core.rl;

import io.vitrum.core.plant.SetpointParameter;
import java.util.List;

/**
 * The supervisory setpoints a policy acts on, in the order of its action vector: crown temperature,
 * excess O2, electric boost and lehr cooling rate. Pull, cullet and gob temperature stay with the
 * operators.
 */
public final class ControlledSetpoints {
  /** The action vector's parameters, index by index. */
  public static final List<SetpointParameter> PARAMETERS =
      List.of(
          SetpointParameter.CROWN_TEMPERATURE,
          SetpointParameter.EXCESS_O2,
          SetpointParameter.ELECTRIC_BOOST,
          SetpointParameter.LEHR_COOLING_RATE);

  /** The length of an action vector. */
  public static final int SIZE = PARAMETERS.size();

  private ControlledSetpoints() {}
}
