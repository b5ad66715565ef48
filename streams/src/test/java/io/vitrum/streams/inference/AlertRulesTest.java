package io.vitrum.streams.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
  private static Prediction prediction(long at, double risk, double sensor) {
    return new Prediction(
        "F1",
        at,
        Map.of(),
        null,
        null,
        risk,
        10.0,
        List.of(new Prediction.SensorScore("F1.crown.T3", sensor)),
        0.1);
  }

  @Test
  void aRiskOverItsThresholdRaisesOnceAndClearsWellBelowIt() {
    AlertRules rules = new AlertRules();
    assertTrue(rules.apply(prediction(1, 9.0, 0.1)).isEmpty());
    List<Alert> raised = rules.apply(prediction(2, 12.0, 0.1));
    assertEquals(1, raised.size());
    assertEquals("model:defect-risk", raised.get(0).alarmId());
    assertTrue(raised.get(0).raised());
    assertTrue(raised.get(0).message().contains("12.0 rejects per 1000"), raised.get(0).message());
    assertTrue(rules.apply(prediction(3, 12.5, 0.1)).isEmpty(), "raised once");
    assertTrue(rules.apply(prediction(4, 8.5, 0.1)).isEmpty(), "8.5 is above 80 % of 10: holds");
    List<Alert> cleared = rules.apply(prediction(5, 7.0, 0.1));
    assertEquals(1, cleared.size());
    assertFalse(cleared.get(0).raised());
  }

  @Test
  void aFaultedSensorRaisesItsOwnAlarm() {
    AlertRules rules = new AlertRules();
    List<Alert> raised = rules.apply(prediction(1, 1.0, 0.93));
    assertEquals(1, raised.size());
    assertEquals("model:sensor:F1.crown.T3", raised.get(0).alarmId());
    assertEquals("sensor-fault", raised.get(0).kind());
    List<Alert> cleared = rules.apply(prediction(2, 1.0, 0.2));
    assertEquals("model:sensor:F1.crown.T3", cleared.get(0).alarmId());
    assertFalse(cleared.get(0).raised());
  }
}
