package io.vitrum.core.rl;

import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;

/**
 * The RL environment: the twin's furnace process and defect model, a control interval of {@value
 * #INTERVAL_S} s, the safety shield and the reward. An action is one number per {@link
 * ControlledSetpoints} parameter, in units of that parameter's shield step: the request is the
 * current setpoint plus {@code action × maxStep}, and what is applied is what the shield makes of
 * it. Each interval's reward is scored against the same furnace run beside it under the same
 * disturbances by the base controllers alone, holding the scenario's starting setpoints (a
 * counterfactual that no action can change, so it leaves the best policy as it is and takes the
 * disturbances' own swings out of the reward). Immutable and thread-safe; each {@link Episode} is a
 * single-threaded simulation.
 */
public final class FurnaceEnvironment {
  /** Length of one control interval, s. */
  public static final double INTERVAL_S = 900;

  /** Samples averaged per interval (KPIs are means over the interval, not end values). */
  static final int SAMPLES_PER_INTERVAL = 5;

  private final FurnaceProcess process;
  private final DefectModel defects;
  private final SafetyShield shield;
  private final RewardWeights weights;
  private final int intervalsPerEpisode;

  public FurnaceEnvironment(
      FurnaceProcess process,
      DefectModel defects,
      SafetyShield shield,
      RewardWeights weights,
      int intervalsPerEpisode) {
    if (intervalsPerEpisode < 1) {
      throw new IllegalArgumentException("an episode has at least one interval");
    }
    this.process = process;
    this.defects = defects;
    this.shield = shield;
    this.weights = weights;
    this.intervalsPerEpisode = intervalsPerEpisode;
  }

  /** The container furnace of the simulator with the default shield and weights, 24 h episodes. */
  public static FurnaceEnvironment containerDefaults() {
    return new FurnaceEnvironment(
        new FurnaceProcess(FurnaceParameters.container300Tpd()),
        DefectModel.containerDefaults(),
        SafetyShield.containerDefaults(),
        RewardWeights.DEFAULTS,
        96);
  }

  public SafetyShield shield() {
    return shield;
  }

  public RewardWeights weights() {
    return weights;
  }

  public int intervalsPerEpisode() {
    return intervalsPerEpisode;
  }

  /** The settled line {@code scenario} starts from (costly: days of simulated time). */
  public FurnaceState startState(EpisodeScenario scenario) {
    return process.steadyState(scenario.start(), scenario.course().at(0));
  }

  /** A new episode of {@code scenario} from {@code start} (see {@link #startState}). */
  public Episode episode(EpisodeScenario scenario, FurnaceState start) {
    return new Episode(scenario, start);
  }

  /** One run through a scenario. Not thread-safe. */
  public final class Episode {
    private final EpisodeScenario scenario;
    private FurnaceState state;
    private FurnaceState baseline;
    private Setpoints setpoints;
    private int interval;
    private int interventions;
    private int violations;
    private final KpiAverage whole = new KpiAverage();

    private Episode(EpisodeScenario scenario, FurnaceState start) {
      this.scenario = scenario;
      this.state = start;
      this.baseline = start;
      this.setpoints = scenario.start();
    }

    /** What the policy sees now. */
    public double[] observation() {
      return Observation.of(state.outputs(), setpoints, disturbances());
    }

    /** Whether every interval has run. */
    public boolean done() {
      return interval >= intervalsPerEpisode;
    }

    /** Runs one interval with {@code action} passed through the shield. */
    public Step act(double[] action) {
      Shielded safe = shield.project(setpoints, shield.targets(setpoints, action));
      return run(safe.setpoints(), safe.interventions());
    }

    /** Runs one interval holding the setpoints (the base controllers alone). */
    public Step hold() {
      return run(setpoints, 0);
    }

    /** The setpoints in force. */
    public Setpoints setpoints() {
      return setpoints;
    }

    /** Shield interventions so far. */
    public int interventions() {
      return interventions;
    }

    /**
     * Applied setpoints that broke the shield's rules so far (zero unless the shield is bypassed).
     */
    public int violations() {
      return violations;
    }

    /** The KPIs averaged over every interval run so far. */
    public IntervalKpis kpis() {
      return whole.mean();
    }

    public EpisodeScenario scenario() {
      return scenario;
    }

    private Step run(Setpoints applied, int shieldInterventions) {
      if (done()) {
        throw new IllegalStateException("the episode is over");
      }
      violations += shield.violations(setpoints, applied).size();
      interventions += shieldInterventions;
      setpoints = applied;
      KpiAverage average = new KpiAverage();
      KpiAverage counterfactual = new KpiAverage();
      double dt = INTERVAL_S / SAMPLES_PER_INTERVAL;
      for (int i = 0; i < SAMPLES_PER_INTERVAL; i++) {
        Disturbances d = scenario.course().at(state.timeS() + dt);
        state = process.step(state, setpoints, d, dt);
        average.add(state.outputs(), defects.rates(state.outputs(), d));
        baseline = process.step(baseline, scenario.start(), d, dt);
        counterfactual.add(baseline.outputs(), defects.rates(baseline.outputs(), d));
      }
      IntervalKpis kpis = average.mean();
      whole.add(kpis);
      interval++;
      double reward = weights.reward(kpis, counterfactual.mean(), shieldInterventions);
      return new Step(reward, kpis, shieldInterventions, done());
    }

    private Disturbances disturbances() {
      return scenario.course().at(state.timeS());
    }
  }

  /**
   * What one interval gave.
   *
   * @param reward its reward
   * @param kpis its mean KPIs
   * @param interventions values the shield changed in its request
   * @param done whether the episode is over
   */
  public record Step(double reward, IntervalKpis kpis, int interventions, boolean done) {}
}
