package io.vitrum.http.dto;

import io.vitrum.core.plant.FurnaceId;
import io.vitrum.http.errors.Problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/pipeline/process}: {@code {"furnace":"F1","readings":[{"tag":"F1.crown.T1",
 * "ts":"2026-12-01T10:00:00Z","value":1520.5}, ...]}}, readings in the MQTT/Kafka JSON shape
 * ({@code unit} and {@code quality} are accepted and not used).
 */
public record PipelineProcessRequest(String furnace, List<Reading> readings)
    implements ValidatedRequest {
  /** Most readings in one request (about six hours of one furnace at 1 Hz ... of a few tags). */
  public static final int MAX_READINGS = 200_000;

  /** One reading. */
  public record Reading(String tag, Instant ts, Double value, String unit, String quality) {}

  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(furnace, "furnace", errors);
    if (furnace != null && !FurnaceId.isValid(furnace)) {
      errors.add(new FieldError("furnace", "is not a furnace id"));
    }
    Validation.required(readings, "readings", errors);
    if (readings == null) {
      return errors;
    }
    if (readings.isEmpty() || readings.size() > MAX_READINGS) {
      errors.add(new FieldError("readings", "needs 1 to " + MAX_READINGS + " readings"));
    }
    for (int i = 0; i < readings.size() && errors.size() < 20; i++) {
      Reading r = readings.get(i);
      String at = "readings[" + i + "]";
      if (r == null || r.tag() == null || r.ts() == null || r.value() == null) {
        errors.add(new FieldError(at, "needs tag, ts and value"));
      } else if (furnace != null && !r.tag().startsWith(furnace + ".")) {
        errors.add(new FieldError(at + ".tag", r.tag() + " is not a tag of " + furnace));
      } else if (!Double.isFinite(r.value())) {
        errors.add(new FieldError(at + ".value", "must be a finite number"));
      }
    }
    return errors;
  }
}
