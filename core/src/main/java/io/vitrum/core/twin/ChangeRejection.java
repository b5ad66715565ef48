package io.vitrum.core.twin;

/**
 * Why a set of setpoint changes was refused.
 *
 * @param code stable machine-readable code: {@code not-finite}, {@code out-of-bounds}, {@code
 *     duplicate-parameter}, {@code missing-parameter} or {@code horizon-invalid}
 * @param reason a sentence for the operator naming the parameter, value and bounds
 */
public record ChangeRejection(String code, String reason) {
  public ChangeRejection {
    if (code == null || reason == null) {
      throw new IllegalArgumentException("code and reason are required");
    }
  }
}
