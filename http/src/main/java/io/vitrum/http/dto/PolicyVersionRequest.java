package io.vitrum.http.dto;

import io.vitrum.core.plant.FreeText;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/policies/{furnace}/evaluate}: {@code {}} (the latest) or {@code {"version"}}.
 */
public record PolicyVersionRequest(String version) implements ValidatedRequest {
  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.text(version, FreeText.NAME_MAX, "version", errors);
    return errors;
  }
}
