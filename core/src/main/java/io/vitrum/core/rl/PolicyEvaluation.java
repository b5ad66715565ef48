package io.vitrum.core.rl;

import io.vitrum.core.physics.DefectClass;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a policy and the plant's base controllers through the same held-out scenarios (seeds from
 * {@link #HELD_OUT_SEED} up, which training never draws) and compares them: energy and gas per
 * tonne, defects per class, shield interventions and bound violations. The baselines are the base
 * controllers holding the scenario's starting setpoints (what the plant does without Vitrum) and
 * holding the design recipe ({@link Setpoints#nominal()}).
 */
public final class PolicyEvaluation {
  /** Held-out scenarios use seeds from here; training seeds stay below it. */
  public static final long HELD_OUT_SEED = 1_000_000_000L;

  private final FurnaceEnvironment env;
  private final List<EpisodeScenario> scenarios = new ArrayList<>();
  private final List<FurnaceState> starts = new ArrayList<>();

  /** Prepares {@code count} held-out scenarios (their settled start states are computed here). */
  public PolicyEvaluation(FurnaceEnvironment env, int count) {
    this.env = env;
    double duration = env.intervalsPerEpisode() * FurnaceEnvironment.INTERVAL_S;
    for (int i = 0; i < count; i++) {
      EpisodeScenario s = EpisodeScenario.random(HELD_OUT_SEED + i, duration);
      scenarios.add(s);
      starts.add(env.startState(s));
    }
  }

  /** {@code policy} against the baselines. */
  public EvaluationReport evaluate(PolicyFunction policy) {
    double[] reward = new double[1];
    ControllerResult learned = run("policy", policy, false, reward);
    ControllerResult fixed = run("fixed-setpoints", null, false, new double[1]);
    ControllerResult recipe = run("nominal-recipe", null, true, new double[1]);
    double saving = 100 * (1 - learned.energyPerTonneGj() / fixed.energyPerTonneGj());
    double gasSaving = 100 * (1 - learned.gasPerTonneNm3() / fixed.gasPerTonneNm3());
    double defectRatio = learned.totalDefectsPerThousand() / fixed.totalDefectsPerThousand();
    boolean met =
        saving >= EvaluationReport.GOAL_SAVING_PCT
            && defectRatio <= 1
            && learned.boundViolations() == 0;
    return new EvaluationReport(
        scenarios.size(),
        env.intervalsPerEpisode() * FurnaceEnvironment.INTERVAL_S / 3600,
        learned,
        reward[0],
        List.of(fixed, recipe),
        saving,
        gasSaving,
        defectRatio,
        met,
        scenarios.stream().map(EpisodeScenario::name).toList());
  }

  /** Runs one controller; its mean reward per interval goes to {@code meanReward[0]}. */
  private ControllerResult run(
      String name, PolicyFunction policy, boolean recipe, double[] meanReward) {
    KpiAverage kpis = new KpiAverage();
    double reward = 0;
    long steps = 0;
    long interventions = 0;
    long violations = 0;
    for (int i = 0; i < scenarios.size(); i++) {
      EpisodeScenario s = scenarios.get(i);
      if (recipe) {
        s = new EpisodeScenario(s.name(), s.seed(), recipeOf(s.start()), s.course());
      }
      FurnaceEnvironment.Episode episode = env.episode(s, starts.get(i));
      while (!episode.done()) {
        FurnaceEnvironment.Step step =
            policy == null ? episode.hold() : episode.act(policy.act(episode.observation()));
        reward += step.reward();
        steps++;
      }
      kpis.add(episode.kpis());
      interventions += episode.interventions();
      violations += episode.violations();
    }
    meanReward[0] = reward / steps;
    IntervalKpis mean = kpis.mean();
    Map<String, Double> byClass = new LinkedHashMap<>();
    for (DefectClass c : DefectClass.values()) {
      byClass.put(c.name().toLowerCase(Locale.ROOT), mean.defects(c));
    }
    return new ControllerResult(
        name,
        mean.energyPerTonneGj(),
        mean.gasPerTonneNm3(),
        byClass,
        mean.totalDefectsPerThousand(),
        interventions,
        violations);
  }

  private static Setpoints recipeOf(Setpoints start) {
    Setpoints out = start;
    for (SetpointParameter p : ControlledSetpoints.PARAMETERS) {
      out = out.with(p, p.nominal());
    }
    return out;
  }
}
