package io.vitrum.http.dto;

import io.vitrum.core.plant.FreeText;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/models/{name}/versions}, {@code /promote} and {@code /shadow}: {@code
 * {"version":"2","reason":"..."}}; the reason is required to promote.
 *
 * @param version a version number, whose files lie under {@code models/<name>/<version>/}
 * @param reason why (kept with the change)
 */
public record ModelVersionRequest(String version, String reason) implements ValidatedRequest {
  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(version, "version", errors);
    if (version != null && !version.matches("[1-9][0-9]{0,8}")) {
      errors.add(new FieldError("version", "must be a version number, e.g. 2"));
    }
    Validation.text(reason, FreeText.REASON_MAX, "reason", errors);
    return errors;
  }
}
