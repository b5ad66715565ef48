package io.vitrum.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScenarioTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void severityRampsHoldsAndEnds() {
    FaultScenario fan =
        FaultScenario.process(
            "F1", FaultKind.LEHR_FAN_FAILURE, T0, Duration.ofMinutes(10), Duration.ofHours(1), 0.8);
    assertEquals(0, fan.severityAt(T0.minusSeconds(1)));
    assertEquals(0.5, fan.severityAt(T0.plus(Duration.ofMinutes(5))), 1e-9);
    assertEquals(0.8, fan.levelAt(T0.plus(Duration.ofMinutes(30))), 1e-9);
    assertFalse(fan.isActiveAt(T0.plus(Duration.ofHours(1))));
    assertEquals("lehr-fan-failure", fan.rootCause());
  }

  @Test
  void sensorFaultsNameATagOfTheirFurnace() {
    FaultScenario drift =
        FaultScenario.sensor(
            "F2.crown.T3", FaultKind.THERMOCOUPLE_DRIFT, T0, Duration.ofHours(2), 15);
    assertEquals("F2", drift.furnace());
    assertEquals(new ThermocoupleDrift(15), drift.sensorFault());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new FaultScenario(
                "F1",
                FaultKind.STUCK_SENSOR,
                T0,
                Duration.ZERO,
                Duration.ofHours(1),
                0,
                null,
                "stuck-sensor"));
  }

  @Test
  void randomSchedulesAreReproducibleAndCoverTheRun() {
    List<String> furnaces = List.of("F1", "F2");
    Duration span = Duration.ofHours(12);
    FaultSchedule a = FaultSchedule.random(furnaces, T0, span, 42);
    assertEquals(a, FaultSchedule.random(furnaces, T0, span, 42));
    assertNotEquals(a, FaultSchedule.random(furnaces, T0, span, 43));
    assertEquals(4, a.forFurnace("F1").size());
    for (FaultScenario s : a.scenarios()) {
      assertTrue(s.start().isAfter(T0) && s.start().isBefore(T0.plus(span)));
    }
  }
}
