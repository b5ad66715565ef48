package io.vitrum.core.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlarmLimitsTest {
  private final AlarmLimits limits = new AlarmLimits(1400.0, 1600.0, 5);

  @Test
  void raisesAboveHighAndClearsOnlyPastTheDeadband() {
    AnomalyLevel level = limits.next(AnomalyLevel.NORMAL, 1601);
    assertEquals(AnomalyLevel.HIGH, level);
    assertEquals(AnomalyLevel.HIGH, limits.next(level, 1599), "inside the deadband: still high");
    assertEquals(AnomalyLevel.NORMAL, limits.next(level, 1594));
  }

  @Test
  void raisesBelowLowAndClearsOnlyPastTheDeadband() {
    AnomalyLevel level = limits.next(AnomalyLevel.NORMAL, 1399);
    assertEquals(AnomalyLevel.LOW, level);
    assertEquals(AnomalyLevel.LOW, limits.next(level, 1402));
    assertEquals(AnomalyLevel.NORMAL, limits.next(level, 1406));
  }

  @Test
  void noLimitsNeverAlarm() {
    assertEquals(AnomalyLevel.NORMAL, AlarmLimits.NONE.next(AnomalyLevel.NORMAL, 1e9));
  }

  @Test
  void reportsInconsistentLimits() {
    assertTrue(new AlarmLimits(1600.0, 1400.0, 1).problems(0, 1800).get(0).contains("below"));
    assertTrue(new AlarmLimits(null, 2000.0, 1).problems(0, 1800).get(0).contains("physical"));
    assertTrue(new AlarmLimits(null, null, -1).problems(0, 1800).get(0).contains("deadband"));
  }
}
