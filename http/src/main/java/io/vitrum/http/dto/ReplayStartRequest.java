package io.vitrum.http.dto;

import io.vitrum.core.plant.FurnaceId;
import io.vitrum.http.errors.Problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/replay}: {@code {"furnace":"F1","from":"2026-12-01T10:00:00Z",
 * "to":"2026-12-01T12:00:00Z","speed":60}}; {@code speed} is history time per wall-clock time (0:
 * as fast as possible; left out: the node's default).
 */
public record ReplayStartRequest(String furnace, Instant from, Instant to, Double speed)
    implements ValidatedRequest {
  /** The fastest pace one may ask for, short of "as fast as possible". */
  public static final double MAX_SPEED = 1_000_000;

  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(furnace, "furnace", errors);
    if (furnace != null && !FurnaceId.isValid(furnace)) {
      errors.add(new FieldError("furnace", "'" + furnace + "' is not a furnace id"));
    }
    Validation.required(from, "from", errors);
    Validation.required(to, "to", errors);
    if (from != null && to != null && !from.isBefore(to)) {
      errors.add(new FieldError("to", "must be after from"));
    }
    Validation.finiteIfPresent(speed, "speed", errors);
    if (speed != null && (speed < 0 || speed > MAX_SPEED)) {
      errors.add(new FieldError("speed", "must be from 0 (as fast as possible) to " + MAX_SPEED));
    }
    return errors;
  }
}
