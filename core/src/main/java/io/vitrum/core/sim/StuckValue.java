package io.vitrum.core.sim;

import java.util.SplittableRandom;

/** A frozen transmitter: the sensor keeps reporting its last value from before the fault. */
public record StuckValue() implements SensorFault {
  @Override
  public double distort(
      double measured, double held, double secondsActive, SplittableRandom random) {
    return held;
  }
}
