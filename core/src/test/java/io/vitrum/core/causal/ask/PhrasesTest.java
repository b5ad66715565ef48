package io.vitrum.core.causal.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhrasesTest {
  @Test
  void namesEveryRejectClassInBothLanguagesInTheOrderOfTheTags() {
    assertEquals(List.of("трещины", "пузыри", "камни", "сколы"), Phrases.defectNames(Language.RU));
    assertEquals(List.of("cracks", "bubbles", "stones", "chips"), Phrases.defectNames(Language.EN));
  }

  @Test
  void namesOneClass() {
    assertEquals("пузыри", Phrases.defectName("bubble", Language.RU));
    assertEquals("chips", Phrases.defectName("chip", Language.EN));
  }

  @Test
  void refusesWhatIsNotARejectClass() {
    assertThrows(IllegalArgumentException.class, () -> Phrases.defectName("seed", Language.EN));
  }

  @Test
  void detectsTheLanguageFromTheScript() {
    assertEquals(Language.RU, Language.of("почему cracks on F2"));
    assertEquals(Language.EN, Language.of("why cracks on F2"));
    assertEquals(Language.EN, Language.of("14:00"));
  }
}
