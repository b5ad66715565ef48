package io.vitrum.core.physics;

/**
 * Melt viscosity by the Vogel–Fulcher–Tammann equation {@code log10 η = A + B / (T − T0)}, with η
 * in Pa·s and T in °C (DOMAIN.md §1). Valid between the strain point and the melting point of
 * soda-lime glass; outside that the fit extrapolates, and at or below {@code T0} it has no meaning.
 *
 * @param a the constant A, for η in Pa·s (A in dPa·s minus 1)
 * @param b the constant B in kelvin
 * @param t0C the Vogel temperature T0 in °C
 */
public record Vft(double a, double b, double t0C) {
  /** DGG-1 float-glass viscosity standard, converted from dPa·s (A = −1.601) to Pa·s. */
  public static final Vft DGG1 = new Vft(-2.601, 4330.9, 246.1);

  /** Container glass (74 SiO2, 13 Na2O, 10.5 CaO, 1.3 Al2O3), 550–1450 °C. */
  public static final Vft CONTAINER = new Vft(-2.309, 3922, 291);

  /** Window glass (73 SiO2, 14 Na2O, 9 CaO, 4 MgO), 550–1450 °C. */
  public static final Vft WINDOW = new Vft(-2.585, 4215, 263);

  public Vft {
    if (!(b > 0) || !Double.isFinite(a) || !Double.isFinite(t0C)) {
      throw new IllegalArgumentException("VFT needs finite A and T0 and B > 0");
    }
  }

  /** {@code log10} of the viscosity in Pa·s at {@code temperatureC}, which must exceed T0. */
  public double log10ViscosityPaS(double temperatureC) {
    if (!(temperatureC > t0C)) {
      throw new IllegalArgumentException("temperature must exceed T0 = " + t0C + " °C");
    }
    return a + b / (temperatureC - t0C);
  }

  /** Viscosity in Pa·s at {@code temperatureC}. */
  public double viscosityPaS(double temperatureC) {
    return Math.pow(10, log10ViscosityPaS(temperatureC));
  }

  /** The temperature in °C at which the melt has viscosity {@code viscosityPaS}: the inverse. */
  public double temperatureAtViscosity(double viscosityPaS) {
    double log = Math.log10(viscosityPaS);
    if (!(log > a)) {
      throw new IllegalArgumentException("viscosity must exceed 10^A Pa·s");
    }
    return t0C + b / (log - a);
  }

  /**
   * Sensitivity {@code d log10 η / dT} per kelvin at {@code temperatureC}: negative, about −0.003
   * at 1450 °C (−0.7 %/K) and −0.006 at 1100 °C for container glass.
   */
  public double log10SensitivityPerKelvin(double temperatureC) {
    double above = temperatureC - t0C;
    return -b / (above * above);
  }
}
