package io.vitrum.core.plant;

import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.util.Optional;

/**
 * Rules for every free-text field an entity persists (reasons, names, units): a bounded length and
 * well-formed Unicode with no control characters other than tab and line breaks. A lone UTF-16
 * surrogate passes JSON parsing but cannot be encoded at persist, so it is refused here, before
 * anything is journaled.
 */
public final class FreeText {
  /** Longest reason for a setpoint change or an autonomy mode change. */
  public static final int REASON_MAX = 1000;

  /** Longest name of a person, policy or system that requests a change. */
  public static final int NAME_MAX = 128;

  /** Longest engineering unit, e.g. {@code degC}. */
  public static final int UNIT_MAX = 32;

  private FreeText() {}

  /** Why {@code value} of {@code field} must be refused ({@code invalid-text}), if it must. */
  public static Optional<Rejection> check(String field, String value, int maxLength) {
    return problem(value, maxLength)
        .map(problem -> Rejection.of(RejectionCode.INVALID_TEXT, field + " " + problem));
  }

  /**
   * {@code value} cut to at most {@link #REASON_MAX} characters (ending in an ellipsis when cut),
   * for texts the engine writes itself from parts of its own (a furnace's answer, an evidence
   * sentence); {@code null} stays {@code null}.
   */
  public static String truncate(String value) {
    if (value == null || value.length() <= REASON_MAX) {
      return value;
    }
    int end = REASON_MAX - 1;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end) + "…";
  }

  /**
   * What is wrong with {@code value} as a free-text field of at most {@code maxLength} characters,
   * or empty when it is acceptable. {@code null} is acceptable: whether a field is required is the
   * caller's rule.
   */
  public static Optional<String> problem(String value, int maxLength) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.length() > maxLength) {
      return Optional.of("must be at most " + maxLength + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("is not well-formed Unicode: a lone surrogate at index " + i);
      } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return Optional.of("must not contain control character U+%04X".formatted((int) c));
      }
    }
    return Optional.empty();
  }
}
