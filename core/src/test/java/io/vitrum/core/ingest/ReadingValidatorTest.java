package io.vitrum.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.ReadingCheck;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadingValidatorTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final String TAG = "F1.crown.T1";
  private final TagMap map =
      TagMap.parse(
              "tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address\n"
                  + "F1.crown.T1,F1,degC,0,1800,,1650,opcua,ns=2;s=F1.crown.T1\n"
                  + "F1.setpoint.crownTemperature,F1,degC,1450,1650,,,opcua,ns=2;s=sp\n")
          .toMap();
  private final ReadingValidator validator =
      new ReadingValidator(
          new ReadingCheck.TimeBounds(Instant.parse("2000-01-01T00:00:00Z"), Duration.ofMinutes(5)),
          0.5);

  @Test
  void acceptsAGoodReadingEvenBeyondItsAlarmLimit() {
    assertEquals(Optional.empty(), check(reading(0, 1700, "degC", Quality.GOOD)));
    assertEquals(Optional.empty(), check(reading(1, 1701, null, Quality.UNCERTAIN)));
  }

  @Test
  void everyClassOfBadInputHasItsCode() {
    assertCode(RejectionCode.UNKNOWN_TAG, check(SourceReading.good("F9.x.y", NOW, 1)));
    assertCode(
        RejectionCode.UNKNOWN_TAG,
        check(SourceReading.good("F1.setpoint.crownTemperature", NOW, 1500)),
        "a setpoint row is not a sensor");
    assertCode(RejectionCode.BAD_QUALITY, check(reading(0, 1500, null, Quality.BAD)));
    assertCode(RejectionCode.UNIT_MISMATCH, check(reading(0, 1500, "degF", Quality.GOOD)));
    assertCode(RejectionCode.NOT_FINITE, check(reading(0, Double.NaN, null, Quality.GOOD)));
    assertCode(RejectionCode.ABOVE_PHYSICAL_MAX, check(reading(0, 1800.5, null, Quality.GOOD)));
    assertCode(RejectionCode.BELOW_PHYSICAL_MIN, check(reading(0, -1, null, Quality.GOOD)));
    assertCode(
        RejectionCode.TIMESTAMP_IN_FUTURE,
        check(SourceReading.good(TAG, NOW.plus(Duration.ofMinutes(6)), 1500)));
    assertCode(
        RejectionCode.TIMESTAMP_TOO_OLD,
        check(SourceReading.good(TAG, Instant.parse("1999-12-31T23:59:59Z"), 1500)));
  }

  @Test
  void theSameTimestampAgainIsADuplicateAndAnOlderOneIsLate() {
    assertEquals(Optional.empty(), check(reading(10, 1500, null, Quality.GOOD)));
    assertCode(RejectionCode.DUPLICATE, check(reading(10, 1500, null, Quality.GOOD)));
    assertCode(RejectionCode.NOT_NEWER_THAN_LAST, check(reading(9, 1500, null, Quality.GOOD)));
    assertEquals(Optional.empty(), check(reading(11, 1501, null, Quality.GOOD)));
  }

  @Test
  void aJumpFasterThanHalfTheRangePerSecondIsImpossible() {
    assertEquals(Optional.empty(), check(reading(0, 500, null, Quality.GOOD)));
    Optional<Rejection> spike = check(reading(1, 1401, null, Quality.GOOD));
    assertCode(RejectionCode.IMPOSSIBLE_RATE, spike);
    assertTrue(spike.get().reason().contains("faster than 900 degC/s"), spike.get().reason());
    assertEquals(
        Optional.empty(), check(reading(2, 1399, null, Quality.GOOD)), "the spike is not the last");
    assertEquals(
        Optional.empty(),
        check(reading(10, 1799, null, Quality.GOOD)),
        "the same step over more seconds is believable");
  }

  @Test
  void aStepConfirmedByTheNextReadingIsAcceptedAfterItsFirstReading() {
    assertEquals(Optional.empty(), check(reading(0, 100, null, Quality.GOOD)));
    assertCode(RejectionCode.IMPOSSIBLE_RATE, check(reading(1, 1500, null, Quality.GOOD)));
    assertEquals(
        Optional.empty(),
        check(reading(2, 1501, null, Quality.GOOD)),
        "the new level holds: a real step, not a spike");
    assertEquals(Optional.empty(), check(reading(3, 1502, null, Quality.GOOD)));
    assertCode(
        RejectionCode.IMPOSSIBLE_RATE,
        check(reading(4, 100, null, Quality.GOOD)),
        "a later jump is judged against the new level");
  }

  @Test
  void rejectedReadingsDoNotBecomeTheLast() {
    assertEquals(Optional.empty(), check(reading(0, 1500, null, Quality.GOOD)));
    assertCode(RejectionCode.BAD_QUALITY, check(reading(1, 1500, null, Quality.BAD)));
    assertEquals(Optional.empty(), check(reading(1, 1500, null, Quality.GOOD)));
  }

  private Optional<Rejection> check(SourceReading r) {
    return validator.check(map, r, NOW);
  }

  private static SourceReading reading(int second, double value, String unit, Quality quality) {
    return new SourceReading(TAG, NOW.minusSeconds(60).plusSeconds(second), value, unit, quality);
  }

  private static void assertCode(RejectionCode expected, Optional<Rejection> actual) {
    assertCode(expected, actual, "");
  }

  private static void assertCode(RejectionCode expected, Optional<Rejection> actual, String why) {
    assertTrue(actual.isPresent(), "expected " + expected + " " + why);
    assertEquals(expected, actual.get().code(), actual.get().reason());
  }
}
