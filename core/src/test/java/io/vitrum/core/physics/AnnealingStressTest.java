package io.vitrum.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnnealingStressTest {
  private final AnnealingStress glass = AnnealingStress.SODA_LIME;

  @Test
  void restrainedStressIsAboutPointEightMegapascalPerKelvin() {
    assertEquals(0.8, glass.stressPerKelvinMPa(), 0.03);
    assertEquals(40, glass.restrainedStressMPa(50), 2);
  }

  @Test
  void fourMillimetreWallCooledAtOneKelvinPerSecondKeepsAboutTwoMegapascal() {
    assertEquals(2.0, glass.residualSurfaceStressMPa(1, 4), 0.2);
    assertEquals(10.0, glass.residualSurfaceStressMPa(5, 4), 1.0);
  }

  @Test
  void stressGrowsWithTheSquareOfTheWall() {
    assertEquals(
        4 * glass.residualSurfaceStressMPa(0.1, 3), glass.residualSurfaceStressMPa(0.1, 6), 1e-12);
  }

  @Test
  void annealedWareCracksAtAboutFiftyKelvin() {
    assertEquals(50, glass.crackingTemperatureDifferenceK(), 3);
  }
}
