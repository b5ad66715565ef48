package io.vitrum.core.sim;

import java.util.SplittableRandom;

/**
 * A fault of one measuring chain (thermocouple, transmitter, transport) that distorts what the
 * sensor reports while the process itself is unaffected. Ground truth for validation and
 * anomaly-detection models: the process value is right, the reading is wrong.
 */
public sealed interface SensorFault permits StuckValue, Spike, Dropout, ThermocoupleDrift {

  /**
   * What the faulty sensor reports.
   *
   * @param measured the reading a healthy sensor would have reported
   * @param held the last value reported before the fault began
   * @param secondsActive seconds since the fault began
   * @param random the channel's random stream, consumed deterministically
   * @return the reported value, or {@link Double#NaN} when the sensor reports nothing
   */
  double distort(double measured, double held, double secondsActive, SplittableRandom random);
}
