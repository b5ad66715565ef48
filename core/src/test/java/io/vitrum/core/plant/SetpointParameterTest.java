package io.vitrum.core.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SetpointParameterTest {

  @Test
  void looksUpByJsonKey() {
    assertEquals(
        SetpointParameter.CROWN_TEMPERATURE,
        SetpointParameter.byKey("crownTemperature").orElseThrow());
    assertTrue(SetpointParameter.byKey("CROWN_TEMPERATURE").isEmpty());
  }

  @Test
  void nominalValuesAreWithinTheirOwnBounds() {
    for (SetpointParameter p : SetpointParameter.values()) {
      assertTrue(p.withinBounds(p.nominal()), p.key());
      assertTrue(p.maxStep() > 0 && p.maxStep() < p.max() - p.min(), p.key());
    }
  }

  @Test
  void boundsRejectNonFiniteAndOutside() {
    SetpointParameter crown = SetpointParameter.CROWN_TEMPERATURE;
    assertFalse(crown.withinBounds(Double.NaN));
    assertFalse(crown.withinBounds(Double.POSITIVE_INFINITY));
    assertFalse(crown.withinBounds(1449.9));
    assertTrue(crown.withinBounds(1650));
  }
}
