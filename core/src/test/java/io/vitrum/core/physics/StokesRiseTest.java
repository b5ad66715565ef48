package io.vitrum.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StokesRiseTest {

  @Test
  void tenthMillimetreBubbleInTenPascalSecondsRisesAboutEighteenMillimetresAnHour() {
    assertEquals(18, StokesRise.GLASS_MELT.velocityMmPerHour(0.1, 10), 1);
  }

  @Test
  void fiftyKelvinHotterFiningSpeedsBubblesUpByAboutTwoFifths() {
    StokesRise stokes = StokesRise.GLASS_MELT;
    double ratio =
        stokes.velocityMmPerHour(0.1, Vft.CONTAINER.viscosityPaS(1500))
            / stokes.velocityMmPerHour(0.1, Vft.CONTAINER.viscosityPaS(1450));
    assertEquals(1.39, ratio, 0.02);
  }
}
