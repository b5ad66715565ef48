package io.vitrum.streams.rootcause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.causal.TagSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentMinutesTest {
  private static final Instant T0 = Instant.parse("2026-12-03T14:00:00Z");

  @Test
  void readingsBecomeMinuteMeansPerFurnaceWithGapsAsNaN() {
    RecentMinutes recent = new RecentMinutes(Duration.ofHours(1));
    recent.add("F1.crown.T1", T0.toEpochMilli(), 1500);
    recent.add("F1.crown.T1", T0.plusSeconds(30).toEpochMilli(), 1510);
    recent.add("F1.crown.T1", T0.plusSeconds(120).toEpochMilli(), 1520);
    recent.add("F1.crown.T1", T0.plusSeconds(130).toEpochMilli(), Double.NaN);
    recent.add("F2.crown.T1", T0.toEpochMilli(), 1400);
    recent.add("F1.insp.reject.crack", T0.toEpochMilli(), 3);
    Map<String, TagSeries> f1 = recent.series("F1", T0, T0.plusSeconds(180));
    assertEquals(Set.of("F1.crown.T1"), f1.keySet(), "inspection counters are not process tags");
    TagSeries s = f1.get("F1.crown.T1");
    assertEquals(1505, s.value(0), 1e-9);
    assertTrue(Double.isNaN(s.value(1)));
    assertEquals(1520, s.value(2), 1e-9);
    assertEquals(3, recent.minutes("F1.insp.reject.crack", T0, T0.plusSeconds(60))[0], 1e-9);
    assertEquals(Set.of("F1", "F2"), recent.furnaces());
  }

  @Test
  void itKeepsOnlyItsWindowAndIgnoresReadingsOlderThanIt() {
    RecentMinutes recent = new RecentMinutes(Duration.ofMinutes(10));
    recent.add("F1.gob.T", T0.toEpochMilli(), 1100);
    recent.add("F1.gob.T", T0.plus(Duration.ofMinutes(10)).toEpochMilli(), 1200);
    recent.add("F1.gob.T", T0.toEpochMilli(), 900); // older than the slot now holds: ignored
    double[] m = recent.minutes("F1.gob.T", T0, T0.plus(Duration.ofMinutes(11)));
    assertTrue(Double.isNaN(m[0]), "overwritten by the minute ten later");
    assertEquals(1200, m[10], 1e-9);
  }
}
