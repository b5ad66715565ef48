package io.vitrum.core.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeatureBinsTest {
  private final FeatureBins bins =
      new FeatureBins(new double[] {1, 2, 3}, new double[] {0.2, 0.3, 0.3, 0.1, 0.1});

  @Test
  void aValueFallsInTheBinOfTheEdgesAtOrBelowIt() {
    assertEquals(0, bins.bin(0.5));
    assertEquals(1, bins.bin(1));
    assertEquals(1, bins.bin(1.99));
    assertEquals(2, bins.bin(2));
    assertEquals(3, bins.bin(3));
    assertEquals(3, bins.bin(1e9));
    assertEquals(4, bins.bin(Double.NaN));
    assertEquals(5, bins.size());
  }

  @Test
  void aConstantColumnHasOneEdgeAndTwoValueBins() {
    FeatureBins constant = new FeatureBins(new double[] {330}, new double[] {0, 1, 0});
    assertEquals(0, constant.bin(329.9));
    assertEquals(1, constant.bin(330));
    assertEquals(2, constant.bin(Double.NaN));
  }

  @Test
  void refusesBinsThatDoNotDescribeADistribution() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureBins(new double[] {1, 1}, new double[] {0.25, 0.25, 0.25, 0.25}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureBins(new double[] {1}, new double[] {0.5, 0.6, 0}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureBins(new double[] {1}, new double[] {0.5, 0.5}));
  }
}
