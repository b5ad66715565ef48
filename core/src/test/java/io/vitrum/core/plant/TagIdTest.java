package io.vitrum.core.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TagIdTest {

  @Test
  void acceptsPlantTagsAndExtractsTheFurnace() {
    assertTrue(TagId.isValid("F1.crown.T3"));
    assertTrue(TagId.isValid("F2.regen.L.top"));
    assertEquals("F2", TagId.furnaceOf("F2.regen.L.top"));
    assertEquals("F1.lehr.Z4", TagId.of("F1", "lehr", "Z4"));
  }

  @Test
  void rejectsMalformedTags() {
    assertFalse(TagId.isValid(null));
    assertFalse(TagId.isValid("F1"));
    assertFalse(TagId.isValid("F1.crown"));
    assertFalse(TagId.isValid("F1..T3"));
    assertFalse(TagId.isValid("F1.crown.T3 "));
    assertFalse(TagId.isValid("F1.crown.T3/../x"));
    assertFalse(TagId.isValid("F1.a." + "x".repeat(130)));
    assertThrows(IllegalArgumentException.class, () -> TagId.of("F1", "bad seg"));
  }
}
