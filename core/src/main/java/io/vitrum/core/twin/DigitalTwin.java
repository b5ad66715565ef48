package io.vitrum.core.twin;

import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * The digital twin of one furnace line: keeps a {@link TwinState} in step with the plant ({@link
 * #sync}), forecasts it ({@link #simulate}), compares setpoint scenarios ({@link #whatIf}) and runs
 * candidate setpoints in shadow beside the real line ({@link #shadowStep}). Stateless and
 * thread-safe: every method takes a state and returns a new one or a result, deterministically, so
 * an event-sourced entity can hold the state and run the computation elsewhere.
 */
public final class DigitalTwin {
  private final FurnaceProcess process;
  private final DefectModel defects;
  private final SimulationSettings settings;
  private final StateObserver observer;
  private final FurnaceState nominalSteadyState;

  public DigitalTwin(
      FurnaceParameters parameters, DefectModel defects, SimulationSettings settings) {
    if (parameters == null || defects == null || settings == null) {
      throw new IllegalArgumentException("parameters, defects and settings are required");
    }
    this.process = new FurnaceProcess(parameters);
    this.defects = defects;
    this.settings = settings;
    this.observer = new StateObserver(process, settings.gains());
    this.nominalSteadyState = process.steadyState(Setpoints.nominal(), Disturbances.NONE);
  }

  /** A twin of the 300 t/day container furnace with default defect model and settings. */
  public static DigitalTwin containerDefaults() {
    return container(SimulationSettings.defaults());
  }

  /** A twin of the 300 t/day container furnace with default defect model and these settings. */
  public static DigitalTwin container(SimulationSettings settings) {
    return new DigitalTwin(
        FurnaceParameters.container300Tpd(), DefectModel.containerDefaults(), settings);
  }

  public SimulationSettings settings() {
    return settings;
  }

  /**
   * A twin of {@code furnaceId} settled under the nominal setpoints with no fault, before any sync.
   * The steady state is settled once, when this twin is built, so starting an entity is cheap.
   */
  public TwinState start(String furnaceId) {
    return new TwinState(
        furnaceId, nominalSteadyState, Setpoints.nominal(), Disturbances.NONE, 0, Map.of());
  }

  /** A twin of {@code furnaceId} settled under {@code setpoints} with no fault, before any sync. */
  public TwinState start(String furnaceId, Setpoints setpoints) {
    return new TwinState(
        furnaceId,
        process.steadyState(setpoints, Disturbances.NONE),
        setpoints,
        Disturbances.NONE,
        0,
        Map.of());
  }

  /**
   * The twin {@code dtSeconds} later under {@code setpoints}, corrected with {@code readings} keyed
   * by tag id (see {@link StateObserver}).
   */
  public TwinState sync(
      TwinState state, Setpoints setpoints, Map<String, Double> readings, double dtSeconds) {
    return observer.sync(state, setpoints, readings, dtSeconds);
  }

  /**
   * The course of the line from the synced state over {@code horizonS} seconds with the setpoints
   * in force and the estimated disturbances.
   *
   * @throws IllegalArgumentException if the horizon is not positive or beyond the maximum
   */
  public Trajectory simulate(TwinState state, double horizonS) {
    checkHorizon(horizonS)
        .ifPresent(
            r -> {
              throw new IllegalArgumentException(r.reason());
            });
    return run(state, state.setpoints(), horizonS);
  }

  /**
   * Simulates the setpoints in force (baseline) and with {@code changes} applied (scenario) from
   * the same synced state over {@code horizonS} seconds, or says why the changes are refused.
   */
  public WhatIfOutcome whatIf(TwinState state, List<SetpointChange> changes, double horizonS) {
    Optional<Rejection> rejection =
        checkHorizon(horizonS).or(() -> SetpointChange.validate(state.setpoints(), changes));
    if (rejection.isPresent()) {
      return new WhatIfOutcome.Rejected(rejection.get());
    }
    Setpoints scenarioSetpoints = SetpointChange.apply(state.setpoints(), changes);
    Trajectory baseline = run(state, state.setpoints(), horizonS);
    Trajectory scenario = run(state, scenarioSetpoints, horizonS);
    return new WhatIfOutcome.Completed(
        changes,
        state.setpoints(),
        scenarioSetpoints,
        horizonS,
        baseline,
        scenario,
        scenario.summary().minus(baseline.summary()));
  }

  /**
   * Starts a shadow run of {@code candidate} from the synced state.
   *
   * @throws IllegalArgumentException if the candidate fails {@link SetpointChange#validate}
   */
  public ShadowRun startShadow(TwinState state, List<SetpointChange> candidate) {
    SetpointChange.validate(state.setpoints(), candidate)
        .ifPresent(
            r -> {
              throw new IllegalArgumentException(r.code() + ": " + r.reason());
            });
    return new ShadowRun(candidate, state.furnace(), 0, 0, Map.of(), Map.of());
  }

  /**
   * Advances the shadow line by {@code dtSeconds} alongside the real line, whose twin has just been
   * synced to {@code synced}, and accumulates the differences of their figures.
   */
  public ShadowRun shadowStep(ShadowRun run, TwinState synced, double dtSeconds) {
    FurnaceOutputs actual = synced.furnace().outputs();
    Setpoints applied =
        synced
            .setpoints()
            .with(SetpointParameter.PULL_RATE, actual.pullRateTpd())
            .with(SetpointParameter.ELECTRIC_BOOST, actual.boostMw());
    Setpoints candidate = SetpointChange.apply(applied, run.candidate());
    FurnaceState virtual = process.step(run.virtual(), candidate, synced.disturbances(), dtSeconds);
    virtual =
        process.refresh(
            virtual.withFiringCycle(
                synced.furnace().firingSide(), synced.furnace().secondsSinceReversal()),
            candidate,
            synced.disturbances());
    Map<String, Double> real = kpis(actual, synced.disturbances()).toMap();
    Map<String, Double> shadow = kpis(virtual.outputs(), synced.disturbances()).toMap();
    Map<String, Double> sum = new LinkedHashMap<>(run.sumDifference());
    Map<String, Double> squares = new LinkedHashMap<>(run.sumSquaredDifference());
    for (Map.Entry<String, Double> e : shadow.entrySet()) {
      double d = e.getValue() - real.get(e.getKey());
      if (Double.isFinite(d)) {
        sum.merge(e.getKey(), d, Double::sum);
        squares.merge(e.getKey(), d * d, Double::sum);
      }
    }
    return new ShadowRun(
        run.candidate(), virtual, run.elapsedS() + dtSeconds, run.samples() + 1, sum, squares);
  }

  /** The divergence and figure differences of {@code run} so far. */
  public ShadowReport shadowReport(ShadowRun run) {
    Map<String, Double> rms = new LinkedHashMap<>();
    Map<String, Double> mean = new LinkedHashMap<>();
    long n = Math.max(1, run.samples());
    run.sumSquaredDifference().forEach((k, v) -> rms.put(k, Math.sqrt(v / n)));
    run.sumDifference().forEach((k, v) -> mean.put(k, v / n));
    return new ShadowReport(run.candidate(), run.elapsedS(), run.samples(), rms, mean);
  }

  /**
   * The line's outputs every {@code sampleS} seconds over {@code horizonS} seconds from {@code
   * state}, under the setpoints in force and the disturbances {@code disturbancesAt} gives for each
   * instant (seconds since the start): how the line would have run had a given fault acted, which
   * root-cause analysis compares with what the plant showed. The first sample is the start.
   *
   * @throws IllegalArgumentException if the horizon is not positive or beyond the maximum, or the
   *     sample interval is not positive
   */
  public List<FurnaceOutputs> course(
      TwinState state,
      double horizonS,
      double sampleS,
      DoubleFunction<Disturbances> disturbancesAt) {
    checkHorizon(horizonS)
        .ifPresent(
            r -> {
              throw new IllegalArgumentException(r.reason());
            });
    if (!(sampleS > 0)) {
      throw new IllegalArgumentException("the sample interval must be positive");
    }
    double step = Math.min(settings.simulationStepS(), sampleS);
    Setpoints setpoints = state.setpoints();
    FurnaceState s = process.refresh(state.furnace(), setpoints, disturbancesAt.apply(0));
    List<FurnaceOutputs> out = new ArrayList<>();
    out.add(s.outputs());
    double elapsed = 0;
    double nextSample = sampleS;
    while (elapsed < horizonS - 1e-9) {
      double dt = Math.min(step, horizonS - elapsed);
      s = process.step(s, setpoints, disturbancesAt.apply(elapsed), dt);
      elapsed += dt;
      if (elapsed >= nextSample - 1e-9) {
        out.add(s.outputs());
        nextSample += sampleS;
      }
    }
    return out;
  }

  private Optional<Rejection> checkHorizon(double horizonS) {
    if (!(horizonS > 0) || !(horizonS <= settings.maxHorizonS())) {
      return Optional.of(
          Rejection.of(
              RejectionCode.HORIZON_INVALID,
              "horizon " + horizonS + " s must be positive and at most " + settings.maxHorizonS()));
    }
    return Optional.empty();
  }

  private Trajectory run(TwinState state, Setpoints setpoints, double horizonS) {
    double step = settings.simulationStepS();
    int steps = (int) Math.ceil(horizonS / step - 1e-9);
    int stepsPerSample =
        Math.max(
            Math.max(1, (int) Math.round(settings.sampleEveryS() / step)),
            (int) Math.ceil((double) steps / settings.maxPoints()));
    int windowSteps = Math.max(1, (int) Math.round(settings.summaryWindowS() / step));
    Disturbances disturbances = state.disturbances();
    FurnaceState s = process.refresh(state.furnace(), setpoints, disturbances);
    List<TrajectoryPoint> points = new ArrayList<>();
    List<Kpis> window = new ArrayList<>();
    Kpis now = kpis(s.outputs(), disturbances);
    points.add(new TrajectoryPoint(0, now));
    for (int i = 1; i <= steps; i++) {
      double dt = Math.min(step, horizonS - (i - 1) * step);
      s = process.step(s, setpoints, disturbances, dt);
      now = kpis(s.outputs(), disturbances);
      if (i % stepsPerSample == 0 || i == steps) {
        points.add(new TrajectoryPoint(s.timeS() - state.furnace().timeS(), now));
      }
      if (i > steps - windowSteps) {
        window.add(now);
      }
    }
    return new Trajectory(stepsPerSample * step, points, Kpis.mean(window));
  }

  private Kpis kpis(FurnaceOutputs outputs, Disturbances disturbances) {
    return Kpis.of(outputs, defects.rates(outputs, disturbances));
  }
}
