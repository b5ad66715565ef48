package io.vitrum.http.dto;

import io.vitrum.http.errors.Problem.FieldError;
import java.util.List;

/** A request body that knows what is wrong with its own fields. */
public interface ValidatedRequest {
  /** Field-level problems; empty when the request is well-formed. */
  List<FieldError> validate();
}
