package io.vitrum.core.features;

import io.vitrum.core.physics.Vft;
import io.vitrum.core.plant.FurnaceTags;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The glass-making features of a furnace's vector (DOMAIN.md §1–2), computed from its tags' window
 * means; {@code NaN} where a tag they need has no reading. Column names are {@code domain:<name>}:
 *
 * <ul>
 *   <li>{@code log10Viscosity.fining}, {@code .throat}, {@code .gob}: VFT (container glass) log10 η
 *       in Pa·s at the hottest crown thermocouple (the hot spot that drives fining), the throat and
 *       the gob;
 *   <li>{@code gradient.crownMelt}: crown mean minus throat (°C), heat reaching the melt;
 *   <li>{@code gradient.topBottom}: throat minus bottom-thermocouple mean (°C), the bath's vertical
 *       gradient;
 *   <li>{@code regenAsymmetry}: left minus right regenerator top over the longest window (°C),
 *       which spans firing reversals;
 *   <li>{@code energyPerTonne}: gas at {@value #GAS_LHV_GJ_PER_NM3} GJ/Nm³ plus electric boost, per
 *       tonne pulled (GJ/t);
 *   <li>{@code airRatio}: air over stoichiometric air ({@value #STOICHIOMETRIC_AIR} Nm³ per Nm³ of
 *       gas), and {@code excessO2}: the dry flue O2 (%) that air ratio implies, 21·(λ−1)/λ.
 * </ul>
 */
public final class DomainFeatures {
  /** Lower heating value of natural gas, GJ per Nm³. */
  public static final double GAS_LHV_GJ_PER_NM3 = 0.0358;

  /** Air needed to burn one Nm³ of natural gas, Nm³. */
  public static final double STOICHIOMETRIC_AIR = 9.52;

  /** The columns, in order. */
  public static final List<String> NAMES =
      List.of(
          "domain:log10Viscosity.fining",
          "domain:log10Viscosity.throat",
          "domain:log10Viscosity.gob",
          "domain:gradient.crownMelt",
          "domain:gradient.topBottom",
          "domain:regenAsymmetry",
          "domain:energyPerTonne",
          "domain:airRatio",
          "domain:excessO2");

  private static final double GJ_PER_MW_DAY = 86.4;
  private static final double HOURS_PER_DAY = 24;
  private static final double AIR_O2_PCT = 21;

  /**
   * Energy per tonne pulled, GJ/t, of a furnace burning {@code gasNm3h} of gas (at {@value
   * #GAS_LHV_GJ_PER_NM3} GJ/Nm³) with {@code boostMw} of electric boost while pulling {@code
   * pullTpd}: NaN or infinite unless the pull is positive.
   */
  public static double energyPerTonneGj(double gasNm3h, double boostMw, double pullTpd) {
    return (gasNm3h * GAS_LHV_GJ_PER_NM3 * HOURS_PER_DAY + boostMw * GJ_PER_MW_DAY) / pullTpd;
  }

  /** Gas per tonne pulled, Nm³/t. */
  public static double gasPerTonneNm3(double gasNm3h, double pullTpd) {
    return gasNm3h * HOURS_PER_DAY / pullTpd;
  }

  private DomainFeatures() {}

  /**
   * The features of {@code furnace}, written to {@code out} from {@code offset}.
   *
   * @param shortMean a tag's mean over the shortest window ({@code NaN} when it has none)
   * @param longMean a tag's mean over the longest window
   */
  public static void compute(
      String furnace,
      ToDoubleFunction<String> shortMean,
      ToDoubleFunction<String> longMean,
      double[] out,
      int offset) {
    double hottestCrown = Double.NaN;
    double crownSum = 0;
    for (int i = 1; i <= FurnaceTags.CROWN_THERMOCOUPLES; i++) {
      double t = shortMean.applyAsDouble(FurnaceTags.crown(furnace, i));
      crownSum += t;
      hottestCrown = i == 1 ? t : Math.max(hottestCrown, t);
    }
    double bottomSum = 0;
    for (int i = 1; i <= FurnaceTags.BOTTOM_THERMOCOUPLES; i++) {
      bottomSum += shortMean.applyAsDouble(FurnaceTags.bottom(furnace, i));
    }
    double throat = shortMean.applyAsDouble(FurnaceTags.throat(furnace));
    double gob = shortMean.applyAsDouble(FurnaceTags.gob(furnace));
    double gas = shortMean.applyAsDouble(FurnaceTags.gasFlow(furnace));
    double air = shortMean.applyAsDouble(FurnaceTags.airFlow(furnace));
    double boost = shortMean.applyAsDouble(FurnaceTags.boost(furnace));
    double pull = shortMean.applyAsDouble(FurnaceTags.pullRate(furnace));
    double airRatio = air / (STOICHIOMETRIC_AIR * gas);

    out[offset] = viscosity(hottestCrown);
    out[offset + 1] = viscosity(throat);
    out[offset + 2] = viscosity(gob);
    out[offset + 3] = crownSum / FurnaceTags.CROWN_THERMOCOUPLES - throat;
    out[offset + 4] = throat - bottomSum / FurnaceTags.BOTTOM_THERMOCOUPLES;
    out[offset + 5] =
        longMean.applyAsDouble(FurnaceTags.regeneratorTop(furnace, 'L'))
            - longMean.applyAsDouble(FurnaceTags.regeneratorTop(furnace, 'R'));
    out[offset + 6] = energyPerTonneGj(gas, boost, pull);
    out[offset + 7] = airRatio;
    out[offset + 8] = AIR_O2_PCT * (airRatio - 1) / airRatio;
  }

  private static double viscosity(double temperatureC) {
    return temperatureC > Vft.CONTAINER.t0C()
        ? Vft.CONTAINER.log10ViscosityPaS(temperatureC)
        : Double.NaN;
  }
}
