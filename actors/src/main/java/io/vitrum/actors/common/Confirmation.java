package io.vitrum.actors.common;

import io.vitrum.core.CborSerializable;

/**
 * The typed reply to a command that changes an entity: accepted (and persisted, if it changed
 * anything) or rejected with a stable machine-readable code and a reason for people. Rejections are
 * expected business outcomes, never exceptions.
 */
public sealed interface Confirmation extends CborSerializable {

  /** The command was applied (or was already in effect: commands are idempotent). */
  record Accepted(String detail) implements Confirmation {}

  /** The command was refused; nothing was persisted. */
  record Rejected(String code, String reason) implements Confirmation {}

  static Confirmation accepted(String detail) {
    return new Accepted(detail);
  }

  static Confirmation rejected(String code, String reason) {
    return new Rejected(code, reason);
  }
}
