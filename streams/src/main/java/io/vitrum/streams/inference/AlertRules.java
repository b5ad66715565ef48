package io.vitrum.streams.inference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When predictions raise and clear alerts: a defect risk over the ensemble's threshold, a process
 * fault or a sensor's fault score over {@link #SCORE_THRESHOLD}; each clears once its figure falls
 * below {@link #CLEAR_SHARE} of its threshold (hysteresis: no flapping on a value at the line).
 * Mutable; owned by one stream stage.
 */
public final class AlertRules {
  /** Fault scores (probabilities) above this raise an alert. */
  public static final double SCORE_THRESHOLD = 0.5;

  /** An alert clears below this share of its threshold. */
  public static final double CLEAR_SHARE = 0.8;

  private final Set<String> raised = new HashSet<>();

  /** The alerts {@code p} raises or clears. */
  public List<Alert> apply(Prediction p) {
    List<Alert> out = new ArrayList<>();
    if (p.risk() != null && p.riskThreshold() != null && Double.isFinite(p.riskThreshold())) {
      check(
          p,
          "model:defect-risk",
          "defect-risk",
          p.risk(),
          p.riskThreshold(),
          "expected %.1f rejects per 1000 in an hour (alert above %.1f)",
          out);
    }
    if (p.processFault() != null) {
      check(
          p,
          "model:process-fault",
          "process-fault",
          p.processFault(),
          SCORE_THRESHOLD,
          "process fault probability %.2f (alert above %.2f)",
          out);
    }
    if (p.sensors() != null) {
      Set<String> listed = new HashSet<>();
      for (Prediction.SensorScore s : p.sensors()) {
        listed.add("model:sensor:" + s.tag());
        check(
            p,
            "model:sensor:" + s.tag(),
            "sensor-fault",
            s.score(),
            SCORE_THRESHOLD,
            s.tag() + " looks faulted: score %.2f (alert above %.2f)",
            out);
      }
      // A raised sensor that dropped out of the top list has fallen low: clear it.
      for (String id : List.copyOf(raised)) {
        if (id.startsWith("model:sensor:" + p.furnace() + ".") && !listed.contains(id)) {
          raised.remove(id);
          out.add(
              new Alert(
                  p.furnace(), p.at(), id, "sensor-fault", false, 0, SCORE_THRESHOLD, "cleared"));
        }
      }
    }
    return out;
  }

  private void check(
      Prediction p,
      String alarmId,
      String kind,
      double value,
      double threshold,
      String message,
      List<Alert> out) {
    String key = alarmId.startsWith("model:sensor:") ? alarmId : p.furnace() + "|" + alarmId;
    boolean up = raised.contains(key);
    if (!up && value > threshold) {
      raised.add(key);
      out.add(
          new Alert(
              p.furnace(),
              p.at(),
              alarmId,
              kind,
              true,
              value,
              threshold,
              String.format(Locale.ROOT, message, value, threshold)));
    } else if (up && value < CLEAR_SHARE * threshold) {
      raised.remove(key);
      out.add(new Alert(p.furnace(), p.at(), alarmId, kind, false, value, threshold, "cleared"));
    }
  }
}
