package io.vitrum.http.dto;

import io.vitrum.actors.furnace.Alarm;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.SetpointRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/furnaces/{id}}: {@code "setpoints":{"crownTemperature":1580,...}} (effective
 * values, nominal until changed), the last change of each setpoint, autonomy mode and alarms.
 */
public record FurnaceResponse(
    String furnaceId,
    Map<String, Double> setpoints,
    Map<String, SetpointChange> setpointChanges,
    String autonomyMode,
    List<AlarmDto> alarms) {

  /** Who changed a setpoint, when, why and from where. */
  public record SetpointChange(
      double value, String origin, String requestedBy, String reason, Instant at) {}

  /** An alarm as operators see it. */
  public record AlarmDto(
      String alarmId,
      String source,
      String severity,
      String message,
      Instant raisedAt,
      boolean active,
      String acknowledgedBy,
      Instant acknowledgedAt) {}

  public static FurnaceResponse of(Furnace.FurnaceView view) {
    Map<String, SetpointChange> changes = new LinkedHashMap<>();
    for (Map.Entry<String, SetpointRecord> e : view.changes().entrySet()) {
      SetpointRecord r = e.getValue();
      changes.put(
          e.getKey(),
          new SetpointChange(
              r.value(), lower(r.origin().name()), r.requestedBy(), r.reason(), r.at()));
    }
    List<AlarmDto> alarms = view.alarms().stream().map(FurnaceResponse::alarm).toList();
    return new FurnaceResponse(
        view.furnaceId(), view.setpoints(), changes, lower(view.autonomyMode().name()), alarms);
  }

  private static AlarmDto alarm(Alarm a) {
    return new AlarmDto(
        a.alarmId(),
        a.source(),
        a.severity(),
        a.message(),
        a.raisedAt(),
        a.active(),
        a.acknowledgedBy(),
        a.acknowledgedAt());
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
