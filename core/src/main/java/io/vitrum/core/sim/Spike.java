package io.vitrum.core.sim;

import java.util.SplittableRandom;

/**
 * Intermittent electrical spikes: each sample is, with probability {@code probability}, offset by
 * {@code amplitude} in a random direction. Spikes may leave the tag's physical range, which is what
 * lets validation tell them apart from process moves.
 *
 * @param probability chance per sample, in [0, 1]
 * @param amplitude size of a spike in the tag's unit, positive
 */
public record Spike(double probability, double amplitude) implements SensorFault {
  public Spike {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
    if (!(amplitude > 0)) {
      throw new IllegalArgumentException("amplitude must be positive: " + amplitude);
    }
  }

  @Override
  public double distort(
      double measured, double held, double secondsActive, SplittableRandom random) {
    if (random.nextDouble() >= probability) {
      return measured;
    }
    return random.nextBoolean() ? measured + amplitude : measured - amplitude;
  }
}
