package io.vitrum.core.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingCheckTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final ReadingCheck.TimeBounds BOUNDS =
      new ReadingCheck.TimeBounds(Instant.parse("2000-01-01T00:00:00Z"), SKEW);
  private final SensorConfig config = new SensorConfig("F1", "degC", 0, 1800, null);

  private String code(Instant ts, double value, Instant lastTs) {
    return ReadingCheck.check(config, ts, value, lastTs, NOW, BOUNDS)
        .map(r -> r.code().wire())
        .orElse("accepted");
  }

  @Test
  void acceptsAPlausibleReadingEvenBeyondAlarmLimits() {
    assertEquals("accepted", code(NOW, 1520.5, NOW.minusSeconds(1)));
    assertEquals("accepted", code(NOW, 1800, null));
  }

  @Test
  void namesEachReasonForRejection() {
    assertEquals("not-finite", code(NOW, Double.NaN, null));
    assertEquals("not-finite", code(NOW, Double.NEGATIVE_INFINITY, null));
    assertEquals("below-physical-min", code(NOW, -0.1, null));
    assertEquals("above-physical-max", code(NOW, 1800.1, null));
    assertEquals("timestamp-in-future", code(NOW.plus(SKEW).plusSeconds(1), 1500, null));
    assertEquals("not-newer-than-last", code(NOW, 1500, NOW));
    assertEquals("timestamp-too-old", code(Instant.parse("1999-12-31T23:59:59Z"), 1500, null));
    assertEquals("timestamp-too-old", code(Instant.MIN, 1500, null));
  }

  @Test
  void configProblemsNameTheField() {
    SensorConfig wrongFurnace = new SensorConfig("F2", "degC", 0, 1800, null);
    assertTrue(wrongFurnace.problems("F1.crown.T3").get(0).contains("does not match"));
    assertTrue(new SensorConfig("F1", "", 10, 0, null).problems("F1.crown.T3").size() >= 2);
    assertTrue(config.problems("F1.crown.T3").isEmpty());
    SensorConfig loneSurrogate = new SensorConfig("F1", "deg\ud800", 0, 1800, null);
    assertTrue(
        loneSurrogate.problems("F1.crown.T3").get(0).contains("well-formed Unicode"),
        loneSurrogate.problems("F1.crown.T3")::toString);
  }
}
