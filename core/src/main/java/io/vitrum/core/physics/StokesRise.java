package io.vitrum.core.physics;

/**
 * Rise velocity of a small gas bubble in the melt by Stokes' law, {@code v = 2·g·r²·Δρ/(9·η)}: the
 * reason fining works faster when the melt is hotter and thinner (DOMAIN.md §1, §4). The gas
 * density is negligible next to the melt's, so Δρ is the melt density.
 *
 * @param densityDifferenceKgPerM3 melt density minus gas density, about 2350 kg/m³ at 1450 °C
 * @param gravityMPerS2 gravitational acceleration
 */
public record StokesRise(double densityDifferenceKgPerM3, double gravityMPerS2) {
  /** A bubble in soda-lime melt: Δρ 2350 kg/m³, g 9.81 m/s². */
  public static final StokesRise GLASS_MELT = new StokesRise(2350, 9.81);

  private static final double MM_PER_M = 1e3;
  private static final double SECONDS_PER_HOUR = 3600;

  public StokesRise {
    if (!(densityDifferenceKgPerM3 > 0) || !(gravityMPerS2 > 0)) {
      throw new IllegalArgumentException("density difference and gravity must be positive");
    }
  }

  /** Rise velocity in m/s of a bubble of {@code radiusM} in melt of {@code viscosityPaS}. */
  public double velocityMPerS(double radiusM, double viscosityPaS) {
    return 2 * gravityMPerS2 * radiusM * radiusM * densityDifferenceKgPerM3 / (9 * viscosityPaS);
  }

  /** Rise velocity in mm/h of a bubble of {@code radiusMm} in melt of {@code viscosityPaS}. */
  public double velocityMmPerHour(double radiusMm, double viscosityPaS) {
    return velocityMPerS(radiusMm / MM_PER_M, viscosityPaS) * MM_PER_M * SECONDS_PER_HOUR;
  }
}
