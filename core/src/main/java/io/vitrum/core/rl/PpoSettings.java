package io.vitrum.core.rl;

/**
 * Proximal policy optimisation's knobs.
 *
 * @param policyLearningRate Adam step of the policy
 * @param valueLearningRate Adam step of the critic
 * @param gamma discount per control interval
 * @param lambda GAE's λ
 * @param clip the clipped objective's ε
 * @param epochs passes over each iteration's samples
 * @param minibatch samples per gradient step
 * @param entropy weight of the policy's entropy bonus
 * @param episodesPerIteration episodes collected per iteration
 * @param hidden units in each of the two hidden layers
 * @param initialLogStd log standard deviation of the fresh policy
 * @param seed seeds the networks and every episode
 */
public record PpoSettings(
    double policyLearningRate,
    double valueLearningRate,
    double gamma,
    double lambda,
    double clip,
    int epochs,
    int minibatch,
    double entropy,
    int episodesPerIteration,
    int hidden,
    double initialLogStd,
    long seed) {

  /** The settings the committed policy was trained with. */
  public static final PpoSettings DEFAULTS =
      new PpoSettings(3e-4, 1e-3, 0.97, 0.95, 0.2, 8, 256, 0.0, 16, 64, Math.log(0.5), 7);

  public PpoSettings {
    if (!(gamma > 0 && gamma <= 1 && lambda >= 0 && lambda <= 1 && clip > 0)) {
      throw new IllegalArgumentException("gamma in (0, 1], lambda in [0, 1], clip > 0");
    }
    if (epochs < 1 || minibatch < 1 || episodesPerIteration < 1 || hidden < 1) {
      throw new IllegalArgumentException("epochs, minibatch, episodes and hidden must be positive");
    }
  }
}
