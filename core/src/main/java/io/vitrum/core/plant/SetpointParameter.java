package io.vitrum.core.plant;

import java.util.Arrays;
import java.util.Optional;

/**
 * The supervisory setpoints an operator, integrator or policy may change on a furnace, each with
 * its engineering unit, hard safe bounds, the largest single step allowed and a nominal value for a
 * 300 t/day container furnace (DOMAIN.md §2–§3). The JSON name ({@link #key()}) is part of the
 * public API and of every persisted setpoint event: never rename one.
 *
 * <p>Bounds are the outer envelope of safe operation; plants narrow them per furnace through
 * configuration, never widen them in code.
 */
public enum SetpointParameter {
  /** Crown (combustion space) temperature held by the combustion controller. */
  CROWN_TEMPERATURE("crownTemperature", "degC", 1450, 1650, 25, 1560),
  /** Excess oxygen in the flue gas, set through the air/gas ratio. */
  EXCESS_O2("excessO2", "%", 0.5, 4.0, 0.5, 2.0),
  /** Electric boost power into the melt. */
  ELECTRIC_BOOST("electricBoost", "MW", 0, 3, 0.5, 1.0),
  /** Glass pull (production rate). */
  PULL_RATE("pullRate", "t/day", 100, 400, 20, 300),
  /** Cullet fraction of the batch. */
  CULLET_FRACTION("culletFraction", "%", 20, 90, 10, 50),
  /** Gob temperature held by forehearth conditioning. */
  GOB_TEMPERATURE("gobTemperature", "degC", 1000, 1200, 15, 1100),
  /** Lehr cooling rate through the annealing-to-strain range. */
  LEHR_COOLING_RATE("lehrCoolingRate", "degC/min", 2, 20, 3, 7);

  private final String key;
  private final String unit;
  private final double min;
  private final double max;
  private final double maxStep;
  private final double nominal;

  SetpointParameter(
      String key, String unit, double min, double max, double maxStep, double nominal) {
    this.key = key;
    this.unit = unit;
    this.min = min;
    this.max = max;
    this.maxStep = maxStep;
    this.nominal = nominal;
  }

  /** The parameter's name in JSON and events, e.g. {@code crownTemperature}. */
  public String key() {
    return key;
  }

  public String unit() {
    return unit;
  }

  /** Lowest safe value, inclusive. */
  public double min() {
    return min;
  }

  /** Highest safe value, inclusive. */
  public double max() {
    return max;
  }

  /** Largest allowed change in one command, in {@link #unit()}. */
  public double maxStep() {
    return maxStep;
  }

  /** Value a furnace starts from when nothing has been set yet. */
  public double nominal() {
    return nominal;
  }

  /** Whether {@code value} is finite and within the safe bounds. */
  public boolean withinBounds(double value) {
    return Double.isFinite(value) && value >= min && value <= max;
  }

  /** The parameter with JSON name {@code key}, if there is one. */
  public static Optional<SetpointParameter> byKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }
}
