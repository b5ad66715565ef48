package io.vitrum.core.causal.ask;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small numbers as people type them: digits, cardinal words in English and Russian in every case
 * form ({@code two}, {@code два}, {@code двух}; {@code twenty four}, {@code двадцать четыре}) and
 * ordinals ({@code second}, {@code 2nd}, {@code вторая}, {@code второй}, {@code 2-я}) in the
 * feminine forms that go with печь.
 */
final class NumberWords {
  private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
  private static final Pattern DIGIT_ORDINAL =
      Pattern.compile("(\\d{1,2})(?:st|nd|rd|th|-?(?:я|й|ая|ой|ую|ей|ья))");

  private static final Map<String, Integer> CARDINALS =
      Map.ofEntries(
          entry("one", 1),
          entry("two", 2),
          entry("three", 3),
          entry("four", 4),
          entry("five", 5),
          entry("six", 6),
          entry("seven", 7),
          entry("eight", 8),
          entry("nine", 9),
          entry("ten", 10),
          entry("eleven", 11),
          entry("twelve", 12),
          entry("thirteen", 13),
          entry("fourteen", 14),
          entry("fifteen", 15),
          entry("sixteen", 16),
          entry("seventeen", 17),
          entry("eighteen", 18),
          entry("nineteen", 19),
          entry("twenty", 20),
          entry("thirty", 30),
          entry("forty", 40),
          entry("fifty", 50),
          entry("sixty", 60),
          entry("ninety", 90),
          entry("один", 1),
          entry("одна", 1),
          entry("одну", 1),
          entry("одного", 1),
          entry("одной", 1),
          entry("два", 2),
          entry("две", 2),
          entry("двух", 2),
          entry("три", 3),
          entry("трех", 3),
          entry("четыре", 4),
          entry("четырех", 4),
          entry("пять", 5),
          entry("пяти", 5),
          entry("шесть", 6),
          entry("шести", 6),
          entry("семь", 7),
          entry("семи", 7),
          entry("восемь", 8),
          entry("восьми", 8),
          entry("девять", 9),
          entry("девяти", 9),
          entry("десять", 10),
          entry("десяти", 10),
          entry("одиннадцать", 11),
          entry("одиннадцати", 11),
          entry("двенадцать", 12),
          entry("двенадцати", 12),
          entry("тринадцать", 13),
          entry("тринадцати", 13),
          entry("четырнадцать", 14),
          entry("четырнадцати", 14),
          entry("пятнадцать", 15),
          entry("пятнадцати", 15),
          entry("шестнадцать", 16),
          entry("шестнадцати", 16),
          entry("семнадцать", 17),
          entry("семнадцати", 17),
          entry("восемнадцать", 18),
          entry("восемнадцати", 18),
          entry("девятнадцать", 19),
          entry("девятнадцати", 19),
          entry("двадцать", 20),
          entry("двадцати", 20),
          entry("тридцать", 30),
          entry("тридцати", 30),
          entry("сорок", 40),
          entry("сорока", 40),
          entry("пятьдесят", 50),
          entry("пятидесяти", 50),
          entry("шестьдесят", 60),
          entry("шестидесяти", 60),
          entry("девяносто", 90),
          entry("девяноста", 90));

  private static final List<String> EN_ORDINALS =
      List.of(
          "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
          "tenth");

  private static final List<Stem> RU_ORDINALS =
      List.of(
          Stem.parse("перв|ая|ой|ую|ою|ый|ого"),
          Stem.parse("втор|ая|ой|ую|ою|ого"),
          Stem.parse("трет|ья|ьей|ью|ьею|ий|ьего"),
          Stem.parse("четверт|ая|ой|ую|ою|ый|ого"),
          Stem.parse("пят|ая|ой|ую|ою|ый|ого"),
          Stem.parse("шест|ая|ой|ую|ою|ого"),
          Stem.parse("седьм|ая|ой|ую|ою|ого"),
          Stem.parse("восьм|ая|ой|ую|ою|ого"),
          Stem.parse("девят|ая|ой|ую|ою|ый|ого"),
          Stem.parse("десят|ая|ой|ую|ою|ый|ого"));

  private NumberWords() {}

  /** The value of one token written as digits or as a cardinal word. */
  static OptionalInt cardinal(String token) {
    if (DIGITS.matcher(token).matches()) {
      return OptionalInt.of(Integer.parseInt(token));
    }
    String[] parts = token.split("-");
    if (parts.length == 2) {
      Integer tens = CARDINALS.get(parts[0]);
      Integer units = CARDINALS.get(parts[1]);
      if (tens != null && units != null && tens >= 20 && tens % 10 == 0 && units < 10) {
        return OptionalInt.of(tens + units);
      }
      return OptionalInt.empty();
    }
    Integer value = CARDINALS.get(token);
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /**
   * The cardinal number at {@code i}, digits or words; tens and units in two words ({@code двадцать
   * четыре}, {@code twenty four}) are one number.
   */
  static Optional<Match<Integer>> readCardinal(Words words, int i) {
    OptionalInt first = cardinal(words.free(i));
    if (first.isEmpty()) {
      return Optional.empty();
    }
    int value = first.getAsInt();
    boolean word = !DIGITS.matcher(words.free(i)).matches();
    OptionalInt second = cardinal(words.free(i + 1));
    if (word
        && value >= 20
        && value % 10 == 0
        && second.isPresent()
        && second.getAsInt() < 10
        && !DIGITS.matcher(words.free(i + 1)).matches()) {
      return Optional.of(new Match<>(value + second.getAsInt(), 2));
    }
    return Optional.of(new Match<>(value, 1));
  }

  /** The value of one token written as an ordinal, e.g. 2 for {@code второй} or {@code 2nd}. */
  static OptionalInt ordinal(String token) {
    Matcher digits = DIGIT_ORDINAL.matcher(token);
    if (digits.matches()) {
      return OptionalInt.of(Integer.parseInt(digits.group(1)));
    }
    int en = EN_ORDINALS.indexOf(token);
    if (en >= 0) {
      return OptionalInt.of(en + 1);
    }
    for (int n = 0; n < RU_ORDINALS.size(); n++) {
      if (RU_ORDINALS.get(n).matches(token)) {
        return OptionalInt.of(n + 1);
      }
    }
    return OptionalInt.empty();
  }
}
