package io.vitrum.actors.incident;

import io.vitrum.core.CborSerializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One incident as its line keeps it. Immutable.
 *
 * @param id the incident id, {@code <line>-<n>}
 * @param furnace the furnace
 * @param defect the reject class, or {@code anomaly}
 * @param tag for an anomaly, the sensor
 * @param openedAt when it opened
 * @param trigger what opened it (an alarm id)
 * @param triggers every alarm or alert attached since, oldest first
 * @param causes the latest analysis, best first; empty before the first one
 * @param analysedAt when the latest analysis ran; null before the first
 * @param analyses how many analyses ran
 * @param feedback the operators' answers, oldest first
 * @param closedAt when it closed; null while open
 * @param closedBy who or what closed it
 * @param closeReason why
 */
public record IncidentRecord(
    String id,
    String furnace,
    String defect,
    String tag,
    Instant openedAt,
    String trigger,
    List<String> triggers,
    List<Cause> causes,
    Instant analysedAt,
    int analyses,
    List<Feedback> feedback,
    Instant closedAt,
    String closedBy,
    String closeReason)
    implements CborSerializable {

  public IncidentRecord {
    triggers = List.copyOf(triggers);
    causes = List.copyOf(causes);
    feedback = List.copyOf(feedback);
  }

  public boolean open() {
    return closedAt == null;
  }

  /** {@code open} or {@code closed}. */
  public String status() {
    return open() ? "open" : "closed";
  }

  IncidentRecord withTrigger(String alarm) {
    List<String> all = new ArrayList<>(triggers);
    all.add(alarm);
    return new IncidentRecord(
        id,
        furnace,
        defect,
        tag,
        openedAt,
        trigger,
        all,
        causes,
        analysedAt,
        analyses,
        feedback,
        closedAt,
        closedBy,
        closeReason);
  }

  IncidentRecord withAnalysis(List<Cause> ranked, Instant at) {
    return new IncidentRecord(
        id,
        furnace,
        defect,
        tag,
        openedAt,
        trigger,
        triggers,
        ranked,
        at,
        analyses + 1,
        feedback,
        closedAt,
        closedBy,
        closeReason);
  }

  IncidentRecord withFeedback(Feedback answer) {
    List<Feedback> all = new ArrayList<>(feedback);
    all.add(answer);
    return new IncidentRecord(
        id,
        furnace,
        defect,
        tag,
        openedAt,
        trigger,
        triggers,
        causes,
        analysedAt,
        analyses,
        all,
        closedAt,
        closedBy,
        closeReason);
  }

  IncidentRecord closed(Instant at, String by, String reason) {
    return new IncidentRecord(
        id,
        furnace,
        defect,
        tag,
        openedAt,
        trigger,
        triggers,
        causes,
        analysedAt,
        analyses,
        feedback,
        at,
        by,
        reason);
  }
}
