package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PpoGradientTest {
  private static final double H = 1e-6;
  private static final double CLIP = 0.2;
  private static final int SAMPLES = 8;
  private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7};

  private static PpoSettings settings(double entropy) {
    return new PpoSettings(1e-3, 1e-3, 0.9, 0.8, CLIP, 1, SAMPLES, entropy, 1, 4, -0.5, 1);
  }

  /** A 3-4-4-2 actor and 3-4-4-1 critic with every weight, bias and log std random. */
  private static ActorCritic net(Random rnd) {
    Mlp actor = new Mlp(3, 4, 4, 2);
    Mlp critic = new Mlp(3, 4, 4, 1);
    double[] policy = new double[actor.parameterCount() + 2];
    double[] actorParams = actor.initialise(rnd, 1);
    System.arraycopy(actorParams, 0, policy, 0, actorParams.length);
    double[] value = critic.initialise(rnd, 1);
    // initialise leaves the biases at zero; give them values so their gradients are exercised.
    for (int i = 0; i < actorParams.length; i++) {
      policy[i] += 0.1 * rnd.nextGaussian();
    }
    for (int i = 0; i < value.length; i++) {
      value[i] += 0.1 * rnd.nextGaussian();
    }
    policy[actor.parameterCount()] = -0.7 + rnd.nextDouble();
    policy[actor.parameterCount() + 1] = -0.7 + rnd.nextDouble();
    return new ActorCritic(actor, critic, policy, value);
  }

  /**
   * Eight samples whose old log probabilities are the current ones plus offsets in [-0.5, 0.5], so
   * that the ratios exp(-offset) spread over [0.61, 1.65]: some inside [0.8, 1.2], some outside on
   * either side. Offsets that would put a ratio within 1e-3 of a clip edge are nudged off it (a
   * finite difference across the kink would not match either one-sided gradient).
   */
  private static Ppo.Batch batch(ActorCritic net, Random rnd) {
    double[][] obs = new double[SAMPLES][];
    double[][] actions = new double[SAMPLES][];
    double[] oldLogP = new double[SAMPLES];
    double[] adv = new double[SAMPLES];
    double[] returns = new double[SAMPLES];
    for (int k = 0; k < SAMPLES; k++) {
      obs[k] = new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
      double[] mean = net.mean(obs[k]);
      actions[k] = new double[2];
      for (int i = 0; i < 2; i++) {
        actions[k][i] = mean[i] + Math.exp(net.logStd(i)) * rnd.nextGaussian();
      }
      double offset = -0.5 + rnd.nextDouble();
      double ratio = Math.exp(-offset);
      if (Math.abs(ratio - (1 + CLIP)) < 1e-3 || Math.abs(ratio - (1 - CLIP)) < 1e-3) {
        offset += 0.01;
      }
      oldLogP[k] = net.logProbability(actions[k], mean) + offset;
      // Alternate the sign so both sides of the clip act with both signs of advantage.
      adv[k] = (k % 2 == 0 ? 1 : -1) * (0.2 + rnd.nextDouble());
      returns[k] = rnd.nextGaussian();
    }
    return new Ppo.Batch(obs, actions, oldLogP, adv, returns);
  }

  @Test
  void policyLossGradientMatchesFiniteDifferencesWithoutEntropy() {
    checkPolicyGradient(0.0, 11, ALL);
  }

  @Test
  void policyLossGradientMatchesFiniteDifferencesWithEntropy() {
    checkPolicyGradient(0.05, 12, ALL);
  }

  @Test
  void policyLossGradientOnAMinibatchMatchesFiniteDifferences() {
    checkPolicyGradient(0.01, 13, new int[] {6, 1, 3});
  }

  @Test
  void valueLossGradientMatchesFiniteDifferences() {
    for (int[] index : new int[][] {ALL, {2, 5, 7}}) {
      Random rnd = new Random(21);
      ActorCritic net = net(rnd);
      Ppo.Batch batch = batch(net, rnd);
      Ppo ppo = new Ppo(settings(0.0), net);
      double[] v = net.valueParameters();

      double[] grad = new double[v.length];
      double loss = ppo.valueLoss(batch, index, grad);

      // ½ mean((V − R)²), computed here from the critic's forward pass.
      double expected = 0;
      for (int k : index) {
        double e = net.value(batch.observations()[k]) - batch.returns()[k];
        expected += 0.5 * e * e / index.length;
      }
      assertEquals(expected, loss, 1e-12);

      for (int j = 0; j < v.length; j++) {
        double saved = v[j];
        v[j] = saved + H;
        double up = ppo.valueLoss(batch, index, new double[v.length]);
        v[j] = saved - H;
        double down = ppo.valueLoss(batch, index, new double[v.length]);
        v[j] = saved;
        MlpTest.assertClose((up - down) / (2 * H), grad[j], "value parameter " + j);
      }
    }
  }

  private static void checkPolicyGradient(double entropy, long seed, int[] index) {
    Random rnd = new Random(seed);
    ActorCritic net = net(rnd);
    Ppo.Batch batch = batch(net, rnd);
    Ppo ppo = new Ppo(settings(entropy), net);
    double[] p = net.policyParameters();
    int logStdAt = net.actor().parameterCount();

    // Which branch each sample takes: inside the clip range (gradient through ρ), outside with
    // the clipped term the minimum (no gradient), outside with the unclipped term the minimum.
    int inside = 0;
    int clippedAway = 0;
    int outsideButUnclipped = 0;
    double expected = 0;
    for (int k : index) {
      double ratio =
          Math.exp(
              logDensity(net, batch.actions()[k], net.mean(batch.observations()[k]))
                  - batch.logProbabilities()[k]);
      double a = batch.advantages()[k];
      double clipped = Math.max(1 - CLIP, Math.min(1 + CLIP, ratio));
      expected -= Math.min(ratio * a, clipped * a) / index.length;
      if (clipped == ratio) {
        inside++;
      } else if (clipped * a < ratio * a) {
        clippedAway++;
      } else {
        outsideButUnclipped++;
      }
    }
    for (int i = 0; i < 2; i++) {
      expected -= entropy * (p[logStdAt + i] + 0.5 * Math.log(2 * Math.PI * Math.E));
    }
    if (index.length == SAMPLES) {
      assertTrue(inside > 0, "no ratio inside the clip range");
      assertTrue(clippedAway > 0, "no sample clipped away");
      assertTrue(outsideButUnclipped > 0, "no sample outside the range with the unclipped min");
    }

    double[] grad = new double[p.length];
    double loss = ppo.policyLoss(batch, index, grad);
    assertEquals(expected, loss, 1e-12, "the clipped surrogate minus the entropy bonus");

    double logStdGradient = 0;
    for (int j = 0; j < p.length; j++) {
      double saved = p[j];
      p[j] = saved + H;
      double up = ppo.policyLoss(batch, index, new double[p.length]);
      p[j] = saved - H;
      double down = ppo.policyLoss(batch, index, new double[p.length]);
      p[j] = saved;
      MlpTest.assertClose((up - down) / (2 * H), grad[j], "policy parameter " + j);
      if (j >= logStdAt) {
        logStdGradient += Math.abs(grad[j]);
      }
    }
    assertTrue(logStdGradient > 1e-3, "the log std gradients are exercised");
  }

  /** Σ_i −½ ((a_i − μ_i) / σ_i)² − ln σ_i − ½ ln 2π, written out independently of ActorCritic. */
  private static double logDensity(ActorCritic net, double[] action, double[] mean) {
    double lp = 0;
    for (int i = 0; i < action.length; i++) {
      double sd = Math.exp(net.logStd(i));
      double z = (action[i] - mean[i]) / sd;
      lp += -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
    }
    return lp;
  }
}
