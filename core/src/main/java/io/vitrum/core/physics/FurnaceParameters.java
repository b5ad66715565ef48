package io.vitrum.core.physics;

/**
 * Every constant of the lumped furnace model ({@link FurnaceProcess}, DOMAIN.md §2). Most are
 * engineering estimates ([U] in DOMAIN.md) calibrated by {@link #container300Tpd()} so that a 300
 * t/day container furnace at nominal setpoints sits near crown 1560 °C, melt top 1450 °C, bottom
 * 1350 °C, throat 1300 °C and gob 1100 °C, burns about 1600 Nm³/h of gas with about ten times as
 * much air and spends 4–5 GJ/t. A plant is fitted by changing these, never the equations.
 *
 * @param glass viscosity curve of the melt
 * @param annealing material constants for lehr stress
 * @param ambientC ambient temperature, °C
 * @param gasLhvMjPerNm3 lower heating value of the natural gas, MJ/Nm³ (about 35.8)
 * @param stoichiometricAirRatio Nm³ of air that burns one Nm³ of gas exactly (about 9.6)
 * @param airCpKjPerNm3K mean heat capacity of combustion air, kJ/(Nm³·K)
 * @param flueCpKjPerNm3K mean heat capacity of the waste gas, kJ/(Nm³·K)
 * @param preheatRatio combustion air leaves the checkers at {@code Tamb + ratio·(Ttop − Tamb)}
 * @param flueExitRatio waste gas leaves the checkers at {@code Tamb + ratio·(Ttop − Tamb)}; the
 *     checkers keep what the gas loses between crown and exit
 * @param radiationAreaM2 effective emissivity times area of the crown-to-melt exchange, m²
 * @param crownCapacityMjPerK heat capacity of crown refractory and combustion space, MJ/K
 * @param meltTopCapacityMjPerK heat capacity of the upper melt layer, MJ/K
 * @param meltBottomCapacityMjPerK heat capacity of the lower melt and the bottom paving, MJ/K
 * @param regeneratorCapacityMjPerK effective heat capacity of one checker pack, MJ/K
 * @param meltTopToBottomKwPerK convective exchange between the melt layers, kW/K
 * @param crownLossKwPerK crown and superstructure wall loss, kW/K
 * @param bottomLossKwPerK tank bottom and side wall loss, kW/K
 * @param regeneratorLossKwPerK wall loss of one regenerator, kW/K
 * @param throatLossKwPerK loss of the throat and riser channel, kW/K
 * @param refractoryWearLossGain relative rise of crown and tank losses at full refractory wear
 * @param batchEnthalpyGjPerT heat to turn raw batch into glass at the reference temperature, GJ/t
 *     (2.3–2.6)
 * @param culletEnthalpySaving fraction of that heat cullet saves (0.25–0.30)
 * @param glassCpKjPerKgK heat capacity of the melt, kJ/(kg·K)
 * @param batchReferenceC temperature to which the batch enthalpy is counted, °C
 * @param rawBatchYield tonnes of glass per tonne of dry raw batch (the rest leaves as gas)
 * @param baseBatchMoisture water the batch normally carries, mass fraction
 * @param waterEnthalpyMjPerKg heat to evaporate and superheat batch water, MJ/kg
 * @param tankGlassMassT glass held in the tank, t (sets the residence time)
 * @param meltAreaM2 melt surface, m² (sets how fast the level moves)
 * @param glassDensityKgPerM3 melt density, kg/m³
 * @param levelGainKgPerSPerMm glass level controller: extra glass charged per mm below setpoint
 * @param reversalPeriodS time between firing reversals, s (20–30 min)
 * @param reversalPauseS time without firing at each reversal while the valves move, s
 * @param crownGainNm3hPerK proportional gain of the crown combustion controller, Nm³/h per K
 * @param crownIntegralTimeS integral time of the crown combustion controller, s
 * @param gasMinNm3h lowest gas flow the burners hold while firing, Nm³/h
 * @param gasMaxNm3h highest gas flow the gas train delivers, Nm³/h
 * @param coBasePpm flue CO at ample oxygen, ppm
 * @param coLowO2Ppm CO scale as oxygen vanishes, ppm ({@code CO = base + this·exp(−O2/scale)})
 * @param coO2ScalePct O2 over which CO falls by a factor e, %
 * @param coBurnerPpm CO per unit of burner efficiency lost, ppm
 * @param pressureNominalPa crown pressure the damper holds at nominal waste-gas flow, Pa
 * @param pressureFlowGainPa crown pressure rise per relative waste-gas flow above nominal, Pa
 * @param nominalFlueNm3h waste-gas flow the damper is set for, Nm³/h
 * @param forehearthTimeConstantS first-order lag from throat to gob, s
 * @param forehearthBaseDropK throat-to-gob drop with conditioning at its minimum, K
 * @param forehearthAuthorityK extra drop conditioning can add at full cooling, K
 * @param lehrSoakC lehr soak (annealing) temperature, °C
 * @param lehrAnnealZoneMinutes time the ware spends in the controlled-cooling zone, min
 * @param lehrExitC ware temperature at the lehr exit, °C
 * @param wallThicknessMm wall thickness of the ware, mm
 * @param maxSubstepS longest internal integration step, s
 */
public record FurnaceParameters(
    Vft glass,
    AnnealingStress annealing,
    double ambientC,
    double gasLhvMjPerNm3,
    double stoichiometricAirRatio,
    double airCpKjPerNm3K,
    double flueCpKjPerNm3K,
    double preheatRatio,
    double flueExitRatio,
    double radiationAreaM2,
    double crownCapacityMjPerK,
    double meltTopCapacityMjPerK,
    double meltBottomCapacityMjPerK,
    double regeneratorCapacityMjPerK,
    double meltTopToBottomKwPerK,
    double crownLossKwPerK,
    double bottomLossKwPerK,
    double regeneratorLossKwPerK,
    double throatLossKwPerK,
    double refractoryWearLossGain,
    double batchEnthalpyGjPerT,
    double culletEnthalpySaving,
    double glassCpKjPerKgK,
    double batchReferenceC,
    double rawBatchYield,
    double baseBatchMoisture,
    double waterEnthalpyMjPerKg,
    double tankGlassMassT,
    double meltAreaM2,
    double glassDensityKgPerM3,
    double levelGainKgPerSPerMm,
    double reversalPeriodS,
    double reversalPauseS,
    double crownGainNm3hPerK,
    double crownIntegralTimeS,
    double gasMinNm3h,
    double gasMaxNm3h,
    double coBasePpm,
    double coLowO2Ppm,
    double coO2ScalePct,
    double coBurnerPpm,
    double pressureNominalPa,
    double pressureFlowGainPa,
    double nominalFlueNm3h,
    double forehearthTimeConstantS,
    double forehearthBaseDropK,
    double forehearthAuthorityK,
    double lehrSoakC,
    double lehrAnnealZoneMinutes,
    double lehrExitC,
    double wallThicknessMm,
    double maxSubstepS) {

  public FurnaceParameters {
    if (glass == null || annealing == null) {
      throw new IllegalArgumentException("glass and annealing are required");
    }
    double[] positive = {
      gasLhvMjPerNm3,
      stoichiometricAirRatio,
      airCpKjPerNm3K,
      flueCpKjPerNm3K,
      radiationAreaM2,
      crownCapacityMjPerK,
      meltTopCapacityMjPerK,
      meltBottomCapacityMjPerK,
      regeneratorCapacityMjPerK,
      meltTopToBottomKwPerK,
      crownLossKwPerK,
      bottomLossKwPerK,
      regeneratorLossKwPerK,
      throatLossKwPerK,
      batchEnthalpyGjPerT,
      glassCpKjPerKgK,
      rawBatchYield,
      tankGlassMassT,
      meltAreaM2,
      glassDensityKgPerM3,
      levelGainKgPerSPerMm,
      reversalPeriodS,
      crownGainNm3hPerK,
      crownIntegralTimeS,
      gasMaxNm3h,
      coO2ScalePct,
      nominalFlueNm3h,
      forehearthTimeConstantS,
      forehearthAuthorityK,
      lehrAnnealZoneMinutes,
      wallThicknessMm,
      maxSubstepS
    };
    for (double v : positive) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("furnace parameters must be positive and finite");
      }
    }
    double[] nonNegative = {
      refractoryWearLossGain,
      culletEnthalpySaving,
      baseBatchMoisture,
      waterEnthalpyMjPerKg,
      reversalPauseS,
      gasMinNm3h,
      coBasePpm,
      coLowO2Ppm,
      coBurnerPpm,
      pressureFlowGainPa,
      forehearthBaseDropK
    };
    for (double v : nonNegative) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("furnace parameters must be non-negative and finite");
      }
    }
    if (!(preheatRatio < 1) || !(flueExitRatio < 1) || !(culletEnthalpySaving < 1)) {
      throw new IllegalArgumentException("ratios must be below 1");
    }
    if (!(rawBatchYield <= 1) || !(baseBatchMoisture < 0.5)) {
      throw new IllegalArgumentException("batch yield and moisture out of range");
    }
    if (!(reversalPauseS < reversalPeriodS) || !(gasMinNm3h < gasMaxNm3h)) {
      throw new IllegalArgumentException("pause must be shorter than the period, gas min < max");
    }
    if (!(lehrExitC < lehrSoakC)) {
      throw new IllegalArgumentException("lehr exit must be colder than the soak");
    }
  }

  /** A 300 t/day regenerative end-port container furnace (DOMAIN.md §2), container glass. */
  public static FurnaceParameters container300Tpd() {
    return new FurnaceParameters(
        Vft.CONTAINER,
        AnnealingStress.SODA_LIME,
        25,
        35.8,
        9.6,
        1.42,
        1.55,
        0.9,
        0.38,
        70,
        35,
        300,
        800,
        60,
        25,
        0.9,
        2.2,
        0.15,
        0.17,
        1.0,
        2.6,
        0.30,
        1.3,
        1450,
        0.83,
        0.03,
        3.0,
        450,
        100,
        2350,
        0.35,
        1500,
        50,
        6,
        600,
        300,
        2800,
        15,
        2000,
        0.35,
        3000,
        3,
        4,
        18600,
        600,
        120,
        160,
        560,
        4,
        80,
        4,
        20);
  }
}
