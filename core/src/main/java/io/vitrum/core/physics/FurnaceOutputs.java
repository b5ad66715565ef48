package io.vitrum.core.physics;

import java.util.List;

/**
 * Everything a furnace line shows at one instant: the quantity behind every tag of {@link
 * io.vitrum.core.plant.FurnaceTags} (before sensor noise) and the derived quality figures. A pure
 * function of a {@link FurnaceState}'s dynamic variables, the setpoints and the disturbances.
 *
 * @param crownC crown temperature, °C
 * @param meltTopC melt surface (fining) temperature, °C
 * @param meltBottomC melt bottom temperature, °C
 * @param throatC glass temperature in the throat, °C
 * @param regeneratorLeftTopC left regenerator top, °C
 * @param regeneratorRightTopC right regenerator top, °C
 * @param airPreheatC combustion air temperature after the firing-side checkers, °C
 * @param flueC waste gas after the regenerator, °C
 * @param gasFlowNm3h natural gas flow, Nm³/h (0 during a reversal)
 * @param airFlowNm3h combustion air flow, Nm³/h
 * @param flueO2Pct flue O2, %
 * @param flueCoPpm flue CO, ppm
 * @param crownPressurePa crown pressure, Pa
 * @param glassLevelMm glass level deviation from its setpoint, mm
 * @param boostMw electric boost, MW
 * @param batchRateTph wet batch charged, t/h
 * @param culletFractionPct actual cullet fraction of the batch, %
 * @param pullRateTpd glass pull, t/day
 * @param forehearthC forehearth zone temperatures, first zone after the throat first
 * @param gobC gob temperature, °C
 * @param lehrC lehr zone temperatures, hot end first
 * @param lehrCoolingRateCPerMin actual cooling rate through the annealing range, °C/min
 * @param finingViscosityPaS melt viscosity at the melt top, Pa·s
 * @param throatViscosityPaS melt viscosity in the throat, Pa·s
 * @param gobViscosityPaS gob viscosity, Pa·s
 * @param energyPerTonneGj gas and electric energy per tonne of glass pulled, GJ/t
 * @param residenceTimeH mean residence time of glass in the tank, h
 * @param lehrStressMPa surface stress left in the ware by the lehr, MPa
 * @param firing whether the burners are firing (false during the reversal pause)
 */
public record FurnaceOutputs(
    double crownC,
    double meltTopC,
    double meltBottomC,
    double throatC,
    double regeneratorLeftTopC,
    double regeneratorRightTopC,
    double airPreheatC,
    double flueC,
    double gasFlowNm3h,
    double airFlowNm3h,
    double flueO2Pct,
    double flueCoPpm,
    double crownPressurePa,
    double glassLevelMm,
    double boostMw,
    double batchRateTph,
    double culletFractionPct,
    double pullRateTpd,
    List<Double> forehearthC,
    double gobC,
    List<Double> lehrC,
    double lehrCoolingRateCPerMin,
    double finingViscosityPaS,
    double throatViscosityPaS,
    double gobViscosityPaS,
    double energyPerTonneGj,
    double residenceTimeH,
    double lehrStressMPa,
    boolean firing) {

  public FurnaceOutputs {
    forehearthC = List.copyOf(forehearthC);
    lehrC = List.copyOf(lehrC);
  }
}
