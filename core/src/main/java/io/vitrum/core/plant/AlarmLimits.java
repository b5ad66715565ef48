package io.vitrum.core.plant;

import java.util.ArrayList;
import java.util.List;

/**
 * Alarm limits of one sensor with hysteresis: a value above {@code high} (below {@code low}) raises
 * the alarm, and it clears only once the value is back inside by more than {@code deadband}, so a
 * value hovering at the limit does not chatter.
 *
 * @param low lower alarm limit, {@code null} for none
 * @param high upper alarm limit, {@code null} for none
 * @param deadband hysteresis in the sensor's unit, {@code >= 0}
 */
public record AlarmLimits(Double low, Double high, double deadband) {
  /** No alarm limits. */
  public static final AlarmLimits NONE = new AlarmLimits(null, null, 0);

  /** The level after observing {@code value} when the level was {@code current}. */
  public AnomalyLevel next(AnomalyLevel current, double value) {
    if (high != null && value > high) {
      return AnomalyLevel.HIGH;
    }
    if (low != null && value < low) {
      return AnomalyLevel.LOW;
    }
    if (current == AnomalyLevel.HIGH && high != null && value > high - deadband) {
      return AnomalyLevel.HIGH;
    }
    if (current == AnomalyLevel.LOW && low != null && value < low + deadband) {
      return AnomalyLevel.LOW;
    }
    return AnomalyLevel.NORMAL;
  }

  /** What is wrong with these limits for a sensor whose physical range is [min, max]. */
  public List<String> problems(double min, double max) {
    List<String> problems = new ArrayList<>();
    if (!Double.isFinite(deadband) || deadband < 0) {
      problems.add("alarm deadband must be a finite number >= 0");
    }
    checkLimit("alarmLow", low, min, max, problems);
    checkLimit("alarmHigh", high, min, max, problems);
    if (low != null && high != null && !(low < high)) {
      problems.add("alarmLow must be below alarmHigh");
    }
    return problems;
  }

  private static void checkLimit(
      String name, Double limit, double min, double max, List<String> problems) {
    if (limit == null) {
      return;
    }
    if (!Double.isFinite(limit)) {
      problems.add(name + " must be a finite number");
    } else if (limit < min || limit > max) {
      problems.add(name + " must lie within the physical range [" + min + ", " + max + "]");
    }
  }
}
