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

  /**
   * This problem with unpaired UTF-16 surrogates in its texts replaced by U+FFFD: details may quote
   * what a client sent (a field name, a value), and a problem document must be well-formed Unicode.
   */
  Problem withWellFormedText() {
    boolean clean =
        wellFormed(title) == title
            && wellFormed(detail) == detail
            && wellFormed(instance) == instance
            && (errors == null
                || errors.stream()
                    .allMatch(
                        e ->
                            wellFormed(e.field()) == e.field()
                                && wellFormed(e.message()) == e.message()));
    if (clean) {
      return this;
    }
    List<FieldError> cleanErrors =
        errors == null
            ? null
            : errors.stream()
                .map(e -> new FieldError(wellFormed(e.field()), wellFormed(e.message())))
                .toList();
    return new Problem(
        type,
        wellFormed(title),
        status,
        code,
        wellFormed(detail),
        wellFormed(instance),
        correlationId,
        cleanErrors,
        rejected);
  }

  /** {@code text} with each unpaired surrogate replaced by U+FFFD; the same instance if none. */
  static String wellFormed(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder clean = null;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < length
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (clean != null) {
          clean.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (clean == null) {
          clean = new StringBuilder(length).append(text, 0, i);
        }
        clean.append('\uFFFD');
      } else if (clean != null) {
        clean.append(c);
      }
    }
    return clean == null ? text : clean.toString();
  }
}
