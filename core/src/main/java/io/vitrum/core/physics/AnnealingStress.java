package io.vitrum.core.physics;

/**
 * Thermal stress in annealed soda-lime ware (DOMAIN.md §3). A restrained plate with a
 * surface-to-mean temperature difference ΔT carries {@code σ = E·α·ΔT/(1−ν)}, about 0.8 MPa/K; a
 * wall of thickness d cooled at rate q through the annealing range keeps a surface stress of about
 * {@code E·α/(1−ν) · q·d²/(12κ)} (the parabolic profile of a slab cooled from both sides), with the
 * centre in tension at half that. The material constants are engineering estimates to calibrate.
 *
 * @param youngsModulusGPa Young's modulus E, 70–72 GPa
 * @param expansionPerK linear expansion α, 8.8–9.0e-6 /K
 * @param poissonRatio ν, 0.22–0.23
 * @param diffusivityMm2PerS thermal diffusivity κ, about 0.51 mm²/s
 * @param tensileStrengthMPa practical tensile strength of annealed ware, about 41 MPa
 */
public record AnnealingStress(
    double youngsModulusGPa,
    double expansionPerK,
    double poissonRatio,
    double diffusivityMm2PerS,
    double tensileStrengthMPa) {

  /** Annealed soda-lime glass: E 71 GPa, α 8.9e-6 /K, ν 0.22, κ 0.51 mm²/s, 41 MPa. */
  public static final AnnealingStress SODA_LIME = new AnnealingStress(71, 8.9e-6, 0.22, 0.51, 41);

  public AnnealingStress {
    if (!(youngsModulusGPa > 0)
        || !(expansionPerK > 0)
        || !(poissonRatio >= 0 && poissonRatio < 0.5)
        || !(diffusivityMm2PerS > 0)
        || !(tensileStrengthMPa > 0)) {
      throw new IllegalArgumentException("annealing constants out of physical range");
    }
  }

  /** {@code E·α/(1−ν)} in MPa per kelvin of restrained temperature difference. */
  public double stressPerKelvinMPa() {
    return youngsModulusGPa * 1e3 * expansionPerK / (1 - poissonRatio);
  }

  /** Stress in MPa of a restrained plate with surface-to-mean difference {@code deltaK}. */
  public double restrainedStressMPa(double deltaK) {
    return stressPerKelvinMPa() * deltaK;
  }

  /**
   * Surface-to-mean temperature difference in kelvin of a wall {@code wallMm} thick cooled from
   * both sides at {@code coolingRateKPerS}: {@code q·d²/(12κ)}.
   */
  public double coolingTemperatureDifferenceK(double coolingRateKPerS, double wallMm) {
    return coolingRateKPerS * wallMm * wallMm / (12 * diffusivityMm2PerS);
  }

  /** Residual surface stress in MPa from cooling at {@code coolingRateKPerS} through annealing. */
  public double residualSurfaceStressMPa(double coolingRateKPerS, double wallMm) {
    return restrainedStressMPa(coolingTemperatureDifferenceK(coolingRateKPerS, wallMm));
  }

  /** Temperature difference in kelvin at which restrained stress reaches the tensile strength. */
  public double crackingTemperatureDifferenceK() {
    return tensileStrengthMPa / stressPerKelvinMPa();
  }
}
