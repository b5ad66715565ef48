package io.vitrum.core.rl;

import io.vitrum.core.physics.FurnaceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains a policy with PPO on episodes of the environment. The training scenarios are {@code
 * poolSize} seeds drawn from the settings' seed (never the held-out ones, see {@link
 * PolicyEvaluation#HELD_OUT_SEED}); their settled start states are computed once. Each iteration
 * runs {@link PpoSettings#episodesPerIteration} episodes with the exploring policy, then one
 * update. {@link #train} stops between iterations when asked; {@link #checkpoint} and {@link
 * #resume} carry a run across a stop. Not thread-safe: one thread trains.
 */
public final class PpoTrainer {
  private final FurnaceEnvironment env;
  private final PpoSettings settings;
  private final List<EpisodeScenario> scenarios = new ArrayList<>();
  private final List<FurnaceState> starts = new ArrayList<>();
  private final Ppo ppo;
  private int iteration;
  private long episodes;

  private PpoTrainer(FurnaceEnvironment env, PpoSettings settings, int poolSize, ActorCritic net) {
    this.env = env;
    this.settings = settings;
    double duration = env.intervalsPerEpisode() * FurnaceEnvironment.INTERVAL_S;
    Random seeds = new Random(settings.seed());
    for (int i = 0; i < poolSize; i++) {
      EpisodeScenario s =
          EpisodeScenario.random(
              Math.floorMod(seeds.nextLong(), PolicyEvaluation.HELD_OUT_SEED), duration);
      scenarios.add(s);
      starts.add(env.startState(s));
    }
    this.ppo = new Ppo(settings, net);
  }

  /** A fresh run over {@code poolSize} training scenarios. */
  public static PpoTrainer start(FurnaceEnvironment env, PpoSettings settings, int poolSize) {
    ActorCritic net =
        ActorCritic.create(
            Observation.SIZE,
            ControlledSetpoints.SIZE,
            settings.hidden(),
            settings.initialLogStd(),
            new Random(settings.seed()));
    return new PpoTrainer(env, settings, poolSize, net);
  }

  /** A run continued from {@code checkpoint}, with the same settings and pool as before. */
  public static PpoTrainer resume(
      FurnaceEnvironment env, PpoSettings settings, int poolSize, PolicyCheckpoint checkpoint) {
    Mlp actor =
        new Mlp(Observation.SIZE, settings.hidden(), settings.hidden(), ControlledSetpoints.SIZE);
    Mlp critic = new Mlp(Observation.SIZE, settings.hidden(), settings.hidden(), 1);
    ActorCritic net =
        new ActorCritic(actor, critic, checkpoint.policy().clone(), checkpoint.value().clone());
    PpoTrainer trainer = new PpoTrainer(env, settings, poolSize, net);
    trainer.ppo.policyOptimiser().restore(checkpoint.policyOptimiser());
    trainer.ppo.valueOptimiser().restore(checkpoint.valueOptimiser());
    trainer.iteration = checkpoint.iteration();
    trainer.episodes = checkpoint.episodes();
    return trainer;
  }

  public ActorCritic net() {
    return ppo.net();
  }

  public int iteration() {
    return iteration;
  }

  /** Runs up to {@code iterations} more iterations, checking {@code stop} before each. */
  public void train(int iterations, BooleanSupplier stop, Consumer<TrainingProgress> progress) {
    for (int i = 0; i < iterations && !stop.getAsBoolean(); i++) {
      progress.accept(iterate());
    }
  }

  /** One iteration: collect episodes, update, report. */
  public TrainingProgress iterate() {
    Random rnd = new Random(settings.seed() * 1_000_003L + iteration);
    ActorCritic net = ppo.net();
    List<double[]> obs = new ArrayList<>();
    List<double[]> actions = new ArrayList<>();
    List<Double> logProbs = new ArrayList<>();
    List<Double> advantages = new ArrayList<>();
    List<Double> returns = new ArrayList<>();
    double rewardSum = 0;
    long steps = 0;
    KpiAverage kpis = new KpiAverage();
    long interventions = 0;
    long violations = 0;
    for (int e = 0; e < settings.episodesPerIteration(); e++) {
      int pick = rnd.nextInt(scenarios.size());
      FurnaceEnvironment.Episode episode = env.episode(scenarios.get(pick), starts.get(pick));
      int n = env.intervalsPerEpisode();
      double[] rewards = new double[n];
      double[] values = new double[n];
      for (int t = 0; t < n; t++) {
        double[] x = Observation.normalise(episode.observation());
        ActorCritic.Sample sample = net.sample(x, rnd);
        FurnaceEnvironment.Step step = episode.act(sample.action());
        obs.add(x);
        actions.add(sample.action());
        logProbs.add(sample.logProbability());
        rewards[t] = step.reward();
        values[t] = net.value(x);
        rewardSum += step.reward();
        steps++;
      }
      double bootstrap = net.value(Observation.normalise(episode.observation()));
      double[] adv =
          Ppo.advantages(rewards, values, bootstrap, settings.gamma(), settings.lambda());
      for (int t = 0; t < n; t++) {
        advantages.add(adv[t]);
        returns.add(adv[t] + values[t]);
      }
      kpis.add(episode.kpis());
      interventions += episode.interventions();
      violations += episode.violations();
      episodes++;
    }
    Ppo.Batch batch =
        new Ppo.Batch(
            obs.toArray(double[][]::new),
            actions.toArray(double[][]::new),
            logProbs.stream().mapToDouble(Double::doubleValue).toArray(),
            advantages.stream().mapToDouble(Double::doubleValue).toArray(),
            returns.stream().mapToDouble(Double::doubleValue).toArray());
    ppo.update(batch, rnd);
    iteration++;
    double std = 0;
    for (int i = 0; i < ControlledSetpoints.SIZE; i++) {
      std += Math.exp(net.logStd(i)) / ControlledSetpoints.SIZE;
    }
    IntervalKpis mean = kpis.mean();
    return new TrainingProgress(
        iteration,
        episodes,
        rewardSum / steps,
        mean.energyPerTonneGj(),
        mean.totalDefectsPerThousand(),
        (double) interventions / settings.episodesPerIteration(),
        violations,
        std);
  }

  /** The run so far, to resume from. */
  public PolicyCheckpoint checkpoint() {
    return new PolicyCheckpoint(
        iteration,
        episodes,
        ppo.net().policyParameters().clone(),
        ppo.net().valueParameters().clone(),
        ppo.policyOptimiser().state(),
        ppo.valueOptimiser().state());
  }
}
