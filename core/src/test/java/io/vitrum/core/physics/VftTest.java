package io.vitrum.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VftTest {

  @ParameterizedTest(name = "log10 η = {0}: DGG-1 {1} °C, container {2} °C")
  @CsvSource({
    "1, 1449, 1476", // melting
    "3, 1019, 1030", // working (gob)
    "6.6, 717, 731", // softening
    "12, 543, 565", // annealing
    "13.5, 515, 539" // strain
  })
  void reproducesTheReferencePointsOfDomainTable(double log10Eta, double dgg1C, double containerC) {
    double eta = Math.pow(10, log10Eta);
    assertEquals(dgg1C, Vft.DGG1.temperatureAtViscosity(eta), 5.0);
    assertEquals(containerC, Vft.CONTAINER.temperatureAtViscosity(eta), 5.0);
    assertEquals(log10Eta, Vft.CONTAINER.log10ViscosityPaS(containerC), 0.05);
  }

  @Test
  void dgg1IsConvertedFromDecipascalSecondsToPascalSeconds() {
    double dPaS = -1.601 + 4330.9 / (1200 - 246.1);
    assertEquals(Math.pow(10, dPaS) / 10, Vft.DGG1.viscosityPaS(1200), 1e-9);
  }

  @Test
  void inverseRoundTrips() {
    for (double t = 600; t <= 1500; t += 75) {
      assertEquals(t, Vft.WINDOW.temperatureAtViscosity(Vft.WINDOW.viscosityPaS(t)), 1e-6);
    }
  }

  @Test
  void sensitivityMatchesTheDomainFigures() {
    double ln10 = Math.log(10);
    assertEquals(-0.7, 100 * ln10 * Vft.CONTAINER.log10SensitivityPerKelvin(1450), 0.1);
    assertEquals(-1.4, 100 * ln10 * Vft.CONTAINER.log10SensitivityPerKelvin(1100), 0.1);
    double h = 0.01;
    double numeric =
        (Vft.CONTAINER.log10ViscosityPaS(1100 + h) - Vft.CONTAINER.log10ViscosityPaS(1100 - h))
            / (2 * h);
    assertEquals(numeric, Vft.CONTAINER.log10SensitivityPerKelvin(1100), 1e-8);
  }

  @Test
  void fiftyKelvinHotterFiningLowersViscosityByAQuarter() {
    double ratio = Vft.CONTAINER.viscosityPaS(1500) / Vft.CONTAINER.viscosityPaS(1450);
    assertEquals(0.72, ratio, 0.01);
  }

  @Test
  void rejectsTemperaturesAtOrBelowT0() {
    assertThrows(IllegalArgumentException.class, () -> Vft.CONTAINER.log10ViscosityPaS(291));
  }
}
