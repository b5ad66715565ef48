package io.vitrum.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlantSimulatorTest {

  private static List<Reading> run(SimulatorConfig config, Duration span) {
    List<Reading> readings = new ArrayList<>();
    new PlantSimulator(config).advance(span, readings::add);
    return readings;
  }

  @Test
  void sameSeedSameReadingsOtherSeedOtherReadings() {
    SimulatorConfig config = SimulatorConfig.of(2, 42);
    List<Reading> a = run(config, Duration.ofMinutes(3));
    assertEquals(a, run(config, Duration.ofMinutes(3)));
    assertNotEquals(a, run(SimulatorConfig.of(2, 43), Duration.ofMinutes(3)));
  }

  @Test
  void advancingInPiecesEqualsAdvancingAtOnce() {
    SimulatorConfig config = SimulatorConfig.of(1, 7);
    PlantSimulator pieces = new PlantSimulator(config);
    List<Reading> readings = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pieces.advance(Duration.ofSeconds(30), readings::add);
    }
    assertEquals(run(config, Duration.ofMinutes(3)), readings);
    assertEquals(config.start().plus(Duration.ofMinutes(3)), pieces.now());
  }

  @Test
  void everyTagIsPublishedAtItsRateWithinItsRange() {
    SimulatorConfig config = SimulatorConfig.of(2, 1);
    int minutes = 10;
    List<Reading> readings = run(config, Duration.ofMinutes(minutes));
    Map<String, TagSpec> specs = new HashMap<>();
    for (String f : config.furnaces()) {
      FurnaceTags.of(f).forEach(t -> specs.put(t.tag(), t));
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Reading r : readings) {
      TagSpec spec = specs.get(r.tag());
      assertTrue(spec != null, "unknown tag " + r.tag());
      assertTrue(r.value() >= spec.min() && r.value() <= spec.max(), r.tag() + " = " + r.value());
      assertEquals(
          0, (r.ts().toEpochMilli() - config.start().toEpochMilli()) % spec.sampling().toMillis());
      counts.merge(r.tag(), 1, Integer::sum);
    }
    assertEquals(specs.keySet(), counts.keySet());
    long seconds = minutes * 60L;
    for (TagSpec spec : specs.values()) {
      assertEquals(
          seconds / spec.sampling().toSeconds() + 1, (long) counts.get(spec.tag()), spec.tag());
    }
  }

  @Test
  void readingsArePlausibleForANominalContainerFurnace() {
    List<Reading> readings = run(SimulatorConfig.of(1, 3), Duration.ofMinutes(2));
    assertTrue(mean(readings, "F1.crown.T3") > 1450 && mean(readings, "F1.crown.T3") < 1650);
    assertTrue(mean(readings, "F1.gob.T") > 1050 && mean(readings, "F1.gob.T") < 1150);
    assertTrue(mean(readings, "F1.lehr.Z6") < mean(readings, "F1.lehr.Z1"));
    double inspected = last(readings, "F1.insp.inspected");
    assertEquals(SimulatorConfig.DEFAULT_ITEMS_PER_MINUTE, inspected, 1);
  }

  @Test
  void setpointsChangeAtRuntimeWithinTheirBounds() {
    PlantSimulator sim = new PlantSimulator(SimulatorConfig.of(1, 5));
    sim.setSetpoint("F1", SetpointParameter.GOB_TEMPERATURE, 1130);
    assertEquals(1130, sim.setpoints("F1").gobTemperatureC());
    assertThrows(
        IllegalArgumentException.class,
        () -> sim.setSetpoint("F1", SetpointParameter.GOB_TEMPERATURE, 1300));
    assertThrows(
        IllegalArgumentException.class,
        () -> sim.setSetpoint("F9", SetpointParameter.GOB_TEMPERATURE, 1100));
    sim.advance(Duration.ofHours(1), r -> {});
    assertEquals(1130, sim.state("F1").outputs().gobC(), 10);
  }

  @Test
  void defectsAreDrawnWithTheirCauseAndCounted() {
    SimulatorConfig config = SimulatorConfig.of(1, 11);
    PlantSimulator sim = new PlantSimulator(config);
    List<Reading> readings = new ArrayList<>();
    sim.advance(Duration.ofHours(2), readings::add);
    List<DefectEvent> defects = sim.defects();
    assertTrue(!defects.isEmpty(), "two hours of production have rejects");
    int counted = 0;
    for (Reading r : readings) {
      if (r.tag().startsWith("F1.insp.reject.")) {
        counted += (int) r.value();
      }
    }
    assertEquals(defects.size(), counted, "every reject is counted in its minute");
    assertTrue(defects.stream().allMatch(d -> !d.trueCause().isBlank()));
    assertEquals(defects, rerunDefects(config));
  }

  private static List<DefectEvent> rerunDefects(SimulatorConfig config) {
    PlantSimulator sim = new PlantSimulator(config);
    sim.advance(Duration.ofHours(2), r -> {});
    return sim.defects();
  }

  static double mean(List<Reading> readings, String tag) {
    return readings.stream()
        .filter(r -> r.tag().equals(tag))
        .mapToDouble(Reading::value)
        .average()
        .orElseThrow();
  }

  static double last(List<Reading> readings, String tag) {
    double value = Double.NaN;
    for (Reading r : readings) {
      if (r.tag().equals(tag)) {
        value = r.value();
      }
    }
    return value;
  }
}
