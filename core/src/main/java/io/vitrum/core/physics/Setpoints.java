package io.vitrum.core.physics;

import io.vitrum.core.plant.SetpointParameter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value for every supervisory setpoint of a furnace ({@link SetpointParameter}), in the
 * parameter's unit. The base control loops of {@link FurnaceProcess} turn these into gas, air,
 * boost, pull, conditioning and lehr actions. Values are not clamped here: callers that accept
 * outside requests check {@link SetpointParameter#withinBounds(double)} first.
 *
 * @param crownTemperatureC crown temperature held by the combustion controller, °C
 * @param excessO2Pct flue O2 the air/gas ratio is set for, %
 * @param electricBoostMw electric boost power, MW
 * @param pullRateTpd glass pull, t/day
 * @param culletFractionPct cullet fraction of the batch, %
 * @param gobTemperatureC gob temperature held by forehearth conditioning, °C
 * @param lehrCoolingRateCPerMin lehr cooling rate through the annealing range, °C/min
 */
public record Setpoints(
    double crownTemperatureC,
    double excessO2Pct,
    double electricBoostMw,
    double pullRateTpd,
    double culletFractionPct,
    double gobTemperatureC,
    double lehrCoolingRateCPerMin) {

  public Setpoints {
    for (double v :
        new double[] {
          crownTemperatureC,
          excessO2Pct,
          electricBoostMw,
          pullRateTpd,
          culletFractionPct,
          gobTemperatureC,
          lehrCoolingRateCPerMin
        }) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("setpoints must be finite");
      }
    }
  }

  /** Every parameter at its {@link SetpointParameter#nominal()} value. */
  public static Setpoints nominal() {
    return new Setpoints(
        SetpointParameter.CROWN_TEMPERATURE.nominal(),
        SetpointParameter.EXCESS_O2.nominal(),
        SetpointParameter.ELECTRIC_BOOST.nominal(),
        SetpointParameter.PULL_RATE.nominal(),
        SetpointParameter.CULLET_FRACTION.nominal(),
        SetpointParameter.GOB_TEMPERATURE.nominal(),
        SetpointParameter.LEHR_COOLING_RATE.nominal());
  }

  /** The value of {@code parameter}. */
  public double get(SetpointParameter parameter) {
    return switch (parameter) {
      case CROWN_TEMPERATURE -> crownTemperatureC;
      case EXCESS_O2 -> excessO2Pct;
      case ELECTRIC_BOOST -> electricBoostMw;
      case PULL_RATE -> pullRateTpd;
      case CULLET_FRACTION -> culletFractionPct;
      case GOB_TEMPERATURE -> gobTemperatureC;
      case LEHR_COOLING_RATE -> lehrCoolingRateCPerMin;
    };
  }

  /** A copy with {@code parameter} set to {@code value}. */
  public Setpoints with(SetpointParameter parameter, double value) {
    Map<SetpointParameter, Double> values = toEnumMap();
    values.put(parameter, value);
    return fromEnumMap(values);
  }

  /** A copy with every entry of {@code changes} applied; parameters not named keep their value. */
  public Setpoints withAll(Map<SetpointParameter, Double> changes) {
    Map<SetpointParameter, Double> values = toEnumMap();
    values.putAll(changes);
    return fromEnumMap(values);
  }

  /** The values keyed by {@link SetpointParameter#key()}, in declaration order. */
  public Map<String, Double> toKeyMap() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (SetpointParameter p : SetpointParameter.values()) {
      out.put(p.key(), get(p));
    }
    return out;
  }

  private Map<SetpointParameter, Double> toEnumMap() {
    Map<SetpointParameter, Double> values = new EnumMap<>(SetpointParameter.class);
    for (SetpointParameter p : SetpointParameter.values()) {
      values.put(p, get(p));
    }
    return values;
  }

  private static Setpoints fromEnumMap(Map<SetpointParameter, Double> v) {
    return new Setpoints(
        v.get(SetpointParameter.CROWN_TEMPERATURE),
        v.get(SetpointParameter.EXCESS_O2),
        v.get(SetpointParameter.ELECTRIC_BOOST),
        v.get(SetpointParameter.PULL_RATE),
        v.get(SetpointParameter.CULLET_FRACTION),
        v.get(SetpointParameter.GOB_TEMPERATURE),
        v.get(SetpointParameter.LEHR_COOLING_RATE));
  }
}
