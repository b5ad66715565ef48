package io.vitrum.core.sim;

import java.util.SplittableRandom;

/**
 * Lost samples (broken wire, transport outage): with probability {@code probability} a sample is
 * not reported at all; 1 means a complete outage.
 *
 * @param probability chance per sample of losing it, in [0, 1]
 */
public record Dropout(double probability) implements SensorFault {
  public Dropout {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
  }

  @Override
  public double distort(
      double measured, double held, double secondsActive, SplittableRandom random) {
    if (probability >= 1 || random.nextDouble() < probability) {
      return Double.NaN;
    }
    return measured;
  }
}
