package io.vitrum.core.causal.ask;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lengths of time as written after "last", "за последние" or before "ago": an amount and a unit
 * ({@code 3 часа}, {@code two hours}, {@code 1,5 часа}, {@code 90 minutes}, {@code 24h}, {@code
 * 30мин}), a unit alone meaning one ({@code час}, {@code hour}, {@code сутки}, {@code week}) and a
 * few set words ({@code полчаса}, {@code half an hour}, {@code полтора часа}, {@code пару часов},
 * {@code a couple of hours}). "Несколько", "few" and "several" are read as three.
 */
final class Durations {
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,4}(?:[.,]\\d{1,2})?");
  private static final Pattern GLUED =
      Pattern.compile("(\\d{1,4}(?:[.,]\\d{1,2})?)(h|hr|hrs|ч|m|min|mins|мин|d|д|w)");

  private static final List<Stem> HOURS = stems("час||а|ов|у|ом", "ч", "hour||s", "hr||s", "h");
  private static final List<Stem> MINUTES =
      stems("минут||а|ы|у|ой|ку|ки", "мин", "minute||s", "min||s");
  private static final List<Stem> DAYS = stems("сут|ки|ок|кам", "дн|я|ей", "день", "day||s");
  private static final List<Stem> WEEKS = stems("недел|я|и|ю|ь", "week||s");

  private static final Stem HALF_HOUR = Stem.parse("полчаса");
  private static final Stem HALF_DAY = Stem.parse("полсуток");
  private static final Stem HALF = Stem.parse("half");
  private static final Stem ONE_AND_HALF = Stem.parse("полтор|а|ы");
  private static final Stem ARTICLE = Stem.parse("a|n|");
  private static final Stem COUPLE = Stem.parse("пар|у|а|ы");
  private static final Stem COUPLE_EN = Stem.parse("couple");
  private static final Stem OF = Stem.parse("of");
  private static final Stem SOME = Stem.parse("несколько");
  private static final Stem SOME_EN = Stem.parse("few|several");

  private Durations() {}

  private static List<Stem> stems(String... specs) {
    return Arrays.stream(specs).map(Stem::parse).toList();
  }

  /**
   * The length of one {@code token} as a unit of time ({@code часа}, {@code minutes}), if it is.
   */
  static Optional<Duration> unit(String token) {
    if (HOURS.stream().anyMatch(s -> s.matches(token))) {
      return Optional.of(Duration.ofHours(1));
    }
    if (MINUTES.stream().anyMatch(s -> s.matches(token))) {
      return Optional.of(Duration.ofMinutes(1));
    }
    if (DAYS.stream().anyMatch(s -> s.matches(token))) {
      return Optional.of(Duration.ofDays(1));
    }
    if (WEEKS.stream().anyMatch(s -> s.matches(token))) {
      return Optional.of(Duration.ofDays(7));
    }
    return Optional.empty();
  }

  /** Whether {@code token} is an hour word, which after a clock time means o'clock. */
  static boolean isHourWord(String token) {
    return HOURS.stream().anyMatch(s -> s.matches(token));
  }

  /** The positive length of time written at {@code i}. */
  static Optional<Match<Duration>> read(Words words, int i) {
    String token = words.free(i);
    if (HALF_HOUR.matches(token)) {
      return Optional.of(new Match<>(Duration.ofMinutes(30), 1));
    }
    if (HALF_DAY.matches(token)) {
      return Optional.of(new Match<>(Duration.ofHours(12), 1));
    }
    Matcher glued = GLUED.matcher(token);
    if (glued.matches()) {
      return times(amount(glued.group(1)), gluedUnit(glued.group(2)), 1);
    }
    if (HALF.matches(token)) {
      int n = ARTICLE.matches(words.free(i + 1)) ? 2 : 1;
      return unit(words.free(i + n)).flatMap(u -> times(0.5, u, n + 1));
    }
    Optional<Duration> bare = unit(token);
    if (bare.isPresent()) {
      return Optional.of(new Match<>(bare.get(), 1));
    }
    Optional<Match<Double>> amount = amountAt(words, i);
    if (amount.isEmpty()) {
      return Optional.empty();
    }
    int n = amount.get().length();
    return unit(words.free(i + n)).flatMap(u -> times(amount.get().value(), u, n + 1));
  }

  private static Optional<Match<Double>> amountAt(Words words, int i) {
    String token = words.free(i);
    if (AMOUNT.matcher(token).matches()) {
      return Optional.of(new Match<>(amount(token), 1));
    }
    if (ONE_AND_HALF.matches(token)) {
      return Optional.of(new Match<>(1.5, 1));
    }
    if (COUPLE.matches(token)) {
      return Optional.of(new Match<>(2.0, 1));
    }
    if (SOME.matches(token) || SOME_EN.matches(token)) {
      return Optional.of(new Match<>(3.0, 1));
    }
    if (ARTICLE.matches(token) && !token.isEmpty()) {
      if (COUPLE_EN.matches(words.free(i + 1))) {
        return Optional.of(new Match<>(2.0, OF.matches(words.free(i + 2)) ? 3 : 2));
      }
      if (SOME_EN.matches(words.free(i + 1))) {
        return Optional.of(new Match<>(3.0, 2));
      }
      return Optional.of(new Match<>(1.0, 1));
    }
    if (COUPLE_EN.matches(token)) {
      return Optional.of(new Match<>(2.0, OF.matches(words.free(i + 1)) ? 2 : 1));
    }
    return NumberWords.readCardinal(words, i).map(m -> new Match<>((double) m.value(), m.length()));
  }

  private static Duration gluedUnit(String suffix) {
    return switch (suffix) {
      case "h", "hr", "hrs", "ч" -> Duration.ofHours(1);
      case "d", "д" -> Duration.ofDays(1);
      case "w" -> Duration.ofDays(7);
      default -> Duration.ofMinutes(1);
    };
  }

  private static double amount(String digits) {
    return Double.parseDouble(digits.replace(',', '.'));
  }

  private static Optional<Match<Duration>> times(double amount, Duration unit, int length) {
    if (amount <= 0) {
      return Optional.empty();
    }
    long seconds = Math.round(amount * unit.toSeconds());
    return Optional.of(new Match<>(Duration.ofSeconds(seconds), length));
  }
}
