package io.vitrum.http.dto;

import io.vitrum.core.plant.FreeText;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.List;

/** Field checks shared by the request bodies. */
final class Validation {
  private Validation() {}

  static void required(Object value, String field, List<FieldError> errors) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.add(new FieldError(field, "is required"));
    }
  }

  static void finiteIfPresent(Double value, String field, List<FieldError> errors) {
    if (value != null && !Double.isFinite(value)) {
      errors.add(new FieldError(field, "must be a finite number"));
    }
  }

  /** Free text that an entity will persist: bounded and well-formed (see {@link FreeText}). */
  static void text(String value, int max, String field, List<FieldError> errors) {
    FreeText.problem(value, max).ifPresent(problem -> errors.add(new FieldError(field, problem)));
  }
}
