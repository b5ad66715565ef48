package io.vitrum.http.dto;

import io.vitrum.core.plant.FreeText;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision with an optional reason: {@code {}} or {@code {"reason":"..."}} (approving or
 * rejecting a recommendation, rolling a policy back).
 */
public record ReasonRequest(String reason) implements ValidatedRequest {
  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.text(reason, FreeText.REASON_MAX, "reason", errors);
    return errors;
  }
}
