package io.vitrum.http.dto;

import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.FreeText;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code PUT /api/furnaces/{id}/autonomy}: {@code {"mode":"supervised","reason":"..."}}. */
public record AutonomyModeRequest(String mode, String reason) implements ValidatedRequest {

  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(mode, "mode", errors);
    Validation.required(reason, "reason", errors);
    Validation.text(reason, FreeText.REASON_MAX, "reason", errors);
    if (mode != null
        && Arrays.stream(AutonomyMode.values()).noneMatch(m -> m.name().equalsIgnoreCase(mode))) {
      errors.add(new FieldError("mode", "must be one of advisory, supervised, autonomous"));
    }
    return errors;
  }

  public AutonomyMode toMode() {
    return AutonomyMode.valueOf(mode.toUpperCase(Locale.ROOT));
  }
}
