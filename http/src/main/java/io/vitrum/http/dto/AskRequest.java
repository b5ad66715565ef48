package io.vitrum.http.dto;

import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/ask}: {@code {"q":"почему выросли пузыри после 14:00?"}}. */
public record AskRequest(String q) implements ValidatedRequest {

  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(q, "q", errors);
    return errors;
  }
}
