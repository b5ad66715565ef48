package io.vitrum.core.rl;

import java.util.Random;

/**
 * The PPO update (Schulman et al., 2017): generalised advantage estimation, the clipped surrogate
 * objective for the policy and a squared error for the critic, minimised with Adam over shuffled
 * minibatches. Losses and their gradients are written out by hand ({@link #policyLoss}, {@link
 * #valueLoss}) and checked against finite differences in the tests.
 */
public final class Ppo {
  private final PpoSettings settings;
  private final ActorCritic net;
  private final Adam policyOptimiser;
  private final Adam valueOptimiser;

  public Ppo(PpoSettings settings, ActorCritic net) {
    this.settings = settings;
    this.net = net;
    this.policyOptimiser = new Adam(net.policyParameters().length, settings.policyLearningRate());
    this.valueOptimiser = new Adam(net.valueParameters().length, settings.valueLearningRate());
  }

  public ActorCritic net() {
    return net;
  }

  public Adam policyOptimiser() {
    return policyOptimiser;
  }

  public Adam valueOptimiser() {
    return valueOptimiser;
  }

  /**
   * Advantages of one trajectory by GAE: δ_t = r_t + γ V(s_{t+1}) − V(s_t), A_t = δ_t + γλ A_{t+1},
   * with {@code bootstrap} the value after the last step (0 for a true end, V of the last
   * observation for a cut-off episode).
   */
  public static double[] advantages(
      double[] rewards, double[] values, double bootstrap, double gamma, double lambda) {
    double[] out = new double[rewards.length];
    double next = bootstrap;
    double running = 0;
    for (int t = rewards.length - 1; t >= 0; t--) {
      double delta = rewards[t] + gamma * next - values[t];
      running = delta + gamma * lambda * running;
      out[t] = running;
      next = values[t];
    }
    return out;
  }

  /**
   * The clipped surrogate loss over samples {@code index} of {@code batch}, −mean(min(ρA, clip(ρ, 1
   * − ε, 1 + ε)A)) − entropy·H, and its gradient added to {@code grad} (policy parameters).
   */
  public double policyLoss(Batch batch, int[] index, double[] grad) {
    Mlp actor = net.actor();
    double[] p = net.policyParameters();
    int actions = actor.outputs();
    int logStdAt = actor.parameterCount();
    double loss = 0;
    double scale = 1.0 / index.length;
    double clip = settings.clip();
    for (int k : index) {
      Mlp.Trace trace = actor.trace(p, 0, batch.observations()[k]);
      double[] mean = trace.output();
      double[] a = batch.actions()[k];
      double ratio = Math.exp(net.logProbability(a, mean) - batch.logProbabilities()[k]);
      double adv = batch.advantages()[k];
      double clipped = Math.max(1 - clip, Math.min(1 + clip, ratio));
      boolean unclippedIsMin = ratio * adv <= clipped * adv;
      loss -= scale * (unclippedIsMin ? ratio * adv : clipped * adv);
      if (!unclippedIsMin) {
        continue;
      }
      double dLogP = -scale * ratio * adv;
      double[] dMean = new double[actions];
      for (int i = 0; i < actions; i++) {
        double ls = p[logStdAt + i];
        double sd = Math.exp(ls);
        double z = (a[i] - mean[i]) / sd;
        dMean[i] = dLogP * z / sd;
        grad[logStdAt + i] += dLogP * (z * z - 1);
      }
      actor.backward(p, 0, trace, dMean, grad, 0);
    }
    for (int i = 0; i < actions; i++) {
      loss -= settings.entropy() * (p[logStdAt + i] + 0.5 * Math.log(2 * Math.PI * Math.E));
      grad[logStdAt + i] -= settings.entropy();
    }
    return loss;
  }

  /** ½ mean((V − R)²) over samples {@code index}, its gradient added to {@code grad} (critic). */
  public double valueLoss(Batch batch, int[] index, double[] grad) {
    Mlp critic = net.critic();
    double[] v = net.valueParameters();
    double loss = 0;
    double scale = 1.0 / index.length;
    for (int k : index) {
      Mlp.Trace trace = critic.trace(v, 0, batch.observations()[k]);
      double error = trace.output()[0] - batch.returns()[k];
      loss += 0.5 * scale * error * error;
      critic.backward(v, 0, trace, new double[] {scale * error}, grad, 0);
    }
    return loss;
  }

  /**
   * One PPO update on {@code batch}: advantages normalised, then {@link PpoSettings#epochs} passes
   * of shuffled minibatches. Returns the last minibatch's policy and value losses.
   */
  public double[] update(Batch batch, Random rnd) {
    Batch normalised = batch.withNormalisedAdvantages();
    int n = batch.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double policyLoss = 0;
    double valueLoss = 0;
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      shuffle(order, rnd);
      for (int start = 0; start < n; start += settings.minibatch()) {
        int size = Math.min(settings.minibatch(), n - start);
        int[] index = new int[size];
        System.arraycopy(order, start, index, 0, size);
        double[] pg = new double[net.policyParameters().length];
        policyLoss = policyLoss(normalised, index, pg);
        policyOptimiser.step(net.policyParameters(), pg);
        double[] vg = new double[net.valueParameters().length];
        valueLoss = valueLoss(normalised, index, vg);
        valueOptimiser.step(net.valueParameters(), vg);
      }
    }
    return new double[] {policyLoss, valueLoss};
  }

  private static void shuffle(int[] a, Random rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * Samples for one update: normalised observations, the actions drawn, their log probabilities
   * when drawn, advantages and returns (advantage plus the value estimate).
   */
  public record Batch(
      double[][] observations,
      double[][] actions,
      double[] logProbabilities,
      double[] advantages,
      double[] returns) {

    public int size() {
      return observations.length;
    }

    /** The same samples with advantages scaled to zero mean and unit deviation. */
    public Batch withNormalisedAdvantages() {
      double mean = 0;
      for (double a : advantages) {
        mean += a;
      }
      mean /= advantages.length;
      double var = 0;
      for (double a : advantages) {
        var += (a - mean) * (a - mean);
      }
      double sd = Math.sqrt(var / advantages.length) + 1e-8;
      double[] out = new double[advantages.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (advantages[i] - mean) / sd;
      }
      return new Batch(observations, actions, logProbabilities, out, returns);
    }
  }
}
