package io.vitrum.core.plant;

import java.util.ArrayList;
import java.util.List;

/**
 * How a sensor is set up: its furnace, engineering unit, physically possible range (readings
 * outside it are faults and are rejected) and alarm limits.
 */
public record SensorConfig(
    String furnace, String unit, double min, double max, AlarmLimits alarms) {

  public SensorConfig {
    alarms = alarms == null ? AlarmLimits.NONE : alarms;
  }

  /** What is wrong with this configuration for sensor {@code tag}; empty when it is valid. */
  public List<String> problems(String tag) {
    List<String> problems = new ArrayList<>();
    if (!FurnaceId.isValid(furnace)) {
      problems.add("furnace must be 1-32 letters, digits, '-' or '_'");
    } else if (TagId.isValid(tag) && !TagId.furnaceOf(tag).equals(furnace)) {
      problems.add("furnace '" + furnace + "' does not match the tag's furnace segment");
    }
    if (unit == null || unit.isBlank()) {
      problems.add("unit must be 1-" + FreeText.UNIT_MAX + " characters");
    } else {
      FreeText.problem(unit, FreeText.UNIT_MAX).ifPresent(p -> problems.add("unit " + p));
    }
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      problems.add("min and max must be finite numbers");
    } else if (!(min < max)) {
      problems.add("min must be below max");
    } else {
      problems.addAll(alarms.problems(min, max));
    }
    return problems;
  }
}
