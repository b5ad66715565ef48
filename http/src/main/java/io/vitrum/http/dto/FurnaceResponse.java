package io.vitrum.http.dto;

import io.vitrum.actors.furnace.Alarm;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.SetpointRecord;
import io.vitrum.actors.furnace.SetpointWrite;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/furnaces/{id}}: {@code "setpoints":{"crownTemperature":1580,...}} (effective
 * values, nominal until changed), the last change of each setpoint with where its write to the
 * plant stands ({@code "write":{"status":"written","attempts":1,"detail":"...","at":"..."}}),
 * autonomy mode and alarms.
 */
public record FurnaceResponse(
    String furnaceId,
    Map<String, Double> setpoints,
    Map<String, SetpointChange> setpointChanges,
    String autonomyMode,
    List<AlarmDto> alarms) {

  /** Who changed a setpoint, when, why and from where; and whether it reached the plant. */
  public record SetpointChange(
      double value, String origin, String requestedBy, String reason, Instant at, Write write) {}

  /**
   * The write of a change to the plant.
   *
   * @param status {@code pending} until an outcome is known, then {@code written} or {@code failed}
   * @param attempts tries made (0 while pending, or when no write was possible)
   * @param detail where it was written or why not; {@code null} while pending
   * @param at when the outcome was recorded; {@code null} while pending
   */
  public record Write(String status, int attempts, String detail, Instant at) {

    static Write of(SetpointWrite w) {
      return new Write(lower(w.status().name()), w.attempts(), w.detail(), w.at());
    }

    static Write pending() {
      return new Write(lower(SetpointWrite.Status.PENDING.name()), 0, null, null);
    }
  }

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
      SetpointWrite w = view.writes().get(e.getKey());
      changes.put(
          e.getKey(),
          new SetpointChange(
              r.value(),
              lower(r.origin().name()),
              r.requestedBy(),
              r.reason(),
              r.at(),
              w == null ? Write.pending() : Write.of(w)));
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
