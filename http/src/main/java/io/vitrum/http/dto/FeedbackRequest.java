package io.vitrum.http.dto;

import io.vitrum.core.plant.FreeText;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/incidents/{id}/feedback}: {@code {"cause":"lehr-fan-failure","confirmed":true,
 * "comment":"fan 3 found stopped"}}.
 */
public record FeedbackRequest(String cause, Boolean confirmed, String comment)
    implements ValidatedRequest {

  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(cause, "cause", errors);
    Validation.required(confirmed, "confirmed", errors);
    Validation.text(comment, FreeText.REASON_MAX, "comment", errors);
    return errors;
  }
}
