package io.vitrum.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A repaired fault acts as scheduled up to its repair and not after: a run with the repair against
 * the same run (same seed) without it, and against a healthy one.
 */
class FaultRepairTest {
  private static final SimulatorConfig CONFIG = SimulatorConfig.of(1, 77);
  private static final Instant START = CONFIG.start().plus(Duration.ofMinutes(2));
  private static final FaultScenario FAN =
      FaultScenario.process(
          "F1",
          FaultKind.LEHR_FAN_FAILURE,
          START,
          Duration.ofMinutes(10),
          Duration.ofHours(4),
          0.8);

  private static PlantSimulator with(FaultScenario... faults) {
    PlantSimulator simulator = new PlantSimulator(CONFIG);
    for (FaultScenario f : faults) {
      simulator.inject(f);
    }
    return simulator;
  }

  private static void step(PlantSimulator... simulators) {
    for (PlantSimulator s : simulators) {
      s.advance(CONFIG.step(), r -> {});
    }
  }

  @Test
  void aRepairInsideTheRampKeepsTheLevelsUntilThenAndEndsTheFault() {
    PlantSimulator repaired = with(FAN);
    PlantSimulator unrepaired = with(FAN);
    PlantSimulator healthy = with();
    Instant at = START.plus(Duration.ofMinutes(4));

    FaultScenario now = repaired.repair(FAN, at).orElseThrow();

    assertEquals(at, now.end());
    assertEquals(Duration.ofMinutes(4), now.ramp());
    assertEquals(0.8 * 0.4, now.magnitude(), 1e-12, "the level reached after 4 of 10 minutes");
    assertEquals(List.of(now), repaired.faults().scenarios());
    for (step(repaired, unrepaired, healthy);
        repaired.now().isBefore(at);
        step(repaired, unrepaired, healthy)) {
      assertEquals(
          unrepaired.disturbances("F1").lehrCoolingFactor(),
          repaired.disturbances("F1").lehrCoolingFactor(),
          1e-12,
          "at " + repaired.now());
    }
    assertEquals(at, repaired.now());
    assertEquals(healthy.disturbances("F1"), repaired.disturbances("F1"));
    assertTrue(
        unrepaired.disturbances("F1").lehrCoolingFactor()
            > healthy.disturbances("F1").lehrCoolingFactor());
    assertTrue(repaired.activeFaults().isEmpty());
  }

  @Test
  void aRepairNowStopsTheFaultFromTheNextStepOn() {
    PlantSimulator simulator = with(FAN);
    PlantSimulator healthy = with();
    simulator.advance(Duration.ofMinutes(20), r -> {});
    healthy.advance(Duration.ofMinutes(20), r -> {});
    assertTrue(
        simulator.disturbances("F1").lehrCoolingFactor()
            > healthy.disturbances("F1").lehrCoolingFactor());

    FaultScenario now = simulator.repair(FAN, simulator.now()).orElseThrow();
    step(simulator, healthy);

    assertEquals(FAN.ramp(), now.ramp(), "past its ramp the fault keeps its shape");
    assertEquals(FAN.magnitude(), now.magnitude());
    assertEquals(Duration.ofMinutes(18), now.duration());
    assertEquals(healthy.disturbances("F1"), simulator.disturbances("F1"));
    assertFalse(now.isActiveAt(simulator.now()));
  }

  @Test
  void aRepairedSensorReportsAgain() {
    FaultScenario stuck =
        FaultScenario.sensor("F1.crown.T3", FaultKind.STUCK_SENSOR, START, Duration.ofHours(4), 0);
    PlantSimulator simulator = with(stuck);
    simulator.advance(Duration.ofMinutes(10), r -> {});
    List<Reading> frozen = new ArrayList<>();
    simulator.advance(Duration.ofMinutes(2), r -> keep(frozen, r));
    assertEquals(1, frozen.stream().map(Reading::value).distinct().count(), "stuck");

    simulator.repair(stuck, simulator.now());
    List<Reading> live = new ArrayList<>();
    simulator.advance(Duration.ofMinutes(2), r -> keep(live, r));

    assertTrue(live.stream().map(Reading::value).distinct().count() > 1, "reporting again");
  }

  private static void keep(List<Reading> readings, Reading r) {
    if (r.tag().equals("F1.crown.T3")) {
      readings.add(r);
    }
  }

  @Test
  void aFaultRepairedBeforeItStartsIsRemoved() {
    PlantSimulator simulator = with(FAN);

    assertEquals(Optional.empty(), simulator.repair(FAN, START));
    assertEquals(FaultSchedule.NONE, simulator.faults());
  }

  @Test
  void aFaultAlreadyOverStaysAsItIs() {
    PlantSimulator simulator = with(FAN);

    assertEquals(Optional.of(FAN), simulator.repair(FAN, FAN.end().plusSeconds(1)));
    assertEquals(FaultSchedule.of(FAN), simulator.faults());
  }

  @Test
  void onlyAScheduledFaultCanBeRepaired() {
    PlantSimulator simulator = with();

    assertThrows(IllegalArgumentException.class, () -> simulator.repair(FAN, START));
  }

  @Test
  void theScheduleReplacesAndRemovesInPlace() {
    FaultScenario later = FAN.withRootCause("later");
    FaultSchedule schedule = FaultSchedule.of(FAN, later);
    FaultScenario shorter =
        new FaultScenario(
            "F1",
            FaultKind.LEHR_FAN_FAILURE,
            START,
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            0.1,
            null,
            "lehr-fan-failure");

    assertEquals(List.of(shorter, later), schedule.replacing(FAN, shorter).scenarios());
    assertEquals(List.of(later), schedule.without(FAN).scenarios());
    assertThrows(IllegalArgumentException.class, () -> schedule.without(shorter));
  }
}
