package io.vitrum.http.dto;

import io.vitrum.core.plant.FreeText;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/furnaces/{id}/setpoints}: {@code
 * {"parameter":"crownTemperature","value":1580,"reason":"..."}}.
 */
public record SetpointRequest(String parameter, Double value, String reason)
    implements ValidatedRequest {

  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(parameter, "parameter", errors);
    Validation.required(value, "value", errors);
    Validation.finiteIfPresent(value, "value", errors);
    Validation.required(reason, "reason", errors);
    Validation.text(reason, FreeText.REASON_MAX, "reason", errors);
    return errors;
  }
}
