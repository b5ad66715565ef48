package io.vitrum.core.sim;

import java.util.SplittableRandom;

/**
 * An ageing thermocouple (decalibration from contamination at high temperature): the reading
 * departs from the truth linearly in time. Slow enough to pass range checks for hours, which is why
 * drift detection compares a sensor with its neighbours.
 *
 * @param degreesPerHour drift rate in the tag's unit per hour, either sign
 */
public record ThermocoupleDrift(double degreesPerHour) implements SensorFault {
  public ThermocoupleDrift {
    if (!Double.isFinite(degreesPerHour)) {
      throw new IllegalArgumentException("drift rate must be finite");
    }
  }

  @Override
  public double distort(
      double measured, double held, double secondsActive, SplittableRandom random) {
    return measured + degreesPerHour * secondsActive / 3600.0;
  }
}
