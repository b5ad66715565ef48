package io.vitrum.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TumblingWindowTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void closesTheWindowWhenAReadingFallsIntoTheNextOne() {
    TumblingWindow w =
        TumblingWindow.of(Duration.ofMinutes(1))
            .add(T0.plusSeconds(1), 10)
            .add(T0.plusSeconds(30), 20)
            .add(T0.plusSeconds(61), 40);
    assertEquals(T0.plusSeconds(60), w.currentStart());
    assertEquals(1, w.current().count());
    assertEquals(15, w.previous().mean(), 1e-12);
  }

  @Test
  void aGapLeavesNoStalePreviousWindow() {
    TumblingWindow w =
        TumblingWindow.of(Duration.ofMinutes(1)).add(T0, 10).add(T0.plusSeconds(600), 20);
    assertEquals(0, w.previous().count());
    assertEquals(20, w.current().mean(), 1e-12);
  }
}
