package io.vitrum.actors.common;

import io.vitrum.core.CborSerializable;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;

/**
 * The typed reply to a command that changes an entity: accepted (and persisted, if it changed
 * anything) or rejected with a {@link Rejection}. Rejections are expected business outcomes, never
 * exceptions.
 */
public sealed interface Confirmation extends CborSerializable {

  /** The command was applied (or was already in effect: commands are idempotent). */
  record Accepted(String detail) implements Confirmation {}

  /** The command was refused; nothing was persisted. */
  record Rejected(Rejection rejection) implements Confirmation {}

  static Confirmation accepted(String detail) {
    return new Accepted(detail);
  }

  static Confirmation rejected(Rejection rejection) {
    return new Rejected(rejection);
  }

  static Confirmation rejected(RejectionCode code, String reason) {
    return new Rejected(Rejection.of(code, reason));
  }
}
