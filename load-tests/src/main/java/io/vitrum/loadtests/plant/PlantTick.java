package io.vitrum.loadtests.plant;

import io.vitrum.core.physics.Setpoints;
import java.util.List;
import java.util.Map;

/**
 * What one tick of the real-time loop produced: the steps simulated (none when the clock has not
 * moved a whole step, several when catching up or running faster than real time) and every
 * furnace's setpoints after the tick's writes were applied.
 *
 * @param steps the steps, in time order
 * @param setpoints setpoints by furnace id
 */
public record PlantTick(List<PlantStep> steps, Map<String, Setpoints> setpoints) {
  public PlantTick {
    steps = List.copyOf(steps);
    setpoints = Map.copyOf(setpoints);
  }
}
