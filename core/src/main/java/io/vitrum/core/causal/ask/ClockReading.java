package io.vitrum.core.causal.ask;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day as written: {@code 14:00}, {@code 14.30}, {@code 14}, {@code 14ч}, {@code 14
 * часов}, {@code 2 pm}, {@code 2pm}, {@code 2:30 p.m.}, {@code 2 o'clock}, {@code двух}, {@code 2
 * дня} (14:00), {@code 11 вечера}, {@code 2 ночи}, {@code 8 утра}, {@code noon}, {@code midnight},
 * {@code полдень}, {@code полночь}. A bare hour is on the 24-hour clock: "after 2" is 02:00.
 *
 * @param hour the hour as written, before the part of the day is applied
 * @param minute the minutes as written
 * @param dayPart the part of the day written after it, {@link DayPart#NONE} when none
 * @param explicit whether it was written as a time (with minutes, a unit or a part of the day)
 *     rather than as a bare number
 */
record ClockReading(int hour, int minute, DayPart dayPart, boolean explicit) {
  private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?(am|pm|h|ч)?");
  private static final Stem O_CLOCK = Stem.parse("oclock");
  private static final List<Stem> NOON = List.of(Stem.parse("noon"), Stem.parse("полд|ень|ня"));
  private static final List<Stem> MIDNIGHT =
      List.of(Stem.parse("midnight"), Stem.parse("полноч|ь|и"), Stem.parse("полуночи"));

  /** The part of the day that follows a clock time and moves it to the 24-hour clock. */
  enum DayPart {
    NONE,
    /** {@code am}, {@code утра}: 12 is midnight. */
    AM,
    /** {@code pm}, {@code дня}, {@code вечера}: 1 to 11 are 13 to 23. */
    PM,
    /** {@code ночи}: 12 is midnight, 9 to 11 are 21 to 23, 1 to 5 stay. */
    NIGHT;

    static DayPart of(String token) {
      return switch (token) {
        case "am", "утра" -> AM;
        case "pm", "дня", "вечера" -> PM;
        case "ночи" -> NIGHT;
        default -> NONE;
      };
    }
  }

  /**
   * The clock time written at {@code i}, valid or not ("25:00" reads, so that it can be reported).
   * A bare number followed by a unit other than hours ({@code 5 минут}) is not a clock time.
   */
  static Optional<Match<ClockReading>> read(Words words, int i) {
    String token = words.free(i);
    if (NOON.stream().anyMatch(s -> s.matches(token))) {
      return Optional.of(new Match<>(new ClockReading(12, 0, DayPart.NONE, true), 1));
    }
    if (MIDNIGHT.stream().anyMatch(s -> s.matches(token))) {
      return Optional.of(new Match<>(new ClockReading(0, 0, DayPart.NONE, true), 1));
    }
    int hour;
    int minute = 0;
    boolean explicit;
    DayPart dayPart = DayPart.NONE;
    Matcher clock = CLOCK.matcher(token);
    if (clock.matches()) {
      hour = Integer.parseInt(clock.group(1));
      minute = clock.group(2) == null ? 0 : Integer.parseInt(clock.group(2));
      explicit = clock.group(2) != null || clock.group(3) != null;
      if (clock.group(3) != null) {
        dayPart = DayPart.of(clock.group(3));
      }
    } else {
      OptionalInt word = NumberWords.cardinal(token);
      if (word.isEmpty() || word.getAsInt() > 24) {
        return Optional.empty();
      }
      hour = word.getAsInt();
      explicit = false;
    }
    int length = 1;
    boolean hourWord =
        Durations.isHourWord(words.free(i + 1)) || O_CLOCK.matches(words.free(i + 1));
    if (hourWord) {
      length++;
      explicit = true;
    }
    DayPart written = DayPart.of(words.free(i + length));
    if (dayPart == DayPart.NONE && written != DayPart.NONE) {
      dayPart = written;
      length++;
      explicit = true;
    } else if (!hourWord && Durations.unit(words.free(i + 1)).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new Match<>(new ClockReading(hour, minute, dayPart, explicit), length));
  }

  /** This reading with {@code part} applied when it names none of its own. */
  ClockReading orDayPart(DayPart part) {
    return dayPart == DayPart.NONE ? new ClockReading(hour, minute, part, explicit) : this;
  }

  /** The time of day, or empty when no such time exists (25:00, 14:75, 13 pm). */
  Optional<LocalTime> time() {
    if (minute > 59) {
      return Optional.empty();
    }
    int h = hour;
    switch (dayPart) {
      case AM -> {
        if (h < 1 || h > 12) {
          return Optional.empty();
        }
        h = h == 12 ? 0 : h;
      }
      case PM -> {
        if (h < 1 || h > 12) {
          return Optional.empty();
        }
        h = h == 12 ? 12 : h + 12;
      }
      case NIGHT -> {
        if (h < 1 || h > 12) {
          return Optional.empty();
        }
        h = h == 12 ? 0 : h >= 9 ? h + 12 : h;
      }
      case NONE -> {
        if (h > 23) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(LocalTime.of(h, minute));
  }
}
