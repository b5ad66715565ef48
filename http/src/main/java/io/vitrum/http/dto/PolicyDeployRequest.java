package io.vitrum.http.dto;

import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.FreeText;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/policies/{furnace}/deploy}: {@code {"mode":"autonomous"}}, optionally the {@code
 * version} (default: the latest), {@code force} (deploy one that missed the goal) and a {@code
 * reason}.
 */
public record PolicyDeployRequest(String mode, String version, Boolean force, String reason)
    implements ValidatedRequest {

  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(mode, "mode", errors);
    Validation.text(reason, FreeText.REASON_MAX, "reason", errors);
    Validation.text(version, FreeText.NAME_MAX, "version", errors);
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
