package io.vitrum.core.sim;

import java.util.SplittableRandom;

/** Poisson counts from a seeded stream: exact for small means, normal beyond. */
final class Poisson {
  private static final double EXACT_LIMIT = 30;

  private Poisson() {}

  /** A count with mean {@code mean} (non-negative). */
  static int sample(double mean, SplittableRandom random) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > EXACT_LIMIT) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
