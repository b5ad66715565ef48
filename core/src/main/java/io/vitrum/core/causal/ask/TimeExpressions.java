package io.vitrum.core.causal.ask;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the time window of a question, in the plant's zone and relative to the moment it was asked.
 * Windows never end after that moment. Understood, in either language:
 *
 * <ul>
 *   <li>since a clock time: {@code после 14:00}, {@code с 14 часов}, {@code since 14:00}, {@code
 *       after 2 pm}, {@code after 14.30}; a time later than now is yesterday's;
 *   <li>between clock times: {@code с 14:00 до 16:00}, {@code from 14:00 to 16:00}, {@code between
 *       2 and 4 pm}, {@code между 14 и 16}, {@code 14:00-16:00}; on the day of the start, ending
 *       the next day when the end is not after the start, cut at now;
 *   <li>until a clock time: {@code до 10:00}, {@code before 10 am}: from the start of that day;
 *   <li>a length up to now: {@code за последний час}, {@code за последние 3 часа}, {@code за 30
 *       минут}, {@code за сутки}, {@code last hour}, {@code in the last 2 hours}, {@code past 90
 *       minutes}, {@code last 24h}, {@code 2 hours ago}, {@code since 2 hours ago};
 *   <li>days: {@code вчера}/{@code yesterday} (the whole of yesterday), {@code со вчера}/{@code со
 *       вчерашнего дня}/{@code since yesterday} (from yesterday 00:00), {@code сегодня}/{@code
 *       today} (from today 00:00); with a clock time the time is on that day ({@code вчера с 14:00
 *       до 16:00}, {@code yesterday after 2 pm} up to the end of yesterday, {@code since yesterday
 *       14:00} up to now);
 *   <li>{@code за смену}/{@code this shift}: the last {@link #SHIFT} (8 hours), whichever shift
 *       pattern the plant runs;
 *   <li>{@code ночью}/{@code за ночь}/{@code overnight}/{@code last night}: 22:00 to 06:00 of the
 *       last night, or from 22:00 up to now while the night lasts;
 *   <li>{@code с утра}/{@code this morning}: since 06:00.
 * </ul>
 *
 * "За последнее время", "lately" and "recently" are read but give no window (the default applies),
 * as do "до сих пор" and "so far". A time cue followed by something else ({@code после обеда},
 * {@code since lunch}), a time that does not exist ({@code 25:00}) or a clock time with no cue is
 * reported as unreadable. Only the first window in a question counts.
 */
final class TimeExpressions {
  /** The window of {@code за смену} and {@code this shift}: the last eight hours. */
  static final Duration SHIFT = Duration.ofHours(8);

  private static final LocalTime NIGHT_START = LocalTime.of(22, 0);
  private static final LocalTime NIGHT_END = LocalTime.of(6, 0);
  private static final LocalTime MORNING = LocalTime.of(6, 0);
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern STRAY_CLOCK =
      Pattern.compile("\\d{1,2}(?:[:.]\\d{2}(?:am|pm)?|am|pm)");

  private static final List<Phrase> FILLER =
      Phrase.all("до сих пор", "по сей день", "until now", "till now", "up to now", "so far");
  private static final List<Phrase> VAGUE =
      Phrase.all(
          "за последн|ее время",
          "в последн|ее время",
          "последн|ее время",
          "недавно",
          "lately",
          "recently",
          "of late");
  private static final List<Phrase> SINCE_YESTERDAY =
      Phrase.all(
          "с||о вчера",
          "с||о вчерашн|его",
          "с||о вчерашн|его дн|я",
          "начиная с||о вчера",
          "начиная с||о вчерашн|его",
          "начиная с||о вчерашн|его дня",
          "since yesterday",
          "from yesterday");
  private static final List<Phrase> SINCE_MORNING =
      Phrase.all(
          "с утра",
          "с||о сегодняшн|его утра",
          "since morning",
          "since this morning",
          "this morning");
  private static final List<Phrase> BETWEEN = Phrase.all("between", "между");
  private static final List<Phrase> BETWEEN_JOIN = Phrase.all("and", "и", "-");
  private static final List<Phrase> SINCE_STRONG =
      Phrase.all("после", "позже", "since", "after", "starting", "starting from", "начиная с||о");
  private static final List<Phrase> SINCE_WEAK = Phrase.all("с||о", "from");
  private static final List<Phrase> RANGE_JOIN =
      Phrase.all("до", "по", "to", "until", "till", "-", "and");
  private static final List<Phrase> UNTIL = Phrase.all("до", "until", "till", "before");
  private static final List<Phrase> AT = Phrase.all("в", "at");
  private static final List<Phrase> LEAD =
      Phrase.all(
          "за",
          "last",
          "past",
          "previous",
          "последн|ий|ие|их|юю|ее|яя|его|ими|им|ей",
          "прошл|ый|ые|ых|ую|ой|ого|ом|ая|ое");
  private static final List<Phrase> AGO = Phrase.all("назад", "ago");
  private static final List<Phrase> YESTERDAY =
      Phrase.all(
          "вчера",
          "вчерашн|ий|его|ему|им|ем|ие|их|яя|юю|ей",
          "вчерашн|ий|его д|ень|ня",
          "yesterday");
  private static final List<Phrase> TODAY =
      Phrase.all(
          "сегодня", "сегодняшн|ий|его|ие|их|яя|юю|ей", "сегодняшн|ий|его д|ень|ня", "today");
  private static final List<Phrase> SHIFT_WORDS = Phrase.all("смен|а|у|ы|е|ой", "shift||s");
  private static final List<Phrase> NIGHT_WORDS = Phrase.all("ночью", "ночь", "overnight", "night");

  /**
   * A window of time, {@code [from, to)}.
   *
   * @param from inclusive
   * @param to exclusive
   */
  record Window(Instant from, Instant to) {}

  /**
   * What a question says about time.
   *
   * @param window the window it gives, empty when it gives none
   * @param unreadable the fragments that look like time but could not be read
   */
  record TimeReading(Optional<Window> window, List<String> unreadable) {}

  private enum Day {
    TODAY,
    YESTERDAY,
    SINCE_YESTERDAY
  }

  private sealed interface Piece {}

  private record Since(LocalTime time) implements Piece {}

  private record Between(LocalTime from, LocalTime to) implements Piece {}

  private record Until(LocalTime time) implements Piece {}

  private record Last(Duration length) implements Piece {}

  private record Night() implements Piece {}

  private record OnDay(Day day) implements Piece {}

  private record Vague() implements Piece {}

  private record Filler() implements Piece {}

  private record Unreadable() implements Piece {}

  private record Step(List<Piece> pieces, int length) {}

  private TimeExpressions() {}

  /** The window {@code words} give as seen at {@code now}, and the words left. */
  static Reading<TimeReading> read(Words words, ZonedDateTime now) {
    Words rest = words;
    Optional<Day> anchor = Optional.empty();
    Optional<Piece> main = Optional.empty();
    String mainText = "";
    List<String> unreadable = new ArrayList<>();
    int i = 0;
    while (i < rest.size()) {
      Optional<Step> found = rest.free(i).isEmpty() ? Optional.empty() : stepAt(rest, i);
      if (found.isEmpty()) {
        i++;
        continue;
      }
      Step step = found.get();
      String text = rest.text(i, i + step.length());
      for (Piece piece : step.pieces()) {
        if (piece instanceof OnDay onDay) {
          anchor = anchor.or(() -> Optional.of(onDay.day()));
        } else if (piece instanceof Unreadable) {
          unreadable.add(text);
        } else if (!(piece instanceof Vague || piece instanceof Filler) && main.isEmpty()) {
          main = Optional.of(piece);
          mainText = text;
        }
      }
      rest = rest.read(i, i + step.length());
      i += step.length();
    }
    for (int k = 0; k < rest.size(); k++) {
      if (STRAY_CLOCK.matcher(rest.free(k)).matches()) {
        unreadable.add(rest.free(k));
        rest = rest.read(k, k + 1);
      }
    }
    Optional<Window> window = Optional.empty();
    if (main.isPresent() || anchor.isPresent()) {
      window = window(main, anchor, now);
      if (window.isEmpty()) {
        unreadable.add(mainText);
      }
    }
    return new Reading<>(new TimeReading(window, List.copyOf(unreadable)), rest);
  }

  private static Optional<Step> stepAt(Words w, int i) {
    int n;
    if ((n = Phrase.longestAt(FILLER, w, i)) > 0) {
      return step(n, new Filler());
    }
    if ((n = Phrase.longestAt(VAGUE, w, i)) > 0) {
      return step(n, new Vague());
    }
    if ((n = Phrase.longestAt(SINCE_YESTERDAY, w, i)) > 0) {
      int at = n + Phrase.longestAt(AT, w, i + n);
      Optional<Match<ClockReading>> clock = ClockReading.read(w, i + at);
      if (clock.isPresent() && clock.get().value().explicit()) {
        int length = at + clock.get().length();
        return clock
            .get()
            .value()
            .time()
            .map(t -> new Step(List.of(new OnDay(Day.SINCE_YESTERDAY), new Since(t)), length))
            .or(() -> step(length, new Unreadable()));
      }
      return step(n, new OnDay(Day.SINCE_YESTERDAY));
    }
    if ((n = Phrase.longestAt(SINCE_MORNING, w, i)) > 0) {
      return step(n, new Since(MORNING));
    }
    if ((n = Phrase.longestAt(BETWEEN, w, i)) > 0) {
      Optional<Step> range = range(w, i, n, BETWEEN_JOIN, false);
      return range.isPresent() ? range : unreadable(w, i, n);
    }
    boolean strong = (n = Phrase.longestAt(SINCE_STRONG, w, i)) > 0;
    if (!strong) {
      n = Phrase.longestAt(SINCE_WEAK, w, i);
    }
    if (n > 0) {
      Optional<Match<Duration>> ago = agoAt(w, i + n);
      if (ago.isPresent()) {
        return step(n + ago.get().length(), new Last(ago.get().value()));
      }
      Optional<Step> range = range(w, i, n, RANGE_JOIN, false);
      if (range.isPresent()) {
        return range;
      }
      Optional<Match<ClockReading>> clock = ClockReading.read(w, i + n);
      boolean weakWord =
          !strong
              && clock.isPresent()
              && !clock.get().value().explicit()
              && !DIGITS.matcher(w.free(i + n)).matches();
      if (clock.isPresent() && !weakWord) {
        int length = n + clock.get().length();
        return clock
            .get()
            .value()
            .time()
            .map(t -> new Step(List.<Piece>of(new Since(t)), length))
            .or(() -> step(length, new Unreadable()));
      }
      if (strong) {
        return unreadable(w, i, n);
      }
    }
    if ((n = Phrase.longestAt(UNTIL, w, i)) > 0) {
      Optional<Match<ClockReading>> clock = ClockReading.read(w, i + n);
      if (clock.isPresent()) {
        int length = n + clock.get().length();
        return clock
            .get()
            .value()
            .time()
            .map(t -> new Step(List.<Piece>of(new Until(t)), length))
            .or(() -> step(length, new Unreadable()));
      }
      return unreadable(w, i, n);
    }
    Optional<Step> bare = range(w, i, 0, RANGE_JOIN, true);
    if (bare.isPresent()) {
      return bare;
    }
    int lead = 0;
    while ((n = Phrase.longestAt(LEAD, w, i + lead)) > 0) {
      lead += n;
    }
    if (lead > 0) {
      Optional<Match<Duration>> length = Durations.read(w, i + lead);
      if (length.isPresent()) {
        return step(lead + length.get().length(), new Last(length.get().value()));
      }
      int cue = lead;
      return dayOrPeriodAt(w, i + cue).map(s -> new Step(s.pieces(), cue + s.length()));
    }
    Optional<Match<Duration>> ago = agoAt(w, i);
    if (ago.isPresent()) {
      return step(ago.get().length(), new Last(ago.get().value()));
    }
    return dayOrPeriodAt(w, i);
  }

  private static Optional<Step> dayOrPeriodAt(Words w, int i) {
    int n;
    if ((n = Phrase.longestAt(YESTERDAY, w, i)) > 0) {
      return step(n, new OnDay(Day.YESTERDAY));
    }
    if ((n = Phrase.longestAt(TODAY, w, i)) > 0) {
      return step(n, new OnDay(Day.TODAY));
    }
    if ((n = Phrase.longestAt(SHIFT_WORDS, w, i)) > 0) {
      return step(n, new Last(SHIFT));
    }
    if ((n = Phrase.longestAt(NIGHT_WORDS, w, i)) > 0) {
      return step(n, new Night());
    }
    return Optional.empty();
  }

  /**
   * Two clock times joined by one of {@code joins} after a cue of {@code cue} tokens at {@code i}.
   * A part of the day written only on the second applies to the first when that keeps the first no
   * later ("between 2 and 4 pm"). Without a cue one of the times must be written as a time.
   */
  private static Optional<Step> range(
      Words w, int i, int cue, List<Phrase> joins, boolean needsExplicit) {
    Optional<Match<ClockReading>> first = ClockReading.read(w, i + cue);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    int join = i + cue + first.get().length();
    int joined = Phrase.longestAt(joins, w, join);
    if (joined == 0) {
      return Optional.empty();
    }
    Optional<Match<ClockReading>> second = ClockReading.read(w, join + joined);
    if (second.isEmpty()) {
      return Optional.empty();
    }
    ClockReading a = first.get().value();
    ClockReading b = second.get().value();
    if (needsExplicit && !a.explicit() && !b.explicit()) {
      return Optional.empty();
    }
    int length = cue + first.get().length() + joined + second.get().length();
    Optional<LocalTime> to = b.time();
    Optional<LocalTime> from = a.time();
    Optional<LocalTime> shared = a.orDayPart(b.dayPart()).time();
    if (shared.isPresent() && to.isPresent() && !shared.get().isAfter(to.get())) {
      from = shared;
    }
    if (from.isEmpty() || to.isEmpty()) {
      return step(length, new Unreadable());
    }
    return step(length, new Between(from.get(), to.get()));
  }

  private static Optional<Match<Duration>> agoAt(Words w, int i) {
    Optional<Match<Duration>> length = Durations.read(w, i);
    if (length.isEmpty()) {
      return Optional.empty();
    }
    int n = Phrase.longestAt(AGO, w, i + length.get().length());
    return n == 0
        ? Optional.empty()
        : Optional.of(new Match<>(length.get().value(), length.get().length() + n));
  }

  private static Optional<Step> step(int length, Piece piece) {
    return Optional.of(new Step(List.of(piece), length));
  }

  /**
   * The cue at {@code i} and what follows up to its first meaningful word, if any ("after the
   * lehr"), as something that could not be read.
   */
  private static Optional<Step> unreadable(Words w, int i, int cue) {
    int end = i + cue;
    while (end < i + cue + 2 && StopWords.contains(w.free(end))) {
      end++;
    }
    if (!w.free(end).isEmpty()) {
      end++;
    }
    return step(end - i, new Unreadable());
  }

  /**
   * The window of {@code main} on the day of {@code anchor}; empty when it lies after {@code now}.
   */
  private static Optional<Window> window(
      Optional<Piece> main, Optional<Day> anchor, ZonedDateTime now) {
    LocalDate today = now.toLocalDate();
    LocalDate yesterday = today.minusDays(1);
    ZonedDateTime startOfToday = today.atStartOfDay(now.getZone());
    ZonedDateTime from;
    ZonedDateTime to;
    Piece piece = main.orElse(null);
    if (piece == null) {
      Day day = anchor.orElseThrow();
      from = day == Day.TODAY ? startOfToday : yesterday.atStartOfDay(now.getZone());
      to = day == Day.YESTERDAY ? startOfToday : now;
    } else if (piece instanceof Since since) {
      if (anchor.isEmpty()) {
        from = at(today, since.time(), now);
        if (from.isAfter(now)) {
          from = at(yesterday, since.time(), now);
        }
        to = now;
      } else {
        from = at(anchor.get() == Day.TODAY ? today : yesterday, since.time(), now);
        to = anchor.get() == Day.YESTERDAY ? startOfToday : now;
      }
    } else if (piece instanceof Between between) {
      LocalDate day =
          anchor
              .map(d -> d == Day.TODAY ? today : yesterday)
              .orElse(at(today, between.from(), now).isAfter(now) ? yesterday : today);
      from = at(day, between.from(), now);
      LocalDate endDay = between.to().isAfter(between.from()) ? day : day.plusDays(1);
      to = earlier(at(endDay, between.to(), now), now);
    } else if (piece instanceof Until until) {
      LocalDate day = anchor.map(d -> d == Day.TODAY ? today : yesterday).orElse(today);
      from = day.atStartOfDay(now.getZone());
      to = earlier(at(day, until.time(), now), now);
    } else if (piece instanceof Last last) {
      from = now.minus(last.length());
      to = now;
    } else {
      ZonedDateTime tonight = at(today, NIGHT_START, now);
      if (!now.isBefore(tonight)) {
        from = tonight;
        to = now;
      } else if (now.isBefore(at(today, NIGHT_END, now))) {
        from = at(yesterday, NIGHT_START, now);
        to = now;
      } else {
        from = at(yesterday, NIGHT_START, now);
        to = at(today, NIGHT_END, now);
      }
    }
    if (from.isAfter(to)) {
      return Optional.empty();
    }
    return Optional.of(new Window(from.toInstant(), to.toInstant()));
  }

  private static ZonedDateTime at(LocalDate day, LocalTime time, ZonedDateTime now) {
    return ZonedDateTime.of(day, time, now.getZone());
  }

  private static ZonedDateTime earlier(ZonedDateTime a, ZonedDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}
