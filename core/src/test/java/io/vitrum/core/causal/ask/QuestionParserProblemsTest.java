package io.vitrum.core.causal.ask;

import static io.vitrum.core.causal.ask.QuestionParserTableTest.NOW;
import static io.vitrum.core.causal.ask.QuestionParserTableTest.PARSER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vitrum.core.causal.ask.ParseOutcome.NotUnderstood;
import io.vitrum.core.causal.ask.Problem.Part;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Questions that are not understood name the part and the words, in the question's language. */
class QuestionParserProblemsTest {
  static Stream<Arguments> notUnderstood() {
    return Stream.of(
        Arguments.of("", Language.EN, Part.TEXT, ""),
        Arguments.of("   \n\t", Language.EN, Part.TEXT, ""),
        Arguments.of("?!…", Language.EN, Part.TEXT, ""),
        Arguments.of("почему выросли пузыри на F9", Language.RU, Part.FURNACE, "f9"),
        Arguments.of("cracks on furnace 7", Language.EN, Part.FURNACE, "furnace 7"),
        Arguments.of("на десятой печи камни", Language.RU, Part.FURNACE, "десятой печи"),
        Arguments.of("камни на печи №4", Language.RU, Part.FURNACE, "печи № 4"),
        Arguments.of("bubbles on F1 and F2", Language.EN, Part.FURNACE, "F1 F2"),
        Arguments.of("почему выросли пузыри после обеда", Language.RU, Part.TIME, "после обеда"),
        Arguments.of("cracks since lunch", Language.EN, Part.TIME, "since lunch"),
        Arguments.of(
            "why did cracks rise after the lehr fan stopped",
            Language.EN,
            Part.TIME,
            "after the lehr"),
        Arguments.of("пузыри после 25:00", Language.RU, Part.TIME, "после 25:00"),
        Arguments.of("stones since 14:75", Language.EN, Part.TIME, "since 14:75"),
        Arguments.of("stones on F1 at 14:00", Language.EN, Part.TIME, "14:00"),
        Arguments.of("chips between lunch and dinner", Language.EN, Part.TIME, "between lunch"),
        Arguments.of("сегодня после 18:00 трещины", Language.RU, Part.TIME, "после 18:00"),
        Arguments.of("камни до обеда", Language.RU, Part.TIME, "до обеда"),
        Arguments.of("почему выросли шмурдяк", Language.RU, Part.DEFECT, "шмурдяк"),
        Arguments.of("what's with the gremlins on F2", Language.EN, Part.DEFECT, "gremlins"),
        Arguments.of("что с горелками на F2", Language.RU, Part.DEFECT, "горелками"),
        Arguments.of("трещины и сколы на F2", Language.RU, Part.DEFECT, "crack chip"),
        Arguments.of("привет", Language.RU, Part.QUESTION, "привет"),
        Arguments.of("hello world", Language.EN, Part.QUESTION, "world"),
        Arguments.of("за последний час", Language.RU, Part.QUESTION, ""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void notUnderstood(String text, Language language, Part part, String fragment) {
    NotUnderstood outcome = notUnderstood(text);
    assertEquals(language, outcome.language(), text + ": language");
    assertEquals(part, outcome.problems().get(0).part(), text + ": " + outcome);
    assertEquals(fragment, outcome.problems().get(0).fragment(), text + ": " + outcome);
  }

  @Test
  void aCueAloneAsksAboutThePlantAsAWhole() {
    Question question =
        assertInstanceOf(ParseOutcome.Parsed.class, PARSER.parse("как дела?", NOW)).question();
    assertEquals(Intent.STATUS, question.intent());
    assertEquals(true, question.defect().isEmpty() && question.furnace().isEmpty());
  }

  @Test
  void namesAnUnknownDefectWithTheKnownOnesInRussian() {
    assertEquals(
        "Не понял, о каком дефекте речь: «шмурдяк». Я знаю: трещины, пузыри, камни, сколы.",
        notUnderstood("почему выросли шмурдяк?").message());
  }

  @Test
  void namesAnUnknownFurnaceWithTheKnownOnesInEnglish() {
    assertEquals(
        "I did not understand the furnace 'F9': known furnaces are F1, F2, F3.",
        notUnderstood("why did cracks rise on F9?").message());
  }

  @Test
  void namesAnUnknownFurnaceInRussian() {
    assertEquals(
        "Не понял, о какой печи речь: «F9». Я знаю печи: F1, F2, F3.",
        notUnderstood("трещины на печи 9").message());
  }

  @Test
  void namesAnUnreadableTimeWithExamples() {
    String message = notUnderstood("почему выросли пузыри после обеда").message();
    assertEquals(true, message.startsWith("Не понял время: «после обеда»."), message);
    assertEquals(true, message.contains("«за последние 3 часа»"), message);
  }

  @Test
  void refusesTooLongATextAndSaysHowLong() {
    String text = "почему выросли пузыри ".repeat(23);
    NotUnderstood outcome = notUnderstood(text);
    assertEquals(Part.TEXT, outcome.problems().get(0).part());
    assertEquals(
        "Вопрос слишком длинный: " + text.length() + " символов, а я читаю не больше 500.",
        outcome.message());
  }

  @Test
  void readsATextOfExactlyTheLongestLength() {
    String question = "why did cracks rise on F2 since 14:00?";
    String text = question + " ".repeat(QuestionParser.MAX_LENGTH - question.length());
    assertInstanceOf(ParseOutcome.Parsed.class, PARSER.parse(text, NOW));
  }

  @Test
  void reportsEveryPartThatWasNotUnderstoodInOrder() {
    NotUnderstood outcome = notUnderstood("почему шмурдяк на F9 после обеда");
    assertEquals(
        List.of(Part.FURNACE, Part.TIME, Part.DEFECT),
        outcome.problems().stream().map(Problem::part).toList());
    assertEquals(
        "Не понял, о какой печи речь: «F9». Я знаю печи: F1, F2, F3. Не понял время: «после"
            + " обеда». Я понимаю, например: «после 14:00», «с 14:00 до 16:00», «за последние 3"
            + " часа», «со вчера», «за смену». Не понял, о каком дефекте речь: «шмурдяк». Я"
            + " знаю: трещины, пузыри, камни, сколы.",
        outcome.message());
  }

  @Test
  void asksForOneDefectAtATime() {
    assertEquals(
        "Ask about one defect at a time: cracks or chips?",
        notUnderstood("cracks and chips on F2").message());
  }

  @Test
  void listsLeftOverWordsOfAQuestionItCanStillAnswer() {
    Question question =
        assertInstanceOf(ParseOutcome.Parsed.class, PARSER.parse("пузыри на F2 вчера вечером", NOW))
            .question();
    assertEquals(List.of("вечером"), question.notUnderstood());
    assertEquals("bubble", question.defect().orElseThrow());
  }

  @Test
  void anEmptySetOfFurnacesKnowsNone() {
    QuestionParser parser = new QuestionParser(Set.of(), ZoneId.of("UTC"), Duration.ofHours(1));
    NotUnderstood outcome =
        assertInstanceOf(NotUnderstood.class, parser.parse("stones on F1", NOW));
    assertEquals("I did not understand the furnace 'F1': known furnaces are -.", outcome.message());
  }

  @Test
  void refusesADefaultWindowThatIsNotPositive() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new QuestionParser(Set.of("F1"), ZoneId.of("UTC"), Duration.ZERO));
  }

  @Test
  void readsNullAsAnEmptyText() {
    assertEquals(Part.TEXT, notUnderstood(null).problems().get(0).part());
  }

  private static NotUnderstood notUnderstood(String text) {
    ParseOutcome outcome = PARSER.parse(text, NOW);
    return assertInstanceOf(NotUnderstood.class, outcome, () -> text + ": " + outcome);
  }
}
