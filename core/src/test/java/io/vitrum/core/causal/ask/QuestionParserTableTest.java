package io.vitrum.core.causal.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every phrasing of {@code causal/ask/phrasings.csv}, asked at a fixed moment: its language,
 * intent, defect, furnace and window, with nothing left over.
 */
class QuestionParserTableTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  static final Instant NOW = LocalDateTime.parse("2026-03-10T15:30").atZone(ZONE).toInstant();
  static final QuestionParser PARSER =
      new QuestionParser(Set.of("F1", "F2", "F3"), ZONE, Duration.ofHours(4));

  private static final Pattern OFFSET = Pattern.compile("0|-?(?:(\\d+)h)?(?:(\\d+)m)?");

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvFileSource(
      resources = "/causal/ask/phrasings.csv",
      delimiterString = "|",
      quoteCharacter = '"')
  void readsThePhrasing(
      String phrase,
      Language language,
      Intent intent,
      String defect,
      String furnace,
      String from,
      String to,
      boolean timeGiven) {
    ParseOutcome outcome = PARSER.parse(phrase, NOW);
    Question question =
        assertInstanceOf(ParseOutcome.Parsed.class, outcome, outcome::toString).question();
    assertEquals(language, question.language(), phrase + ": language");
    assertEquals(intent, question.intent(), phrase + ": intent");
    assertEquals(optional(defect), question.defect(), phrase + ": defect");
    assertEquals(optional(furnace), question.furnace(), phrase + ": furnace");
    assertEquals(NOW.plus(offset(from)), question.from(), phrase + ": from");
    assertEquals(NOW.plus(offset(to)), question.to(), phrase + ": to");
    assertEquals(timeGiven, question.timeGiven(), phrase + ": time given");
    assertEquals(List.of(), question.notUnderstood(), phrase + ": words left over");
  }

  private static Optional<String> optional(String value) {
    return value.equals("-") ? Optional.empty() : Optional.of(value);
  }

  /** {@code 0}, {@code -1h30m}, {@code -45m}: an offset from now. */
  static Duration offset(String text) {
    Matcher m = OFFSET.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an offset: " + text);
    }
    Duration d =
        Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
            .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    return text.startsWith("-") ? d.negated() : d;
  }
}
