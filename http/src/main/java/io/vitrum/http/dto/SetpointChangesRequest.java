package io.vitrum.http.dto;

import io.vitrum.core.plant.SetpointCheck;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.twin.SetpointChange;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Setpoint changes for the twin, named so that nobody confuses the two kinds: {@code changes} are
 * deltas from the setpoints in force ({@code {"crownTemperature":50}} means +50 °C), {@code
 * absolute} are target values ({@code {"crownTemperature":1610}}). {@code horizonMinutes} is used
 * by what-ifs and ignored by shadow runs; its bound is the twin's longest horizon.
 */
public record SetpointChangesRequest(
    Map<String, Double> changes, Map<String, Double> absolute, Integer horizonMinutes) {

  /** Field problems of a what-if, whose horizon may be at most {@code maxHorizonMinutes}. */
  public List<FieldError> validateWhatIf(int maxHorizonMinutes) {
    List<FieldError> errors = validateShadow();
    if (horizonMinutes == null) {
      errors.add(new FieldError("horizonMinutes", "is required"));
    } else if (horizonMinutes < 1 || horizonMinutes > maxHorizonMinutes) {
      errors.add(new FieldError("horizonMinutes", "must be between 1 and " + maxHorizonMinutes));
    }
    return errors;
  }

  /** Field problems of a shadow candidate. */
  public List<FieldError> validateShadow() {
    List<FieldError> errors = new ArrayList<>();
    check("changes", changes, errors);
    check("absolute", absolute, errors);
    if (size(changes) + size(absolute) == 0) {
      errors.add(new FieldError("changes", "name at least one setpoint in changes or absolute"));
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
          Optional<Rejection> unknown = SetpointCheck.known(k);
          if (unknown.isPresent()) {
            errors.add(new FieldError(field + "." + k, unknown.get().reason()));
          } else if (v == null || !Double.isFinite(v)) {
            errors.add(new FieldError(field + "." + k, "must be a finite number"));
          }
        });
  }
}
