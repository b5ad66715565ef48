package io.vitrum.core.sim;

import io.vitrum.core.features.FeatureSchema;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.features.FurnaceFeatures;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.plant.TagSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run of the simulated plant with random faults through the engine's feature computation: each
 * furnace's feature vectors at instants that are multiples of {@code every}, and the fault schedule
 * as ground truth. What the models' quality checks and benchmarks run on: fresh data from a seed
 * the training never used.
 *
 * @param vectors per furnace, in time order
 * @param faults the injected faults
 */
public record SimulatedFeatures(Map<String, List<FeatureVector>> vectors, FaultSchedule faults) {

  /** Simulates {@code furnaces} furnaces for {@code span} from {@code seed}. */
  public static SimulatedFeatures run(
      int furnaces, Duration span, long seed, FeatureSchema schema, Duration every) {
    SimulatorConfig base = SimulatorConfig.of(furnaces, seed);
    FaultSchedule faults = FaultSchedule.random(base.furnaces(), base.start(), span, seed);
    PlantSimulator simulator = new PlantSimulator(base.withFaults(faults));
    Map<String, List<String>> tags = new HashMap<>();
    for (TagSpec t : simulator.tags()) {
      tags.computeIfAbsent(TagId.furnaceOf(t.tag()), f -> new ArrayList<>()).add(t.tag());
    }
    Map<String, FurnaceFeatures> features = new HashMap<>();
    Map<String, List<FeatureVector>> out = new TreeMap<>();
    long everyMillis = every.toMillis();
    simulator.advance(
        span,
        new SimulationListener() {
          @Override
          public void onReading(Reading r) {
            if (!Double.isFinite(r.value())) {
              return; // the engine quarantines it before the features
            }
            String furnace = TagId.furnaceOf(r.tag());
            FurnaceFeatures f =
                features.computeIfAbsent(
                    furnace, id -> new FurnaceFeatures(id, "simulated", schema, tags.get(id)));
            for (FeatureVector v : f.add(r.tag(), r.ts().toEpochMilli(), r.value())) {
              if (v.at() % everyMillis == 0) {
                out.computeIfAbsent(furnace, id -> new ArrayList<>()).add(v);
              }
            }
          }
        });
    return new SimulatedFeatures(out, faults);
  }
}
