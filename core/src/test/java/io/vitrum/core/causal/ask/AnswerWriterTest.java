package io.vitrum.core.causal.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerWriterTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final Instant NOW = Instant.parse("2026-03-10T12:30:00Z");
  private final QuestionParser parser =
      new QuestionParser(Set.of("F1", "F2"), MOSCOW, Duration.ofHours(8));
  private final AnswerWriter writer = new AnswerWriter(MOSCOW);

  private Question ask(String text) {
    return ((ParseOutcome.Parsed) parser.parse(text, NOW)).question();
  }

  private static IncidentFact incident() {
    return new IncidentFact(
        "F2-bubble-3",
        "F2",
        "bubble",
        null,
        true,
        Instant.parse("2026-03-10T11:12:00Z"),
        List.of(
            new IncidentFact.CauseFact(
                "cullet-swing",
                "Cullet swing",
                "Колебание доли стеклобоя",
                0.81,
                "F2.cullet.fraction rose 24.9"),
            new IncidentFact.CauseFact(
                "batch-moisture", "Batch moisture", "Влажность шихты", 0.12, null)));
  }

  @Test
  void aRussianWhyIsAnsweredInRussianWithTheRankedCausesAndTheirShares() {
    Answer a =
        writer.write(ask("почему выросли пузыри на печи 2 после 14:00?"), List.of(incident()));
    assertEquals(Language.RU, a.language());
    assertTrue(
        a.text().startsWith("Пузыри на F2: инцидент F2-bubble-3, открыт 10.03 14:12"), a.text());
    assertTrue(a.text().contains("1) Колебание доли стеклобоя — 81 %"), a.text());
    assertTrue(a.text().contains("признак: F2.cullet.fraction rose 24.9"), a.text());
    assertTrue(a.text().contains("2) Влажность шихты — 12 %"), a.text());
    assertEquals(List.of("/api/incidents/F2-bubble-3/root-causes"), a.links());
  }

  @Test
  void anEnglishQuestionWithoutIncidentsSaysSo() {
    Answer a = writer.write(ask("why did cracks rise on F1 since 14:00?"), List.of());
    assertEquals(Language.EN, a.language());
    assertTrue(a.text().startsWith("Cracks on F1: no incident from 10.03 14:00"), a.text());
    assertTrue(a.links().isEmpty());
  }

  @Test
  void aListOfIncidentsLinksEachOne() {
    Question q =
        new Question(
            Language.EN,
            Intent.INCIDENTS,
            Optional.empty(),
            Optional.of("F2"),
            NOW.minusSeconds(3600),
            NOW,
            true,
            List.of());
    Answer a = writer.write(q, List.of(incident()));
    assertTrue(
        a.text()
            .contains(
                "1 incident. F2-bubble-3 (bubbles, 10.03 14:12, open, cause: Cullet swing 81 %)."),
        a.text());
    assertEquals(List.of("/api/incidents/F2-bubble-3"), a.links());
  }
}
