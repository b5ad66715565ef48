package io.vitrum.loadtests.plant;

import io.vitrum.core.plant.Reading;
import io.vitrum.core.sim.DefectEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one simulation step produced.
 *
 * @param ts the simulated time of the step
 * @param readings every sample reported in the step (a lost sample is absent, a stuck one present)
 * @param faults the tags whose instrument shows a visible fault in this step
 * @param defects items rejected in this step, with their class
 */
public record PlantStep(
    Instant ts,
    List<Reading> readings,
    Map<String, SensorStatus> faults,
    List<DefectEvent> defects) {
  public PlantStep {
    Objects.requireNonNull(ts, "ts");
    readings = List.copyOf(readings);
    faults = Map.copyOf(faults);
    defects = List.copyOf(defects);
  }
}
