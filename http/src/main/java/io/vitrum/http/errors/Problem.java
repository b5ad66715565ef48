package io.vitrum.http.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 7807 problem document. {@code code} is the stable, machine-readable error code that
 * integrators branch on; {@code type} is derived from it. {@code errors} lists field-level
 * problems, {@code rejected} the readings that were refused, when there are any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String code,
    String detail,
    String instance,
    String correlationId,
    List<FieldError> errors,
    List<?> rejected) {

  /** One problem with one field of a request, e.g. {@code readings[2].value}. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String code, String title, String detail) {
    return new Problem(
        "urn:vitrum:problem:" + code, title, status, code, detail, null, null, null, null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(
        type, title, status, code, detail, instance, correlationId, fieldErrors, rejected);
  }

  public Problem withRejected(List<?> rejectedItems) {
    return new Problem(
        type, title, status, code, detail, instance, correlationId, errors, rejectedItems);
  }

  Problem at(String path, String correlation) {
    return new Problem(type, title, status, code, detail, path, correlation, errors, rejected);
  }
}
