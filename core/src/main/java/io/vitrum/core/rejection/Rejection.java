package io.vitrum.core.rejection;

import io.vitrum.core.CborSerializable;

/**
 * Why something was refused: a stable code and a sentence for people that names the value and the
 * rule it broke. An expected business outcome, never an exception.
 */
public record Rejection(RejectionCode code, String reason) implements CborSerializable {
  public Rejection {
    if (code == null || reason == null) {
      throw new IllegalArgumentException("code and reason are required");
    }
  }

  public static Rejection of(RejectionCode code, String reason) {
    return new Rejection(code, reason);
  }

  /** The class of refusal, from the code. */
  public RejectionKind kind() {
    return code.kind();
  }
}
