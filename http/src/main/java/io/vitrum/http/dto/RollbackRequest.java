package io.vitrum.http.dto;

import io.vitrum.core.plant.FreeText;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/models/{name}/rollback}: {@code {"reason":"..."}}. */
public record RollbackRequest(String reason) implements ValidatedRequest {
  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(reason, "reason", errors);
    Validation.text(reason, FreeText.REASON_MAX, "reason", errors);
    return errors;
  }
}
