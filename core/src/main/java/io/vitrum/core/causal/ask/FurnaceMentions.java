package io.vitrum.core.causal.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the furnaces a question names: {@code F2}, {@code f2}, {@code ф2}, {@code F-2}, a
 * configured id as written, {@code печь 2}, {@code печи №2}, {@code печь номер два}, {@code furnace
 * 2}, {@code furnace #2}, {@code furnace two}, an ordinal before the word ({@code на второй печи},
 * {@code 2-я печь}, {@code second furnace}, {@code 2nd furnace}) or a number right before it
 * ({@code на 2 печи}). A number followed by a unit of time ({@code печи 3 часа}) is not a furnace.
 * Number {@code n} is furnace {@code F<n>}; whether it is configured is matched ignoring case.
 */
final class FurnaceMentions {
  private static final Pattern SHORT_ID = Pattern.compile("[fф]-?(\\d{1,2})");
  private static final Stem LETTER = Stem.parse("f");
  private static final Stem RU_LETTER = Stem.parse("ф");
  private static final List<Stem> FURNACE =
      List.of(
          Stem.parse("печ|ь|и|ью|ей|ам|ами|ах"),
          Stem.parse("печк|а|и|е|у|ой"),
          Stem.parse("furnace||s"),
          Stem.parse("melter||s"));
  private static final List<Stem> NUMBER_SIGN =
      List.of(
          Stem.parse("№"),
          Stem.parse("no"),
          Stem.parse("nr"),
          Stem.parse("number"),
          Stem.parse("номер"));

  /**
   * One furnace named in a question.
   *
   * @param id the configured id when known, else {@code F<n>}
   * @param fragment the words that name it
   * @param known whether {@code id} is configured
   */
  record Mention(String id, String fragment, boolean known) {}

  private FurnaceMentions() {}

  /** Every furnace named in {@code words}, in order, and the words left. */
  static Reading<List<Mention>> read(Words words, Set<String> knownFurnaces) {
    Map<String, String> known =
        knownFurnaces.stream()
            .collect(Collectors.toMap(f -> f.toLowerCase(Locale.ROOT), f -> f, (a, b) -> a));
    List<Mention> mentions = new ArrayList<>();
    Words rest = words;
    int i = 0;
    while (i < rest.size()) {
      Optional<Match<String>> found = idAt(rest, i, known);
      if (found.isEmpty()) {
        i++;
        continue;
      }
      Match<String> match = found.get();
      String fragment = rest.text(i, i + match.length());
      String lower = match.value().toLowerCase(Locale.ROOT);
      mentions.add(
          known.containsKey(lower)
              ? new Mention(known.get(lower), fragment, true)
              : new Mention(match.value(), fragment, false));
      rest = rest.read(i, i + match.length());
      i += match.length();
    }
    return new Reading<>(List.copyOf(mentions), rest);
  }

  private static Optional<Match<String>> idAt(Words words, int i, Map<String, String> known) {
    String token = words.free(i);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Optional<Match<String>> direct = directIdAt(words, i, known);
    if (direct.isPresent()) {
      return direct;
    }
    if (isFurnaceWord(token)) {
      int j = i + 1;
      if (NUMBER_SIGN.stream().anyMatch(s -> s.matches(words.free(j)))) {
        Optional<Match<Integer>> number = numberAt(words, j + 1);
        return number.map(n -> new Match<>(id(n.value()), n.length() + 2));
      }
      Optional<Match<String>> id = directIdAt(words, j, known);
      if (id.isPresent()) {
        return Optional.of(new Match<>(id.get().value(), id.get().length() + 1));
      }
      return numberAt(words, j).map(n -> new Match<>(id(n.value()), n.length() + 1));
    }
    if (isFurnaceWord(words.free(i + 1))) {
      OptionalInt ordinal = NumberWords.ordinal(token);
      if (ordinal.isPresent()) {
        return Optional.of(new Match<>(id(ordinal.getAsInt()), 2));
      }
      if (token.chars().allMatch(Character::isDigit) && token.length() <= 2) {
        return Optional.of(new Match<>(id(Integer.parseInt(token)), 2));
      }
    }
    return Optional.empty();
  }

  private static Optional<Match<String>> directIdAt(Words words, int i, Map<String, String> known) {
    String token = words.free(i);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    if (known.containsKey(token)) {
      return Optional.of(new Match<>(known.get(token), 1));
    }
    Matcher shortId = SHORT_ID.matcher(token);
    if (shortId.matches()) {
      return Optional.of(new Match<>(id(Integer.parseInt(shortId.group(1))), 1));
    }
    if ((LETTER.matches(token) || RU_LETTER.matches(token))
        && words.free(i + 1).chars().allMatch(Character::isDigit)
        && !words.free(i + 1).isEmpty()
        && words.free(i + 1).length() <= 2) {
      return Optional.of(new Match<>(id(Integer.parseInt(words.free(i + 1))), 2));
    }
    return Optional.empty();
  }

  /** A furnace number at {@code i}: digits, a cardinal or an ordinal, not followed by a unit. */
  private static Optional<Match<Integer>> numberAt(Words words, int i) {
    OptionalInt ordinal = NumberWords.ordinal(words.free(i));
    if (ordinal.isPresent()) {
      return Optional.of(new Match<>(ordinal.getAsInt(), 1));
    }
    Optional<Match<Integer>> cardinal = NumberWords.readCardinal(words, i);
    if (cardinal.isEmpty()
        || cardinal.get().value() > 99
        || Durations.unit(words.free(i + cardinal.get().length())).isPresent()) {
      return Optional.empty();
    }
    return cardinal;
  }

  /** Whether {@code token} is a word for furnace in either language, in any case form. */
  static boolean isFurnaceWord(String token) {
    return FURNACE.stream().anyMatch(s -> s.matches(token));
  }

  private static String id(int number) {
    return "F" + number;
  }
}
