package io.vitrum.http.dto;

import io.vitrum.actors.incident.Feedback;
import io.vitrum.actors.incident.IncidentRecord;
import java.util.List;

/** One incident, as listed and shown. */
public record IncidentResponse(
    String id,
    String furnace,
    String defect,
    String tag,
    String status,
    String openedAt,
    String closedAt,
    String trigger,
    List<String> triggers,
    String topCause,
    String analysedAt,
    int analyses,
    List<Feedback> feedback,
    String closedBy,
    String closeReason) {

  public static IncidentResponse of(IncidentRecord i) {
    return new IncidentResponse(
        i.id(),
        i.furnace(),
        i.defect(),
        i.tag(),
        i.status(),
        i.openedAt().toString(),
        i.closedAt() == null ? null : i.closedAt().toString(),
        i.trigger(),
        i.triggers(),
        i.causes().isEmpty() ? null : i.causes().get(0).cause(),
        i.analysedAt() == null ? null : i.analysedAt().toString(),
        i.analyses(),
        i.feedback(),
        i.closedBy(),
        i.closeReason());
  }
}
