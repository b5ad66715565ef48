package io.vitrum.core.causal.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Windows at the edges of the day: at night, across midnight and across a clock change. */
class TimeWindowsTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  @Test
  void theNightWhileItLastsEndsNow() {
    assertWindow("2026-03-10T23:00", "пузыри ночью", "2026-03-10T22:00", "2026-03-10T23:00");
    assertWindow("2026-03-10T03:00", "bubbles overnight", "2026-03-09T22:00", "2026-03-10T03:00");
    assertWindow("2026-03-10T09:00", "bubbles overnight", "2026-03-09T22:00", "2026-03-10T06:00");
  }

  @Test
  void aClockTimeLaterThanNowIsYesterdays() {
    assertWindow("2026-03-10T01:00", "камни после 23:00", "2026-03-09T23:00", "2026-03-10T01:00");
  }

  @Test
  void aRangeWhoseEndIsNotAfterItsStartEndsTheNextDay() {
    assertWindow(
        "2026-03-10T09:00", "камни с 22:00 до 6:00", "2026-03-09T22:00", "2026-03-10T06:00");
  }

  @Test
  void aRangeIsCutAtNow() {
    assertWindow(
        "2026-03-10T15:30", "cracks from 14:00 to 18:00", "2026-03-10T14:00", "2026-03-10T15:30");
  }

  @Test
  void partsOfTheDayMoveTheClock() {
    assertWindow(
        "2026-03-10T23:30", "сколы после 11 вечера", "2026-03-10T23:00", "2026-03-10T23:30");
    assertWindow("2026-03-10T05:00", "сколы после 2 ночи", "2026-03-10T02:00", "2026-03-10T05:00");
    assertWindow("2026-03-10T15:30", "chips after noon", "2026-03-10T12:00", "2026-03-10T15:30");
    assertWindow("2026-03-10T15:30", "chips after 12 am", "2026-03-10T00:00", "2026-03-10T15:30");
  }

  @Test
  void yesterdayIsTheCalendarDayEvenWhenTheClockChanged() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant now = LocalDateTime.parse("2026-03-30T10:00").atZone(berlin).toInstant();
    Question question = parse(berlin, now, "stones yesterday");
    assertEquals(Duration.ofHours(23), Duration.between(question.from(), question.to()));
    assertEquals(
        LocalDateTime.parse("2026-03-29T00:00").atZone(berlin).toInstant(), question.from());
  }

  @Test
  void aDurationAsAFractionReadsInMinutes() {
    assertWindow(
        "2026-03-10T15:30", "камни за полтора часа", "2026-03-10T14:00", "2026-03-10T15:30");
    assertWindow("2026-03-10T15:30", "камни за 1,5 часа", "2026-03-10T14:00", "2026-03-10T15:30");
    assertWindow(
        "2026-03-10T15:30",
        "stones in the last couple of hours",
        "2026-03-10T13:30",
        "2026-03-10T15:30");
  }

  private static void assertWindow(String now, String text, String from, String to) {
    Question question = parse(MOSCOW, LocalDateTime.parse(now).atZone(MOSCOW).toInstant(), text);
    assertEquals(LocalDateTime.parse(from).atZone(MOSCOW).toInstant(), question.from(), text);
    assertEquals(LocalDateTime.parse(to).atZone(MOSCOW).toInstant(), question.to(), text);
    assertEquals(true, question.timeGiven(), text);
  }

  private static Question parse(ZoneId zone, Instant now, String text) {
    QuestionParser parser = new QuestionParser(Set.of("F1", "F2"), zone, Duration.ofHours(4));
    ParseOutcome outcome = parser.parse(text, now);
    return assertInstanceOf(ParseOutcome.Parsed.class, outcome, () -> text + ": " + outcome)
        .question();
  }
}
