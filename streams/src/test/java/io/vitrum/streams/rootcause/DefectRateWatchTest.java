package io.vitrum.streams.rootcause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefectRateWatchTest {
  private static final Instant T0 = Instant.parse("2026-12-03T13:17:00Z");

  private static void minute(RecentMinutes recent, int m, double cracks) {
    recent.add("F1.insp.reject.crack", T0.plusSeconds(60L * m + 30).toEpochMilli(), cracks);
    recent.add("F1.insp.reject.bubble", T0.plusSeconds(60L * m + 30).toEpochMilli(), 1);
  }

  @Test
  void aCrackBurstRaisesOnceAndClearsWhenTheRateIsBack() {
    RecentMinutes recent = new RecentMinutes(Duration.ofHours(4));
    DefectRateWatch watch =
        new DefectRateWatch(null, recent, Duration.ofSeconds(1), Clock.systemUTC());
    for (int m = 0; m < 16; m++) {
      minute(recent, m, 3);
    }
    assertTrue(watch.changes(T0.plusSeconds(60 * 16)).isEmpty(), "healthy");
    for (int m = 16; m < 30; m++) {
      minute(recent, m, m < 20 ? 3 : 274);
    }
    List<DefectRateWatch.Change> raised = watch.changes(T0.plusSeconds(60 * 30));
    assertEquals(1, raised.size(), raised.toString());
    assertEquals("crack", raised.get(0).defect());
    assertTrue(raised.get(0).raise());
    assertTrue(watch.changes(T0.plusSeconds(60 * 31)).isEmpty(), "raised once");
    for (int m = 30; m < 80; m++) {
      minute(recent, m, 3);
    }
    List<DefectRateWatch.Change> cleared = watch.changes(T0.plusSeconds(60 * 80));
    assertEquals(1, cleared.size(), cleared.toString());
    assertTrue(!cleared.get(0).raise());
  }

  @Test
  void tooShortABaselineDecidesNothing() {
    RecentMinutes recent = new RecentMinutes(Duration.ofHours(4));
    DefectRateWatch watch =
        new DefectRateWatch(null, recent, Duration.ofSeconds(1), Clock.systemUTC());
    for (int m = 0; m < 20; m++) {
      minute(recent, m, m < 10 ? 3 : 274);
    }
    assertTrue(watch.changes(T0.plusSeconds(60 * 20)).isEmpty());
  }
}
