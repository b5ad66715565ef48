package io.vitrum.streams.ml;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.features.FeatureSchema;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.features.FurnaceFeatures;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.sim.FaultSchedule;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulationListener;
import io.vitrum.core.sim.SimulatorConfig;
import io.vitrum.streams.features.FeatureSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fresh simulator data for the models' quality tests: a run of the plant with random faults from a
 * seed the training never used, each furnace's feature vectors once a minute (the engine's own
 * feature stage, live schema), and the fault schedule as ground truth.
 */
record SimulatedPlant(Map<String, List<FeatureVector>> vectors, FaultSchedule faults) {
  static SimulatedPlant run(int furnaces, Duration span, long seed) {
    SimulatorConfig base = SimulatorConfig.of(furnaces, seed);
    FaultSchedule faults = FaultSchedule.random(base.furnaces(), base.start(), span, seed);
    PlantSimulator simulator = new PlantSimulator(base.withFaults(faults));
    FeatureSchema schema = FeatureSettings.create(ConfigFactory.load()).schema();
    Map<String, List<String>> tags = new HashMap<>();
    for (TagSpec t : simulator.tags()) {
      tags.computeIfAbsent(TagId.furnaceOf(t.tag()), f -> new ArrayList<>()).add(t.tag());
    }
    Map<String, FurnaceFeatures> features = new HashMap<>();
    Map<String, List<FeatureVector>> out = new TreeMap<>();
    simulator.advance(
        span,
        new SimulationListener() {
          @Override
          public void onReading(Reading r) {
            if (!Double.isFinite(r.value())) {
              return;
            }
            String furnace = TagId.furnaceOf(r.tag());
            FurnaceFeatures f =
                features.computeIfAbsent(
                    furnace, id -> new FurnaceFeatures(id, "quality", schema, tags.get(id)));
            for (FeatureVector v : f.add(r.tag(), r.ts().toEpochMilli(), r.value())) {
              if (v.at() % 60_000 == 0) {
                out.computeIfAbsent(furnace, id -> new ArrayList<>()).add(v);
              }
            }
          }
        });
    return new SimulatedPlant(out, faults);
  }
}
