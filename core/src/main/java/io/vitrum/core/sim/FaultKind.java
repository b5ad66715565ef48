package io.vitrum.core.sim;

/**
 * The kinds of fault the simulator can inject. Process faults change the physics (the plant really
 * behaves differently); sensor faults change only what one instrument reports. The key is the
 * default ground-truth root cause written to datasets: never rename one.
 */
public enum FaultKind {
  /** Burners fouled or misaligned: less heat per Nm³ of gas. Magnitude: efficiency lost, 0–1. */
  BURNER_DEGRADATION("burner-degradation", false, 0.05, 0.2),
  /** Wet batch: water to evaporate before melting. Magnitude: extra moisture, wt %. */
  BATCH_MOISTURE("batch-moisture", false, 1, 4),
  /**
   * Cullet supply swings away from the recipe. Magnitude: cullet fraction offset in percentage
   * points, either sign.
   */
  CULLET_SWING("cullet-swing", false, 10, 25),
  /**
   * A lehr recirculation fan stops and cold air reaches the ware. Magnitude: severity 0–1; at 1 the
   * ware cools twice as fast as set and 20 K unevenly across the belt.
   */
  LEHR_FAN_FAILURE("lehr-fan-failure", false, 0.4, 1),
  /** Worn melter refractory sheds stones. Magnitude: wear index, 0–1. */
  REFRACTORY_WEAR("refractory-wear", false, 0.3, 1),
  /** One thermocouple decalibrates. Magnitude: drift in the tag's unit per hour, either sign. */
  THERMOCOUPLE_DRIFT("thermocouple-drift", true, 5, 30),
  /** One transmitter freezes at its last value. Magnitude unused. */
  STUCK_SENSOR("stuck-sensor", true, 0, 0),
  /** One channel picks up electrical spikes. Magnitude: spike amplitude in the tag's unit. */
  SENSOR_SPIKES("sensor-spikes", true, 0, 0),
  /** One channel loses samples. Magnitude: probability of losing a sample, 0–1. */
  SENSOR_DROPOUT("sensor-dropout", true, 0.3, 1);

  private final String key;
  private final boolean sensorFault;
  private final double typicalLow;
  private final double typicalHigh;

  FaultKind(String key, boolean sensorFault, double typicalLow, double typicalHigh) {
    this.key = key;
    this.sensorFault = sensorFault;
    this.typicalLow = typicalLow;
    this.typicalHigh = typicalHigh;
  }

  /** Stable name, also the default root cause, e.g. {@code lehr-fan-failure}. */
  public String key() {
    return key;
  }

  /** Whether the fault acts on one instrument rather than on the process. */
  public boolean isSensorFault() {
    return sensorFault;
  }

  /** Lower end of the magnitudes a random schedule draws, in the kind's magnitude unit. */
  public double typicalLow() {
    return typicalLow;
  }

  /** Upper end of the magnitudes a random schedule draws, in the kind's magnitude unit. */
  public double typicalHigh() {
    return typicalHigh;
  }
}
