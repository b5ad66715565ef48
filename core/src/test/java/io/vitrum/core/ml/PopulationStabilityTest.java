package io.vitrum.core.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PopulationStabilityTest {
  @Test
  void matchesTheIndexWorkedByHand() {
    // (0.25 - 0.5) ln(0.25 / 0.5) + (0.75 - 0.5) ln(0.75 / 0.5)
    double byHand = 0.25 * Math.log(2) + 0.25 * Math.log(1.5);
    assertEquals(
        byHand, PopulationStability.psi(new double[] {0.5, 0.5}, new double[] {0.25, 0.75}), 1e-12);
    assertEquals(0.27465307216702745, byHand, 1e-15);
  }

  @Test
  void anEmptyBinCountsAtTheFloor() {
    double psi = PopulationStability.psi(new double[] {0.5, 0.5}, new double[] {0, 1});
    double byHand = (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + 0.5 * Math.log(2);
    assertEquals(byHand, psi, 1e-12);
  }

  @Test
  void liveRowsFromTheTrainingDistributionAreStableAndShiftedOnesAreNot() {
    // Deciles of the standard normal, each bin a tenth of the mass.
    double[] edges = {-1.2816, -0.8416, -0.5244, -0.2533, 0, 0.2533, 0.5244, 0.8416, 1.2816};
    double[] fractions = new double[edges.length + 2];
    for (int k = 0; k <= edges.length; k++) {
      fractions[k] = 0.1;
    }
    FeatureBins normal = new FeatureBins(edges, fractions);
    PopulationStability psi = new PopulationStability(List.of(normal, normal));
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      double z = random.nextGaussian();
      psi.add(new double[] {z, z + 1});
    }
    double[] out = psi.psi();
    assertEquals(20_000, psi.samples());
    assertTrue(out[0] < 0.01, "same distribution: " + out[0]);
    assertTrue(out[1] > 0.25, "shifted by one std: " + out[1]);

    psi.reset();
    assertEquals(0, psi.samples());
    assertTrue(Double.isNaN(psi.psi()[0]));
  }

  @Test
  void missingValuesMoveTheMassToTheMissingBin() {
    FeatureBins bins = new FeatureBins(new double[] {0}, new double[] {0.5, 0.5, 0});
    PopulationStability psi = new PopulationStability(List.of(bins));
    psi.add(new double[] {-1});
    psi.add(new double[] {1});
    psi.add(new double[] {Double.NaN});
    psi.add(new double[] {Double.NaN});
    double expected =
        PopulationStability.psi(new double[] {0.5, 0.5, 0}, new double[] {0.25, 0.25, 0.5});
    assertEquals(expected, psi.psi()[0], 1e-12);
  }
}
