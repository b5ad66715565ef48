package io.vitrum.core.rl;

import java.util.Arrays;
import java.util.Random;

/**
 * A Gaussian policy and its value function over normalised observations. The policy parameters are
 * the actor network's followed by one log standard deviation per action (state-independent); the
 * critic has its own network and parameters. The arrays are shared with the optimiser, which
 * updates them in place. Not thread-safe while training.
 */
public final class ActorCritic {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private final Mlp actor;
  private final Mlp critic;
  private final double[] policy;
  private final double[] value;

  public ActorCritic(Mlp actor, Mlp critic, double[] policy, double[] value) {
    if (policy.length != actor.parameterCount() + actor.outputs()
        || value.length != critic.parameterCount()
        || critic.outputs() != 1) {
      throw new IllegalArgumentException("parameters do not fit the networks");
    }
    this.actor = actor;
    this.critic = critic;
    this.policy = policy;
    this.value = value;
  }

  /** Fresh networks with {@code hidden} units in two tanh layers each, log std {@code logStd}. */
  public static ActorCritic create(int inputs, int actions, int hidden, double logStd, Random rnd) {
    Mlp actor = new Mlp(inputs, hidden, hidden, actions);
    Mlp critic = new Mlp(inputs, hidden, hidden, 1);
    double[] policy = Arrays.copyOf(actor.initialise(rnd, 0.01), actor.parameterCount() + actions);
    Arrays.fill(policy, actor.parameterCount(), policy.length, logStd);
    return new ActorCritic(actor, critic, policy, critic.initialise(rnd, 1));
  }

  public Mlp actor() {
    return actor;
  }

  public Mlp critic() {
    return critic;
  }

  /** The policy parameters: actor network, then log standard deviations. Live, not a copy. */
  public double[] policyParameters() {
    return policy;
  }

  /** The critic's parameters. Live, not a copy. */
  public double[] valueParameters() {
    return value;
  }

  /** The log standard deviation of action {@code i}. */
  public double logStd(int i) {
    return policy[actor.parameterCount() + i];
  }

  /** The mean action for normalised observation {@code x}. */
  public double[] mean(double[] x) {
    return actor.forward(policy, 0, x);
  }

  /** The value estimate of normalised observation {@code x}. */
  public double value(double[] x) {
    return critic.forward(value, 0, x)[0];
  }

  /** The deterministic policy on raw observations: the mean action. */
  public PolicyFunction meanPolicy() {
    return raw -> mean(Observation.normalise(raw));
  }

  /** An action drawn around the mean for {@code x}, with its log probability. */
  public Sample sample(double[] x, Random rnd) {
    double[] mean = mean(x);
    double[] action = new double[mean.length];
    for (int i = 0; i < mean.length; i++) {
      action[i] = mean[i] + Math.exp(logStd(i)) * rnd.nextGaussian();
    }
    return new Sample(action, logProbability(action, mean));
  }

  /** The log density of {@code action} under the policy with mean {@code mean}. */
  public double logProbability(double[] action, double[] mean) {
    double lp = 0;
    for (int i = 0; i < action.length; i++) {
      double ls = logStd(i);
      double z = (action[i] - mean[i]) / Math.exp(ls);
      lp += -0.5 * z * z - ls - LOG_SQRT_2PI;
    }
    return lp;
  }

  /** An action and its log probability when drawn. */
  public record Sample(double[] action, double logProbability) {}
}
