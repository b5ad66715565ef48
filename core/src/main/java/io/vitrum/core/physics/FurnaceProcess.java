package io.vitrum.core.physics;

import io.vitrum.core.plant.FurnaceTags;
import java.util.ArrayList;
import java.util.List;

/**
 * A regenerative end-port glass furnace line driven by supervisory setpoints: the five-node lumped
 * heat balance of DOMAIN.md §2 (crown, melt top, melt bottom, two regenerators; forehearth and gob
 * as a first-order lag; lehr as a zone profile) together with the base control loops a real plant
 * runs under its setpoints:
 *
 * <ul>
 *   <li>a PI combustion controller holding the crown temperature with the gas flow, with gas limits
 *       and anti-windup by conditional integration;
 *   <li>air set to the stoichiometric need times {@code 1 + excess}, the excess air that gives the
 *       excess-O2 setpoint;
 *   <li>boost, pull and cullet applied directly; a proportional glass level controller on the batch
 *       charger;
 *   <li>forehearth conditioning holding the gob with limited authority;
 *   <li>firing reversal every {@link FurnaceParameters#reversalPeriodS()} with a short pause
 *       without fire, which gives the crown its sawtooth.
 * </ul>
 *
 * <p>Heat flows conserve energy exactly ({@link #heatBalance}). Integration is classical RK4 with
 * internal sub-steps no longer than {@link FurnaceParameters#maxSubstepS()}, split at reversal
 * events, so any outer step (one second for a simulator, a minute for a what-if) is stable. The
 * class is immutable and thread-safe; each call is deterministic.
 */
public final class FurnaceProcess {
  private static final double STEFAN_BOLTZMANN = 5.670374419e-8;
  private static final double KELVIN = 273.15;
  private static final double SECONDS_PER_HOUR = 3600;
  private static final double SECONDS_PER_DAY = 86_400;
  private static final double O2_IN_AIR_PCT = 20.9;
  private static final double MEGA = 1e6;
  private static final double KILO = 1e3;
  private static final double SETTLE_STEP_S = 60;
  private static final double SETTLE_HOURS = 120;

  private static final int CROWN = 0;
  private static final int MELT_TOP = 1;
  private static final int MELT_BOTTOM = 2;
  private static final int REGEN_LEFT = 3;
  private static final int REGEN_RIGHT = 4;
  private static final int GOB = 5;
  private static final int GAS_INTEGRAL = 6;
  private static final int LEVEL = 7;
  private static final int SIZE = 8;

  private final FurnaceParameters p;

  public FurnaceProcess(FurnaceParameters parameters) {
    if (parameters == null) {
      throw new IllegalArgumentException("parameters are required");
    }
    this.p = parameters;
  }

  public FurnaceParameters parameters() {
    return p;
  }

  /**
   * A state near the nominal operating point, just after a reversal with the left side firing. Not
   * settled: use {@link #steadyState} for a line that has run under these inputs for days.
   */
  public FurnaceState initialState(Setpoints setpoints, Disturbances disturbances) {
    double gas = 1600;
    FurnaceState raw =
        new FurnaceState(
            0,
            setpoints.crownTemperatureC(),
            setpoints.crownTemperatureC() - 110,
            setpoints.crownTemperatureC() - 210,
            1420,
            1240,
            FiringSide.LEFT,
            0,
            setpoints.gobTemperatureC(),
            0,
            gas,
            placeholderOutputs());
    return refresh(raw, setpoints, disturbances);
  }

  /**
   * The line after running {@value #SETTLE_HOURS} hours under constant inputs from {@link
   * #initialState}: settled to its periodic firing cycle, bottom included, and left half-way
   * through a firing period. The clock is reset to 0.
   */
  public FurnaceState steadyState(Setpoints setpoints, Disturbances disturbances) {
    FurnaceState s = initialState(setpoints, disturbances);
    int steps = (int) Math.round(SETTLE_HOURS * SECONDS_PER_HOUR / SETTLE_STEP_S);
    for (int i = 0; i < steps; i++) {
      s = step(s, setpoints, disturbances, SETTLE_STEP_S);
    }
    s = step(s, setpoints, disturbances, p.reversalPeriodS() / 2);
    return s.withTimeS(0);
  }

  /**
   * Advances {@code state} by {@code dtSeconds} under constant {@code setpoints} and {@code
   * disturbances} and returns the new state with its outputs.
   */
  public FurnaceState step(
      FurnaceState state, Setpoints setpoints, Disturbances disturbances, double dtSeconds) {
    if (!(dtSeconds >= 0) || !Double.isFinite(dtSeconds)) {
      throw new IllegalArgumentException("dtSeconds must be finite and non-negative");
    }
    Drive drive = new Drive(p, setpoints, disturbances);
    double[] y = toVector(state);
    double sinceReversal = state.secondsSinceReversal();
    FiringSide side = state.firingSide();
    double remaining = dtSeconds;
    double[] k1 = new double[SIZE];
    double[] k2 = new double[SIZE];
    double[] k3 = new double[SIZE];
    double[] k4 = new double[SIZE];
    double[] tmp = new double[SIZE];
    while (remaining > 0) {
      boolean firing = sinceReversal >= p.reversalPauseS();
      double toEvent =
          firing ? p.reversalPeriodS() - sinceReversal : p.reversalPauseS() - sinceReversal;
      double h = Math.min(remaining, Math.min(p.maxSubstepS(), Math.max(toEvent, 1e-9)));
      derivative(y, firing, side, drive, k1);
      stage(y, k1, h / 2, tmp);
      derivative(tmp, firing, side, drive, k2);
      stage(y, k2, h / 2, tmp);
      derivative(tmp, firing, side, drive, k3);
      stage(y, k3, h, tmp);
      derivative(tmp, firing, side, drive, k4);
      for (int i = 0; i < SIZE; i++) {
        y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      }
      sinceReversal += h;
      remaining -= h;
      if (sinceReversal >= p.reversalPeriodS() - 1e-9) {
        sinceReversal = 0;
        side = side.opposite();
      }
    }
    FurnaceState next =
        new FurnaceState(
            state.timeS() + dtSeconds,
            y[CROWN],
            y[MELT_TOP],
            y[MELT_BOTTOM],
            y[REGEN_LEFT],
            y[REGEN_RIGHT],
            side,
            sinceReversal,
            y[GOB],
            y[LEVEL],
            y[GAS_INTEGRAL],
            state.outputs());
    return withOutputs(next, drive);
  }

  /** {@code state} with its outputs recomputed, e.g. after its dynamic variables were corrected. */
  public FurnaceState refresh(FurnaceState state, Setpoints setpoints, Disturbances disturbances) {
    return withOutputs(state, new Drive(p, setpoints, disturbances));
  }

  /** The heat flows of {@code state} under the given inputs (DOMAIN.md §2). */
  public HeatBalance heatBalance(
      FurnaceState state, Setpoints setpoints, Disturbances disturbances) {
    Drive drive = new Drive(p, setpoints, disturbances);
    Flows f = new Flows(p, drive, toVector(state), firing(state), state.firingSide());
    double fuelW = f.gasNm3PerS * p.gasLhvMjPerNm3() * MEGA;
    return new HeatBalance(
        fuelW / MEGA,
        drive.boostW / MEGA,
        f.glassW / MEGA,
        f.waterW / MEGA,
        f.flueCapacityWPerK * (f.flueExitC - p.ambientC()) / MEGA,
        fuelW * (1 - drive.burnerEfficiency) / MEGA,
        f.crownLossW / MEGA,
        f.bottomLossW / MEGA,
        (f.regenLeftLossW + f.regenRightLossW) / MEGA);
  }

  private boolean firing(FurnaceState state) {
    return state.secondsSinceReversal() >= p.reversalPauseS();
  }

  private FurnaceState withOutputs(FurnaceState s, Drive drive) {
    double[] y = toVector(s);
    boolean firing = firing(s);
    Flows f = new Flows(p, drive, y, firing, s.firingSide());
    double gasNm3h = f.gasNm3PerS * SECONDS_PER_HOUR;
    double airNm3h = f.airNm3PerS * SECONDS_PER_HOUR;
    double o2 = firing ? drive.excessO2Pct : O2_IN_AIR_PCT;
    double co =
        p.coBasePpm()
            + (firing
                ? p.coLowO2Ppm() * Math.exp(-o2 / p.coO2ScalePct())
                    + p.coBurnerPpm() * (1 - drive.burnerEfficiency)
                : 0);
    double pressure =
        p.pressureNominalPa()
            + p.pressureFlowGainPa() * ((gasNm3h + airNm3h) / p.nominalFlueNm3h() - 1);
    double throat = f.throatC;
    double gob = y[GOB];
    List<Double> forehearth = new ArrayList<>();
    int zones = FurnaceTags.FOREHEARTH_ZONES;
    for (int z = 1; z <= zones; z++) {
      forehearth.add(throat - (throat - gob) * z / (zones + 0.5));
    }
    double coolingRate = drive.lehrCoolingRateCPerMin;
    List<Double> lehr = new ArrayList<>();
    double annealEnd = p.lehrSoakC() - coolingRate * p.lehrAnnealZoneMinutes();
    lehr.add(p.lehrSoakC());
    lehr.add(annealEnd);
    int fastZones = FurnaceTags.LEHR_ZONES - 2;
    for (int z = 1; z <= fastZones; z++) {
      lehr.add(annealEnd + (p.lehrExitC() - annealEnd) * z / fastZones);
    }
    double stress =
        p.annealing().residualSurfaceStressMPa(coolingRate / 60, p.wallThicknessMm())
            + p.annealing().restrainedStressMPa(drive.lehrUnevennessK);
    double energyPerTonne =
        drive.pullKgPerS > 0
            ? (f.gasNm3PerS * p.gasLhvMjPerNm3() * MEGA + drive.boostW) / drive.pullKgPerS / MEGA
            : Double.NaN;
    FurnaceOutputs out =
        new FurnaceOutputs(
            y[CROWN],
            y[MELT_TOP],
            y[MELT_BOTTOM],
            throat,
            y[REGEN_LEFT],
            y[REGEN_RIGHT],
            f.preheatC,
            f.flueExitC,
            gasNm3h,
            airNm3h,
            o2,
            co,
            pressure,
            y[LEVEL],
            drive.boostW / MEGA,
            f.wetBatchKgPerS * SECONDS_PER_HOUR / KILO,
            drive.culletFraction * 100,
            drive.pullTpd,
            forehearth,
            gob,
            lehr,
            coolingRate,
            viscosity(y[MELT_TOP]),
            viscosity(throat),
            viscosity(gob),
            energyPerTonne,
            drive.pullKgPerS > 0
                ? p.tankGlassMassT() * KILO / drive.pullKgPerS / SECONDS_PER_HOUR
                : Double.POSITIVE_INFINITY,
            stress,
            firing);
    return s.withOutputs(out);
  }

  private double viscosity(double temperatureC) {
    return temperatureC > p.glass().t0C() ? p.glass().viscosityPaS(temperatureC) : Double.NaN;
  }

  private void derivative(double[] y, boolean firing, FiringSide side, Drive d, double[] dy) {
    Flows f = new Flows(p, d, y, firing, side);
    double crownIn = f.heatReleaseW + f.airSensibleW;
    double crownOut = f.flueCapacityWPerK * (y[CROWN] - p.ambientC()) + f.radiationW + f.crownLossW;
    dy[CROWN] = (crownIn - crownOut) / (p.crownCapacityMjPerK() * MEGA);
    double meltOut = f.glassFormedW + f.waterW + f.topToBottomW;
    dy[MELT_TOP] = (f.radiationW + d.boostW - meltOut) / (p.meltTopCapacityMjPerK() * MEGA);
    dy[MELT_BOTTOM] =
        (f.topToBottomW + f.glassCoolingW - f.bottomLossW) / (p.meltBottomCapacityMjPerK() * MEGA);
    double receiving = f.flueCapacityWPerK * (y[CROWN] - f.flueExitC);
    double regenCapacity = p.regeneratorCapacityMjPerK() * MEGA;
    double left = side == FiringSide.LEFT ? -f.airSensibleW : receiving;
    double right = side == FiringSide.RIGHT ? -f.airSensibleW : receiving;
    dy[REGEN_LEFT] = (left - f.regenLeftLossW) / regenCapacity;
    dy[REGEN_RIGHT] = (right - f.regenRightLossW) / regenCapacity;
    dy[GOB] = (f.throatC - f.forehearthDropK - y[GOB]) / p.forehearthTimeConstantS();
    dy[GAS_INTEGRAL] =
        f.integrating ? p.crownGainNm3hPerK() / p.crownIntegralTimeS() * f.crownError : 0;
    dy[LEVEL] =
        (f.glassInKgPerS - d.pullKgPerS) / (p.glassDensityKgPerM3() * p.meltAreaM2()) * KILO;
  }

  private static void stage(double[] y, double[] k, double h, double[] out) {
    for (int i = 0; i < SIZE; i++) {
      out[i] = y[i] + h * k[i];
    }
  }

  private static double[] toVector(FurnaceState s) {
    double[] y = new double[SIZE];
    y[CROWN] = s.crownC();
    y[MELT_TOP] = s.meltTopC();
    y[MELT_BOTTOM] = s.meltBottomC();
    y[REGEN_LEFT] = s.regeneratorLeftC();
    y[REGEN_RIGHT] = s.regeneratorRightC();
    y[GOB] = s.gobC();
    y[GAS_INTEGRAL] = s.gasIntegralNm3h();
    y[LEVEL] = s.glassLevelMm();
    return y;
  }

  private static FurnaceOutputs placeholderOutputs() {
    return new FurnaceOutputs(
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, List.of(), 0, 0, 0, 0,
        0, 0, 0, false);
  }

  /** Inputs of one step, resolved once: setpoints and disturbances in SI units. */
  private static final class Drive {
    final double crownSetpointC;
    final double excessO2Pct;
    final double airPerGas;
    final double boostW;
    final double pullTpd;
    final double pullKgPerS;
    final double culletFraction;
    final double chargerYield;
    final double actualYield;
    final double batchEnthalpyJPerKg;
    final double burnerEfficiency;
    final double batchMoisture;
    final double lossFactor;
    final double gobSetpointC;
    final double lehrCoolingRateCPerMin;
    final double lehrUnevennessK;

    Drive(FurnaceParameters p, Setpoints s, Disturbances d) {
      crownSetpointC = s.crownTemperatureC();
      excessO2Pct = Math.max(0, Math.min(s.excessO2Pct(), O2_IN_AIR_PCT - 1));
      double excessAir = excessO2Pct / (O2_IN_AIR_PCT - excessO2Pct);
      airPerGas = p.stoichiometricAirRatio() * (1 + excessAir);
      boostW = Math.max(0, s.electricBoostMw()) * MEGA;
      pullTpd = Math.max(0, s.pullRateTpd());
      pullKgPerS = pullTpd * KILO / SECONDS_PER_DAY;
      double culletSetpoint = clamp01(s.culletFractionPct() / 100);
      culletFraction = clamp01((s.culletFractionPct() + d.culletOffsetPct()) / 100);
      chargerYield = culletSetpoint + (1 - culletSetpoint) * p.rawBatchYield();
      actualYield = culletFraction + (1 - culletFraction) * p.rawBatchYield();
      batchEnthalpyJPerKg =
          p.batchEnthalpyGjPerT() * MEGA * (1 - p.culletEnthalpySaving() * culletFraction);
      burnerEfficiency = d.burnerEfficiency();
      batchMoisture = d.batchMoisture();
      lossFactor = 1 + p.refractoryWearLossGain() * d.refractoryWear();
      gobSetpointC = s.gobTemperatureC();
      lehrCoolingRateCPerMin = Math.max(0, s.lehrCoolingRateCPerMin()) * d.lehrCoolingFactor();
      lehrUnevennessK = d.lehrUnevennessK();
    }

    private static double clamp01(double v) {
      return Math.max(0, Math.min(1, v));
    }
  }

  /** The heat and mass flows at one point of the state space: one source for ODE and outputs. */
  private static final class Flows {
    final double crownError;
    final boolean integrating;
    final double gasNm3PerS;
    final double airNm3PerS;
    final double flueCapacityWPerK;
    final double preheatC;
    final double flueExitC;
    final double heatReleaseW;
    final double airSensibleW;
    final double radiationW;
    final double crownLossW;
    final double topToBottomW;
    final double glassCoolingW;
    final double bottomLossW;
    final double regenLeftLossW;
    final double regenRightLossW;
    final double glassInKgPerS;
    final double wetBatchKgPerS;
    final double glassFormedW;
    final double glassW;
    final double waterW;
    final double throatC;
    final double forehearthDropK;

    Flows(FurnaceParameters p, Drive d, double[] y, boolean firing, FiringSide side) {
      double ambient = p.ambientC();
      crownError = d.crownSetpointC - y[CROWN];
      double demandNm3h = p.crownGainNm3hPerK() * crownError + y[GAS_INTEGRAL];
      double gasNm3h = Math.max(p.gasMinNm3h(), Math.min(p.gasMaxNm3h(), demandNm3h));
      boolean saturatedHigh = demandNm3h >= p.gasMaxNm3h() && crownError > 0;
      boolean saturatedLow = demandNm3h <= p.gasMinNm3h() && crownError < 0;
      integrating = firing && !saturatedHigh && !saturatedLow;
      gasNm3PerS = firing ? gasNm3h / SECONDS_PER_HOUR : 0;
      airNm3PerS = gasNm3PerS * d.airPerGas;
      flueCapacityWPerK = (gasNm3PerS + airNm3PerS) * p.flueCpKjPerNm3K() * KILO;
      double firingTop = side == FiringSide.LEFT ? y[REGEN_LEFT] : y[REGEN_RIGHT];
      double receivingTop = side == FiringSide.LEFT ? y[REGEN_RIGHT] : y[REGEN_LEFT];
      preheatC = ambient + p.preheatRatio() * (firingTop - ambient);
      flueExitC = ambient + p.flueExitRatio() * (receivingTop - ambient);
      heatReleaseW = gasNm3PerS * p.gasLhvMjPerNm3() * MEGA * d.burnerEfficiency;
      airSensibleW = airNm3PerS * p.airCpKjPerNm3K() * KILO * (preheatC - ambient);
      double crownK = y[CROWN] + KELVIN;
      double meltK = y[MELT_TOP] + KELVIN;
      radiationW =
          STEFAN_BOLTZMANN
              * p.radiationAreaM2()
              * (crownK * crownK * crownK * crownK - meltK * meltK * meltK * meltK);
      crownLossW = p.crownLossKwPerK() * KILO * d.lossFactor * (y[CROWN] - ambient);
      topToBottomW = p.meltTopToBottomKwPerK() * KILO * (y[MELT_TOP] - y[MELT_BOTTOM]);
      double cp = p.glassCpKjPerKgK() * KILO;
      glassCoolingW = d.pullKgPerS * cp * (y[MELT_TOP] - y[MELT_BOTTOM]);
      bottomLossW = p.bottomLossKwPerK() * KILO * d.lossFactor * (y[MELT_BOTTOM] - ambient);
      double regenLoss = p.regeneratorLossKwPerK() * KILO;
      regenLeftLossW = regenLoss * (y[REGEN_LEFT] - ambient);
      regenRightLossW = regenLoss * (y[REGEN_RIGHT] - ambient);
      double glassCommand = Math.max(0, d.pullKgPerS - p.levelGainKgPerSPerMm() * y[LEVEL]);
      wetBatchKgPerS = glassCommand / d.chargerYield / (1 - p.baseBatchMoisture());
      double water = wetBatchKgPerS * (p.baseBatchMoisture() + d.batchMoisture);
      glassInKgPerS = Math.max(0, wetBatchKgPerS - water) * d.actualYield;
      glassFormedW =
          glassInKgPerS * (d.batchEnthalpyJPerKg + cp * (y[MELT_TOP] - p.batchReferenceC()));
      glassW = glassFormedW - glassCoolingW;
      waterW = water * p.waterEnthalpyMjPerKg() * MEGA;
      double pullCapacity = d.pullKgPerS * cp;
      throatC =
          pullCapacity > 0
              ? ambient
                  + (y[MELT_BOTTOM] - ambient)
                      * Math.exp(-p.throatLossKwPerK() * KILO / pullCapacity)
              : ambient;
      double cooling =
          (throatC - d.gobSetpointC - p.forehearthBaseDropK()) / p.forehearthAuthorityK();
      forehearthDropK =
          p.forehearthBaseDropK() + p.forehearthAuthorityK() * Math.max(0, Math.min(1, cooling));
    }
  }
}
