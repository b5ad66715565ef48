package io.vitrum.core.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastScoreTest {
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;

  @Test
  void scoresEachForecastWhenItsTargetArrivesAgainstPersistence() {
    ForecastScore score = new ForecastScore(HOUR, 2);
    score.forecast("F1", 0, 12, 10);
    score.forecast("F1", MINUTE, 20, 10);
    assertEquals(2, score.waiting());
    assertTrue(score.actual("F1", HOUR - MINUTE, 99).isEmpty(), "no forecast targets that minute");
    assertTrue(score.actual("F1", HOUR, 14).isEmpty(), "one of two scored");
    Optional<ForecastScore.Window> w = score.actual("F1", HOUR + MINUTE, 16);
    assertTrue(w.isPresent());
    // errors |12-14| and |20-16|; persistence |10-14| and |10-16|
    assertEquals(2, w.get().count());
    assertEquals(3.0, w.get().mae(), 1e-12);
    assertEquals(5.0, w.get().persistenceMae(), 1e-12);
    assertEquals(0.4, w.get().reduction(), 1e-12);
    assertEquals(0, score.waiting());
  }

  @Test
  void keepsFurnacesApartAndDropsForecastsWhoseLabelNeverCame() {
    ForecastScore score = new ForecastScore(HOUR, 1);
    score.forecast("F1", 0, 5, 5);
    score.forecast("F2", 0, 7, 7);
    score.forecast("F1", MINUTE, 5, 5);
    assertTrue(score.actual("F1", HOUR, Double.NaN).isEmpty(), "nothing inspected: unknown");
    assertEquals(2, score.waiting(), "F1's first forecast dropped, F1's second and F2's wait");
    assertTrue(score.actual("F1", HOUR + 2 * MINUTE, 5).isEmpty(), "passed its target: dropped");
    assertEquals(1, score.waiting());
    ForecastScore.Window f2 = score.actual("F2", HOUR, 9).orElseThrow();
    assertEquals(2.0, f2.mae(), 1e-12);
    assertEquals(2.0, f2.persistenceMae(), 1e-12);
    assertEquals(0.0, f2.reduction(), 1e-12);
  }

  @Test
  void leavesOutForecastsThatAreNotFinite() {
    ForecastScore score = new ForecastScore(HOUR, 1);
    score.forecast("F1", 0, Double.NaN, 5);
    score.forecast("F1", MINUTE, 5, Double.NaN);
    assertEquals(0, score.waiting());
  }
}
