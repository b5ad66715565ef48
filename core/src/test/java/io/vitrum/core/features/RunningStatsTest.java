package io.vitrum.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunningStatsTest {

  @Test
  void matchesTheTextbookValues() {
    RunningStats s = RunningStats.EMPTY;
    for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
      s = s.add(v);
    }
    assertEquals(8, s.count());
    assertEquals(5.0, s.mean(), 1e-12);
    assertEquals(Math.sqrt(32.0 / 7), s.stddev(), 1e-12);
    assertEquals(2, s.min());
    assertEquals(9, s.max());
  }

  @Test
  void singleValueHasNoSpread() {
    assertEquals(0, RunningStats.EMPTY.add(1520.5).stddev());
  }
}
