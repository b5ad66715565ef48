package io.vitrum.core.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FurnaceTagsTest {

  @Test
  void everyTagIsUniqueValidAndBelongsToItsFurnace() {
    List<TagSpec> tags = FurnaceTags.of("F2");
    assertEquals(tags.size(), new HashSet<>(tags.stream().map(TagSpec::tag).toList()).size());
    assertTrue(tags.stream().allMatch(t -> t.furnace().equals("F2")));
    assertTrue(tags.stream().anyMatch(t -> t.tag().equals("F2.crown.T3")));
    assertTrue(tags.stream().anyMatch(t -> t.tag().equals("F2.regen.L.top")));
    assertTrue(tags.stream().anyMatch(t -> t.tag().equals("F2.insp.reject.crack")));
  }
}
