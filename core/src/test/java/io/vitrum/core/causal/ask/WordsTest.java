package io.vitrum.core.causal.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void lowersCaseReadsYoAsYeAndDropsPunctuation() {
    assertEquals(
        List.of("почему", "пузырек", "на", "f2", "ночью"),
        Words.of("Почему ПУЗЫРЁК, на F2's «ночью»?!").unread());
  }

  @Test
  void keepsClockTimesDecimalsAndHyphenatedWords() {
    assertEquals(
        List.of("из-за", "чего", "с", "14:00", "-", "16.30", "1,5", "2-я", "f-2"),
        Words.of("из-за чего: с 14:00-16.30, 1,5; 2-я F-2.").unread());
  }

  @Test
  void joinsContractionsAndMeridiemsAndSplitsNumberSigns() {
    assertEquals(
        List.of("whats", "with", "печи", "№", "2", "after", "2", "pm"),
        Words.of("What's with печи №2 after 2 p.m.?").unread());
  }

  @Test
  void readingTakesTokensOutOfTheFreeOnes() {
    Words words = Words.of("камни на F2").read(2, 3);
    assertEquals("", words.free(2));
    assertEquals("камни", words.free(0));
    assertEquals(List.of("камни", "на"), words.unread());
  }
}
