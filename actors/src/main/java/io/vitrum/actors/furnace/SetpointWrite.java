package io.vitrum.actors.furnace;

import io.vitrum.core.CborSerializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of writing one accepted setpoint change to the plant. A change is identified by its
 * value and the instant the furnace accepted it ({@link SetpointRecord#value()}, {@link
 * SetpointRecord#at()}): an outcome for any other change is not this parameter's current one.
 *
 * @param value the value of the change written
 * @param changedAt when the furnace accepted the change
 * @param status written, failed, or pending while no outcome of the current change is known
 * @param attempts how many writes were tried (0 when none could be: no target in the tag map, no
 *     writer for its protocol; 0 while pending)
 * @param detail what happened, e.g. the plant's last error; {@code null} while pending
 * @param at when the furnace recorded the outcome; {@code null} while pending
 */
public record SetpointWrite(
    double value, Instant changedAt, Status status, int attempts, String detail, Instant at)
    implements CborSerializable {

  /** Where the write of a change stands. Only WRITTEN and FAILED are ever persisted. */
  public enum Status {
    PENDING,
    WRITTEN,
    FAILED
  }

  /** The outcome of {@code change} before anyone recorded one. */
  static SetpointWrite pending(SetpointRecord change) {
    return new SetpointWrite(change.value(), change.at(), Status.PENDING, 0, null, null);
  }

  /** Whether this is an outcome of {@code change}. */
  boolean isFor(SetpointRecord change) {
    return change != null
        && changedAt != null
        && changedAt.equals(change.at())
        && Double.compare(value, change.value()) == 0;
  }

  /** Whether {@code other} says the same as this about the same change, whenever recorded. */
  boolean sameOutcome(SetpointWrite other) {
    return other != null
        && Double.compare(value, other.value) == 0
        && Objects.equals(changedAt, other.changedAt)
        && status == other.status
        && attempts == other.attempts
        && Objects.equals(detail, other.detail);
  }
}
