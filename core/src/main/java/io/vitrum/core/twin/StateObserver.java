package io.vitrum.core.twin;

import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FiringSide;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a twin in step with its plant: a Luenberger-style observer on the lumped furnace model.
 * Each sync predicts with {@link FurnaceProcess} under the setpoints and the estimated
 * disturbances, then moves every measured state part of the way toward what the plant shows (see
 * {@link ObserverGains}); unmeasured states follow through the model's coupling (the melt top
 * shifts with the bottom correction). Two slow parameters absorb persistent mismatch: the burner
 * efficiency, from the ratio of predicted to measured gas flow while both fire, and the cullet
 * swing, from measured minus set cullet. When the efficiency estimate moves, the model's gas
 * controller is rescaled so the heat it releases stays the same: the estimate then sees its own
 * effect at once instead of through the slow crown loop, which would make it oscillate. The firing
 * cycle follows the plant's reversals, seen as the gas flow stopping and restarting. Pull and boost
 * as measured replace their setpoints in the prediction, because they are inputs the plant actually
 * applied.
 */
public final class StateObserver {
  private static final double LOWEST_BURNER_EFFICIENCY = 0.5;

  private final FurnaceProcess process;
  private final ObserverGains gains;

  public StateObserver(FurnaceProcess process, ObserverGains gains) {
    if (process == null || gains == null) {
      throw new IllegalArgumentException("process and gains are required");
    }
    this.process = process;
    this.gains = gains;
  }

  /**
   * The twin {@code dtSeconds} later, predicted under {@code setpoints} and corrected with {@code
   * readings} (keyed by tag id; missing and non-finite readings are ignored).
   */
  public TwinState sync(
      TwinState state, Setpoints setpoints, Map<String, Double> readings, double dtSeconds) {
    Observation obs = Observation.from(state.furnaceId(), readings);
    Setpoints applied = appliedInputs(setpoints, obs);
    Disturbances prior = state.disturbances();
    FurnaceState predicted = process.step(state.furnace(), applied, prior, dtSeconds);
    predicted = process.refresh(followReversal(predicted, obs), applied, prior);

    Map<String, Double> innovations = new LinkedHashMap<>();
    double crown = predicted.crownC();
    double crownError = innovation(innovations, "crownC", obs.crownC(), crown);
    crown += fraction(gains.crownTimeConstantS(), dtSeconds) * crownError;

    double meltShift = meltCorrection(predicted, obs, innovations, dtSeconds);
    double left = predicted.regeneratorLeftC();
    double right = predicted.regeneratorRightC();
    double regenFraction = fraction(gains.regeneratorTimeConstantS(), dtSeconds);
    left +=
        regenFraction * innovation(innovations, "regeneratorLeftC", obs.regeneratorLeftC(), left);
    right +=
        regenFraction
            * innovation(innovations, "regeneratorRightC", obs.regeneratorRightC(), right);
    double gob = predicted.gobC();
    gob +=
        fraction(gains.gobTimeConstantS(), dtSeconds)
            * innovation(innovations, "gobC", obs.gobC(), gob);
    double level = predicted.glassLevelMm();
    level +=
        fraction(gains.levelTimeConstantS(), dtSeconds)
            * innovation(innovations, "glassLevelMm", obs.glassLevelMm(), level);

    Disturbances posterior =
        estimateParameters(prior, predicted, obs, setpoints, innovations, dtSeconds);
    double heatKept = prior.burnerEfficiency() / posterior.burnerEfficiency();
    FurnaceState corrected =
        predicted
            .withThermal(
                crown,
                predicted.meltTopC() + meltShift,
                predicted.meltBottomC() + meltShift,
                left,
                right,
                gob)
            .withGlassLevelMm(level)
            .withGasIntegralNm3h(predicted.gasIntegralNm3h() * heatKept);
    return new TwinState(
        state.furnaceId(),
        process.refresh(corrected, applied, posterior),
        setpoints,
        posterior,
        state.syncs() + 1,
        innovations);
  }

  /** The setpoints with pull and boost replaced by their measured values, where measured. */
  private static Setpoints appliedInputs(Setpoints setpoints, Observation obs) {
    Setpoints applied = setpoints;
    if (Double.isFinite(obs.pullRateTpd()) && obs.pullRateTpd() > 0) {
      applied = applied.with(SetpointParameter.PULL_RATE, obs.pullRateTpd());
    }
    if (Double.isFinite(obs.boostMw()) && obs.boostMw() >= 0) {
      applied = applied.with(SetpointParameter.ELECTRIC_BOOST, obs.boostMw());
    }
    return applied;
  }

  /**
   * Puts the model into the plant's firing phase when their reversals disagree: the plant stopping
   * gas starts a reversal (the hotter measured regenerator fires next), the plant restarting gas
   * ends the pause.
   */
  private FurnaceState followReversal(FurnaceState s, Observation obs) {
    if (!Double.isFinite(obs.gasFlowNm3h())) {
      return s;
    }
    FurnaceParameters p = process.parameters();
    boolean plantFiring = obs.gasFlowNm3h() > p.gasMinNm3h() / 2;
    boolean modelFiring = s.outputs().firing();
    if (modelFiring && !plantFiring) {
      FiringSide next = s.firingSide().opposite();
      if (Double.isFinite(obs.regeneratorLeftC()) && Double.isFinite(obs.regeneratorRightC())) {
        next =
            obs.regeneratorLeftC() >= obs.regeneratorRightC() ? FiringSide.LEFT : FiringSide.RIGHT;
      }
      return s.withFiringCycle(next, 0);
    }
    if (!modelFiring && plantFiring) {
      return s.withFiringCycle(s.firingSide(), p.reversalPauseS());
    }
    return s;
  }

  /**
   * The shift of both melt layers implied by the bottom thermocouples and the throat (the throat
   * reading is mapped back to a bottom temperature through the model's throat cooling).
   */
  private double meltCorrection(
      FurnaceState predicted, Observation obs, Map<String, Double> innovations, double dt) {
    double bottom = predicted.meltBottomC();
    double sum = 0;
    int n = 0;
    double bottomError = innovation(innovations, "meltBottomC", obs.meltBottomC(), bottom);
    if (Double.isFinite(obs.meltBottomC())) {
      sum += bottomError;
      n++;
    }
    double ambient = process.parameters().ambientC();
    double throat = predicted.outputs().throatC();
    double throatError = innovation(innovations, "throatC", obs.throatC(), throat);
    if (Double.isFinite(obs.throatC()) && bottom - ambient > 0 && throat - ambient > 0) {
      sum += throatError * (bottom - ambient) / (throat - ambient);
      n++;
    }
    return n > 0 ? fraction(gains.meltTimeConstantS(), dt) * sum / n : 0;
  }

  private Disturbances estimateParameters(
      Disturbances prior,
      FurnaceState predicted,
      Observation obs,
      Setpoints setpoints,
      Map<String, Double> innovations,
      double dt) {
    Disturbances out = prior;
    double predictedGas = predicted.outputs().gasFlowNm3h();
    double gasError = innovation(innovations, "gasFlowNm3h", obs.gasFlowNm3h(), predictedGas);
    double minGas = process.parameters().gasMinNm3h();
    if (predictedGas > minGas && obs.gasFlowNm3h() > minGas) {
      double f = fraction(gains.burnerTimeConstantS(), dt);
      double efficiency =
          prior.burnerEfficiency() * Math.exp(f * Math.log(predictedGas / obs.gasFlowNm3h()));
      out = out.withBurnerEfficiency(Math.max(LOWEST_BURNER_EFFICIENCY, Math.min(1, efficiency)));
    }
    if (Double.isFinite(obs.culletFractionPct())) {
      double swing = obs.culletFractionPct() - setpoints.culletFractionPct();
      double f = fraction(gains.culletTimeConstantS(), dt);
      out =
          out.withCulletOffsetPct(prior.culletOffsetPct() + f * (swing - prior.culletOffsetPct()));
    }
    return out;
  }

  private static double innovation(
      Map<String, Double> innovations, String quantity, double measured, double predicted) {
    if (!Double.isFinite(measured)) {
      return 0;
    }
    double e = measured - predicted;
    innovations.put(quantity, e);
    return e;
  }

  private static double fraction(double timeConstantS, double dt) {
    return ObserverGains.fraction(timeConstantS, dt);
  }
}
