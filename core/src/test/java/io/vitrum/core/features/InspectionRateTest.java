package io.vitrum.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InspectionRateTest {
  private static final List<String> NAMES =
      List.of(
          "F2.crown.T1:15m:mean",
          "F2.insp.inspected:15m:mean",
          "F2.insp.reject.crack:15m:mean",
          "F2.insp.reject.bubble:15m:mean",
          "F2.insp.reject.stone:15m:mean",
          "F2.insp.reject.chip:15m:mean");

  private static FeatureVector vector(double... values) {
    return new FeatureVector("F2", 0, "live", 2, NAMES, values);
  }

  @Test
  void sumsTheClassesPerThousandInspected() {
    assertEquals(
        1000 * (2 + 1 + 0.5 + 0.5) / 400.0,
        InspectionRate.total(vector(1500, 400, 2, 1, 0.5, 0.5)),
        1e-12);
  }

  @Test
  void isUnknownWhenNothingWasInspected() {
    assertTrue(Double.isNaN(InspectionRate.total(vector(1500, 0, 2, 1, 0.5, 0.5))));
    assertTrue(Double.isNaN(InspectionRate.total(vector(1500, Double.NaN, 2, 1, 0.5, 0.5))));
    assertTrue(
        Double.isNaN(
            InspectionRate.total(new FeatureVector("F2", 0, "live", 2, List.of(), new double[0]))));
  }
}
