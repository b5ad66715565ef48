package io.vitrum.core.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RejectScoreTest {
  @Test
  void countsEachKindOfDecisionAndDerivesTheRates() {
    RejectScore s = RejectScore.EMPTY;
    for (int i = 0; i < 90; i++) {
      s = s.add(true, true);
    }
    for (int i = 0; i < 10; i++) {
      s = s.add(true, false);
    }
    for (int i = 0; i < 5; i++) {
      s = s.add(false, true);
    }
    for (int i = 0; i < 95; i++) {
      s = s.add(false, false);
    }
    assertEquals(new RejectScore(90, 5, 10, 95), s);
    assertEquals(200, s.count());
    assertEquals(180.0 / 195, s.f1(), 1e-12);
    assertEquals(0.05, s.falseRejectRate(), 1e-12);
    assertEquals(0.10, s.missRate(), 1e-12);
  }

  @Test
  void ratesWithoutTheirDenominatorAreNaN() {
    assertTrue(Double.isNaN(RejectScore.EMPTY.f1()));
    RejectScore onlyGood = RejectScore.EMPTY.add(false, false);
    assertTrue(Double.isNaN(onlyGood.missRate()));
    assertEquals(0, onlyGood.falseRejectRate());
  }
}
