package io.vitrum.http.dto;

import io.vitrum.http.errors.Problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/sensors/{tag}/readings}: {@code
 * {"readings":[{"ts":"2026-11-20T10:00:00Z","value":1520.5}]}}. Shape errors (a missing timestamp
 * or value) fail the whole request; value-level faults (out of range, non-finite) are judged per
 * reading by the sensor, so good readings in the same batch are kept.
 */
public record ReadingsRequest(List<Reading> readings) {

  /** One reading in the request. */
  public record Reading(Instant ts, Double value) {}

  /** Field problems, given the largest batch the API accepts. */
  public List<FieldError> validate(int maxReadings) {
    List<FieldError> errors = new ArrayList<>();
    if (readings == null || readings.isEmpty()) {
      errors.add(new FieldError("readings", "must hold at least one reading"));
      return errors;
    }
    if (readings.size() > maxReadings) {
      errors.add(
          new FieldError("readings", "must hold at most " + maxReadings + " readings per request"));
      return errors;
    }
    for (int i = 0; i < readings.size(); i++) {
      Reading r = readings.get(i);
      if (r == null) {
        errors.add(new FieldError("readings[" + i + "]", "must be an object"));
        continue;
      }
      Validation.required(r.ts(), "readings[" + i + "].ts", errors);
      Validation.required(r.value(), "readings[" + i + "].value", errors);
    }
    return errors;
  }
}
