package io.vitrum.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SetpointParameter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each injected fault moves the quantities it should: a run with the fault against the same run
 * (same seed) without it.
 */
class FaultInjectionTest {
  private static final SimulatorConfig CONFIG = SimulatorConfig.of(1, 2024);
  private static final Instant FAULT_START = CONFIG.start().plus(Duration.ofMinutes(10));
  private static final Duration LONG = Duration.ofHours(6);

  /** A healthy run and a faulty run of the same plant, advanced together. */
  private record Pair(PlantSimulator healthy, PlantSimulator faulty) {
    static Pair with(Consumer<PlantSimulator> change) {
      PlantSimulator faulty = new PlantSimulator(CONFIG);
      change.accept(faulty);
      return new Pair(new PlantSimulator(CONFIG), faulty);
    }

    /** Advances both by {@code span}, returning the readings of the last {@code window}. */
    List<List<Reading>> advance(Duration span, Duration window) {
      List<List<Reading>> out = List.of(new ArrayList<>(), new ArrayList<>());
      healthy.advance(span.minus(window), r -> {});
      faulty.advance(span.minus(window), r -> {});
      healthy.advance(window, out.get(0)::add);
      faulty.advance(window, out.get(1)::add);
      return out;
    }
  }

  private static FaultScenario process(FaultKind kind, double magnitude) {
    return FaultScenario.process(
        "F1", kind, FAULT_START, Duration.ofMinutes(10), Duration.ofHours(24), magnitude);
  }

  private static double mean(List<Reading> readings, String tag) {
    return PlantSimulatorTest.mean(readings, tag);
  }

  @Test
  void burnerDegradationCostsGasToHoldTheCrown() {
    Pair pair = Pair.with(s -> s.inject(process(FaultKind.BURNER_DEGRADATION, 0.15)));
    List<List<Reading>> r = pair.advance(Duration.ofHours(2), Duration.ofMinutes(30));
    double healthyGas = mean(r.get(0), "F1.gas.flow");
    double faultyGas = mean(r.get(1), "F1.gas.flow");
    double crownDrop = mean(r.get(0), "F1.crown.T3") - mean(r.get(1), "F1.crown.T3");
    assertTrue(
        faultyGas > healthyGas * 1.05 || crownDrop > 5,
        "gas " + healthyGas + " -> " + faultyGas + ", crown drop " + crownDrop);
  }

  @Test
  void batchMoistureCostsGas() {
    Pair pair = Pair.with(s -> s.inject(process(FaultKind.BATCH_MOISTURE, 3)));
    List<List<Reading>> r = pair.advance(Duration.ofHours(2), Duration.ofMinutes(30));
    assertTrue(mean(r.get(1), "F1.gas.flow") > mean(r.get(0), "F1.gas.flow") * 1.01);
  }

  @Test
  void moreCulletSavesEnergyPerTonne() {
    Pair pair = Pair.with(s -> s.inject(process(FaultKind.CULLET_SWING, 20)));
    List<List<Reading>> r = pair.advance(Duration.ofHours(2), Duration.ofMinutes(30));
    assertTrue(mean(r.get(1), "F1.cullet.fraction") > mean(r.get(0), "F1.cullet.fraction") + 15);
    double healthy = pair.healthy().state("F1").outputs().energyPerTonneGj();
    double faulty = pair.faulty().state("F1").outputs().energyPerTonneGj();
    assertTrue(faulty < healthy * 0.99, "energy per tonne " + healthy + " -> " + faulty);
    assertTrue(mean(r.get(1), "F1.gas.flow") < mean(r.get(0), "F1.gas.flow"));
  }

  @Test
  void lehrFanFailureChangesTheLehrAndCracksMore() {
    Pair pair = Pair.with(s -> s.inject(process(FaultKind.LEHR_FAN_FAILURE, 1)));
    List<List<Reading>> r = pair.advance(Duration.ofHours(1), Duration.ofMinutes(30));
    double shift = 0;
    for (int z = 1; z <= 6; z++) {
      shift += Math.abs(mean(r.get(1), "F1.lehr.Z" + z) - mean(r.get(0), "F1.lehr.Z" + z));
    }
    assertTrue(shift > 10, "lehr zones move: " + shift);
    assertTrue(
        pair.faulty().defectProbability("F1", InspectionClass.CRACK)
            > 2 * pair.healthy().defectProbability("F1", InspectionClass.CRACK));
    assertTrue(
        count(pair.faulty(), InspectionClass.CRACK) > count(pair.healthy(), InspectionClass.CRACK));
  }

  @Test
  void refractoryWearShedsStones() {
    Pair pair = Pair.with(s -> s.inject(process(FaultKind.REFRACTORY_WEAR, 0.7)));
    pair.advance(Duration.ofHours(2), Duration.ZERO);
    assertTrue(
        pair.faulty().defectProbability("F1", InspectionClass.STONE)
            > 1.5 * pair.healthy().defectProbability("F1", InspectionClass.STONE));
    assertTrue(
        count(pair.faulty(), InspectionClass.STONE) > count(pair.healthy(), InspectionClass.STONE));
    assertTrue(
        pair.faulty().defects().stream().anyMatch(d -> d.trueCause().equals("refractory-wear")));
  }

  @Test
  void thermocoupleDriftMovesThatTagAndNothingElse() {
    Pair pair =
        Pair.with(
            s ->
                s.inject(
                    FaultScenario.sensor(
                        "F1.crown.T2",
                        FaultKind.THERMOCOUPLE_DRIFT,
                        FAULT_START,
                        Duration.ofHours(24),
                        20)));
    List<List<Reading>> r = pair.advance(Duration.ofHours(2), Duration.ofMinutes(10));
    double drift = mean(r.get(1), "F1.crown.T2") - mean(r.get(0), "F1.crown.T2");
    assertEquals(20 * (105 / 60.0), drift, 2, "20 degC/h, 100-110 min after the fault began");
    List<Reading> healthyOthers =
        r.get(0).stream().filter(x -> !x.tag().equals("F1.crown.T2")).toList();
    List<Reading> faultyOthers =
        r.get(1).stream().filter(x -> !x.tag().equals("F1.crown.T2")).toList();
    assertEquals(healthyOthers, faultyOthers);
  }

  @Test
  void fasterLehrCoolingRaisesCracks() {
    Pair pair = Pair.with(s -> s.setSetpoint("F1", SetpointParameter.LEHR_COOLING_RATE, 18));
    pair.advance(Duration.ofHours(1), Duration.ZERO);
    assertTrue(
        pair.faulty().defectProbability("F1", InspectionClass.CRACK)
            > 1.5 * pair.healthy().defectProbability("F1", InspectionClass.CRACK));
    assertTrue(
        count(pair.faulty(), InspectionClass.CRACK) > count(pair.healthy(), InspectionClass.CRACK));
  }

  @Test
  void hotterCrownFinesOutSeedsOverTime() {
    Pair pair =
        Pair.with(
            s ->
                s.setSetpoint(
                    "F1",
                    SetpointParameter.CROWN_TEMPERATURE,
                    s.setpoints("F1").crownTemperatureC() + 50));
    double before = pair.faulty().defectProbability("F1", InspectionClass.BUBBLE);
    pair.advance(LONG, Duration.ZERO);
    double after = pair.faulty().defectProbability("F1", InspectionClass.BUBBLE);
    double healthy = pair.healthy().defectProbability("F1", InspectionClass.BUBBLE);
    assertTrue(after < 0.8 * before, "bubbles " + before + " -> " + after);
    assertTrue(after < 0.8 * healthy);
  }

  private static long count(PlantSimulator sim, InspectionClass defectClass) {
    return sim.defects().stream().filter(d -> d.defectClass() == defectClass).count();
  }
}
