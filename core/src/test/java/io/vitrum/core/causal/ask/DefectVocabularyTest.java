package io.vitrum.core.causal.ask;

import static io.vitrum.core.causal.ask.QuestionParserTableTest.NOW;
import static io.vitrum.core.causal.ask.QuestionParserTableTest.PARSER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vitrum.core.causal.ask.ParseOutcome.NotUnderstood;
import io.vitrum.core.causal.ask.Problem.Part;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Defect words are matched by stem and ending: every case form, and nothing that only looks alike.
 */
class DefectVocabularyTest {
  /**
   * Full paradigms, most of whose forms no list of example words holds (творительный и предложный
   * падежи, diminutives, participles): matching exact words would miss them.
   */
  private static final Map<String, List<String>> FORMS =
      Map.of(
          "crack",
          List.of(
              "трещина",
              "трещины",
              "трещине",
              "трещину",
              "трещиной",
              "трещин",
              "трещинам",
              "трещинами",
              "трещинах",
              "трещинки",
              "трещинками",
              "посечка",
              "посечкой",
              "посечками",
              "посечках",
              "посечек",
              "треснула",
              "треснувшие",
              "растрескивание",
              "crack",
              "cracks",
              "cracked",
              "cracking"),
          "bubble",
          List.of(
              "пузырь",
              "пузыря",
              "пузырем",
              "пузыре",
              "пузырям",
              "пузырями",
              "пузырях",
              "пузырьки",
              "пузырьков",
              "пузырьками",
              "пузырек",
              "мошка",
              "мошкой",
              "мошкам",
              "мошками",
              "мошек",
              "bubble",
              "bubbles",
              "seed",
              "seeds",
              "blister",
              "blisters"),
          "stone",
          List.of(
              "камень",
              "камня",
              "камнем",
              "камне",
              "камни",
              "камней",
              "камням",
              "камнями",
              "камнях",
              "камешки",
              "камешками",
              "камушек",
              "включение",
              "включениями",
              "свиль",
              "свилью",
              "свилями",
              "непровары",
              "stone",
              "stones",
              "inclusion",
              "inclusions",
              "cord",
              "cords"),
          "chip",
          List.of(
              "скол",
              "скола",
              "сколу",
              "сколом",
              "сколе",
              "сколы",
              "сколов",
              "сколам",
              "сколами",
              "сколах",
              "отколы",
              "отколами",
              "chip",
              "chips",
              "chipped",
              "chipping"));

  @Test
  void readsEveryCaseFormByItsStem() {
    FORMS.forEach(
        (defect, forms) -> {
          for (String form : forms) {
            assertEquals(
                Optional.of(defect), defectOf("что с " + form + " на F1"), form + " is " + defect);
          }
        });
  }

  @Test
  void readsGasInclusionsAsBubblesThoughInclusionsAloneAreStones() {
    assertEquals(Optional.of("bubble"), defectOf("газовые включения на F1"));
    assertEquals(Optional.of("bubble"), defectOf("газовых включений на F1"));
    assertEquals(Optional.of("bubble"), defectOf("gas inclusions on F1"));
    assertEquals(Optional.of("stone"), defectOf("включения на F1"));
    assertEquals(Optional.of("stone"), defectOf("inclusions on F1"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"камера", "каменщик", "пузо", "трещит", "скользко", "seeded", "stoned", "cordon"})
  void aWordThatOnlyStartsLikeADefectIsNotOne(String word) {
    NotUnderstood outcome =
        assertInstanceOf(NotUnderstood.class, PARSER.parse("что с " + word + " на F1", NOW));
    assertEquals(Part.DEFECT, outcome.problems().get(0).part());
    assertEquals(word, outcome.problems().get(0).fragment());
  }

  @Test
  void skolkoAsksHowManyAndIsNoChip() {
    assertEquals(Optional.of("stone"), defectOf("сколько камней на F1"));
    assertEquals(Optional.of("chip"), defectOf("сколько сколов на F1"));
  }

  @Test
  void checkIsACrackOnlyAsANounAndWithNoOtherDefect() {
    assertEquals(Optional.empty(), defectOf("check F2"));
    assertEquals(Optional.empty(), defectOf("please check furnace 2"));
    assertEquals(Optional.empty(), defectOf("we checked F2"));
    assertEquals(Optional.of("stone"), defectOf("check F2 for stones"));
    assertEquals(Optional.of("crack"), defectOf("checks on F2"));
    assertEquals(Optional.of("crack"), defectOf("any check on F2?"));
  }

  private static Optional<String> defectOf(String text) {
    ParseOutcome outcome = PARSER.parse(text, NOW);
    return assertInstanceOf(ParseOutcome.Parsed.class, outcome, () -> text + ": " + outcome)
        .question()
        .defect();
  }
}
