package io.vitrum.http.dto;

import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.twin.SetpointChange;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Setpoint changes for the twin, named so that nobody confuses the two kinds: {@code changes} are
 * deltas from the setpoints in force ({@code {"crownTemperature":50}} means +50 °C), {@code
 * absolute} are target values ({@code {"crownTemperature":1610}}). {@code horizonMinutes} is used
 * by what-ifs and ignored by shadow runs.
 */
public record SetpointChangesRequest(
    Map<String, Double> changes, Map<String, Double> absolute, Integer horizonMinutes) {

  /** Longest what-if horizon: one week. */
  public static final int MAX_HORIZON_MINUTES = 7 * 24 * 60;

  /** Field problems; {@code needsHorizon} for what-ifs. */
  public List<FieldError> validate(boolean needsHorizon) {
    List<FieldError> errors = new ArrayList<>();
    check("changes", changes, errors);
    check("absolute", absolute, errors);
    if (size(changes) + size(absolute) == 0) {
      errors.add(new FieldError("changes", "name at least one setpoint in changes or absolute"));
    }
    if (needsHorizon) {
      if (horizonMinutes == null) {
        errors.add(new FieldError("horizonMinutes", "is required"));
      } else if (horizonMinutes < 1 || horizonMinutes > MAX_HORIZON_MINUTES) {
        errors.add(
            new FieldError("horizonMinutes", "must be between 1 and " + MAX_HORIZON_MINUTES));
      }
    }
    return errors;
  }

  /** The changes as the twin takes them, deltas first. */
  public List<SetpointChange> toChanges() {
    List<SetpointChange> list = new ArrayList<>();
    if (changes != null) {
      changes.forEach(
          (k, v) -> list.add(SetpointChange.delta(SetpointParameter.byKey(k).orElseThrow(), v)));
    }
    if (absolute != null) {
      absolute.forEach(
          (k, v) -> list.add(SetpointChange.absolute(SetpointParameter.byKey(k).orElseThrow(), v)));
    }
    return list;
  }

  private static int size(Map<String, Double> map) {
    return map == null ? 0 : map.size();
  }

  private static void check(String field, Map<String, Double> values, List<FieldError> errors) {
    if (values == null) {
      return;
    }
    values.forEach(
        (k, v) -> {
          if (SetpointParameter.byKey(k).isEmpty()) {
            errors.add(new FieldError(field + "." + k, "is not a setpoint parameter"));
          } else if (v == null || !Double.isFinite(v)) {
            errors.add(new FieldError(field + "." + k, "must be a finite number"));
          }
        });
  }
}
