package io.vitrum.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramQuantileTest {
  private static final double[] BOUNDS = {0.1, 0.2, 0.4, 0.8};

  @Test
  void interpolatesInsideTheBucketThatHoldsTheRank() {
    // 10 at or below 0.1, 20 below 0.2, 30 below 0.4, 40 below 0.8.
    double[] counts = {10, 20, 30, 40};
    // Median: rank 20 is the top of the second bucket.
    assertEquals(0.2, HistogramQuantile.of(0.5, BOUNDS, counts, 40), 1e-12);
    // Rank 4 of the first bucket, which starts at 0.
    assertEquals(0.04, HistogramQuantile.of(0.1, BOUNDS, counts, 40), 1e-12);
    // Rank 25: halfway through (0.2, 0.4].
    assertEquals(0.3, HistogramQuantile.of(0.625, BOUNDS, counts, 40), 1e-12);
    // Rank 39.6 of 40: most of the way through (0.4, 0.8].
    assertEquals(0.784, HistogramQuantile.of(0.99, BOUNDS, counts, 40), 1e-12);
  }

  @Test
  void observationsAboveTheLastBoundAnswerThatBound() {
    double[] counts = {0, 0, 0, 5};
    assertEquals(0.8, HistogramQuantile.of(0.99, BOUNDS, counts, 100), 1e-12);
  }

  @Test
  void emptyBucketsAreSkipped() {
    double[] counts = {0, 0, 10, 10};
    assertEquals(0.3, HistogramQuantile.of(0.5, BOUNDS, counts, 10), 1e-12);
  }

  @Test
  void anEmptyHistogramHasNoQuantileAndNonsenseIsRefused() {
    assertTrue(Double.isNaN(HistogramQuantile.of(0.5, BOUNDS, new double[4], 0)));
    assertThrows(
        IllegalArgumentException.class, () -> HistogramQuantile.of(1.5, BOUNDS, new double[4], 1));
    assertThrows(
        IllegalArgumentException.class, () -> HistogramQuantile.of(0.5, BOUNDS, new double[3], 1));
  }
}
