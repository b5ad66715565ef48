package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.sim.FaultKind;
import io.vitrum.core.sim.FaultScenario;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedPlantTest {
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  private static SimulatedPlant plant(SetpointInbox inbox) {
    return new SimulatedPlant(new PlantSimulator(SimulatorConfig.of(1, 9).withStart(START)), inbox);
  }

  private static SetpointInbox inbox() {
    return new SetpointInbox(Set.of("F1"), 4);
  }

  @Test
  void theFirstTickStartsWithEveryTagAtTheStartTime() {
    PlantTick tick = plant(inbox()).advance(2);

    assertEquals(3, tick.steps().size());
    assertEquals(START, tick.steps().get(0).ts());
    assertEquals(FurnaceTags.of("F1").size(), tick.steps().get(0).readings().size());
    assertEquals(START.plusSeconds(2), tick.steps().get(2).ts());
  }

  @Test
  void writesAreAppliedBeforeTheNextSteps() {
    SetpointInbox inbox = inbox();
    SimulatedPlant plant = plant(inbox);
    plant.advance(1);

    assertEquals(
        SetpointInbox.Verdict.ACCEPTED,
        inbox.submit("F1", SetpointParameter.GOB_TEMPERATURE, 1120, "test"));
    PlantTick tick = plant.advance(1);

    assertEquals(1120, tick.setpoints().get("F1").get(SetpointParameter.GOB_TEMPERATURE));
  }

  @Test
  void theInboxRefusesWhatThePlantCannotTake() {
    SetpointInbox inbox = new SetpointInbox(Set.of("F1"), 1);

    assertEquals(
        SetpointInbox.Verdict.OUT_OF_RANGE,
        inbox.submit("F1", SetpointParameter.GOB_TEMPERATURE, 1500, "test"));
    assertEquals(
        SetpointInbox.Verdict.OUT_OF_RANGE,
        inbox.submit("F1", SetpointParameter.GOB_TEMPERATURE, Double.NaN, "test"));
    assertEquals(
        SetpointInbox.Verdict.UNKNOWN_FURNACE,
        inbox.submit("F9", SetpointParameter.GOB_TEMPERATURE, 1100, "test"));
    assertEquals(
        SetpointInbox.Verdict.ACCEPTED,
        inbox.submit("F1", SetpointParameter.GOB_TEMPERATURE, 1100, "test"));
    assertEquals(
        SetpointInbox.Verdict.BUSY,
        inbox.submit("F1", SetpointParameter.GOB_TEMPERATURE, 1101, "test"));
  }

  @Test
  void stuckSensorsAndSamplesLostToADropoutAreVisible() {
    SimulatedPlant plant = plant(inbox());
    plant
        .simulator()
        .inject(
            FaultScenario.sensor(
                "F1.bottom.T1", FaultKind.STUCK_SENSOR, START, Duration.ofMinutes(5), 0));
    plant
        .simulator()
        .inject(
            FaultScenario.sensor(
                "F1.lehr.Z1", FaultKind.SENSOR_DROPOUT, START, Duration.ofMinutes(5), 1));
    PlantTick tick = plant.advance(10);

    PlantStep tenSeconds = tick.steps().get(10);
    PlantStep nineSeconds = tick.steps().get(9);
    assertEquals(SensorStatus.STUCK, tenSeconds.faults().get("F1.bottom.T1"));
    assertTrue(
        tenSeconds.readings().stream().anyMatch(r -> r.tag().equals("F1.bottom.T1")),
        "a stuck sensor still reports");
    assertEquals(SensorStatus.LOST, tenSeconds.faults().get("F1.lehr.Z1"), "due every 10 s");
    assertTrue(tenSeconds.readings().stream().map(Reading::tag).noneMatch("F1.lehr.Z1"::equals));
    assertEquals(null, nineSeconds.faults().get("F1.lehr.Z1"), "not due, so not lost");
  }
}
