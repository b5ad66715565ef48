package io.vitrum.actors.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TagSlicesTest {
  private final TagSlices slices = new TagSlices("sensor-anomaly", 4);

  @Test
  void namesEverySliceFromZero() {
    assertEquals(
        List.of("sensor-anomaly-0", "sensor-anomaly-1", "sensor-anomaly-2", "sensor-anomaly-3"),
        slices.tags());
  }

  @Test
  void anEntitysTagIsFixedByItsPersistenceIdOnEveryNodeAndJdk() {
    // Pinned values: the tags are in the journal, so the hash must never change.
    assertEquals("sensor-anomaly-3", slices.tagFor("Sensor|F1.crown.T3"));
    assertEquals("sensor-anomaly-0", slices.tagFor("Sensor|F1.crown.T4"));
    assertEquals("sensor-anomaly-2", slices.tagFor("Sensor|F2.regen.L.top"));
    assertEquals(
        "sensor-anomaly-7", new TagSlices("sensor-anomaly", 16).tagFor("Sensor|F1.crown.T3"));
  }

  @Test
  void spreadsManyEntitiesOverEverySlice() {
    Set<String> used =
        IntStream.range(0, 100)
            .mapToObj(i -> slices.tagFor("Sensor|F1.crown.T" + i))
            .collect(Collectors.toSet());
    assertEquals(Set.copyOf(slices.tags()), used);
  }

  @Test
  void refusesNoSlicesAndSlicesOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new TagSlices("sensor-anomaly", 0));
    assertThrows(IllegalArgumentException.class, () -> new TagSlices(" ", 4));
    assertThrows(IllegalArgumentException.class, () -> slices.tag(4));
  }
}
