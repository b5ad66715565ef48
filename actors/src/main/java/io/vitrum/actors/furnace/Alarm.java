package io.vitrum.actors.furnace;

import io.vitrum.core.CborSerializable;
import java.time.Instant;

/**
 * An alarm on a furnace. It stays listed while it is active or not yet acknowledged: an alarm that
 * cleared before anyone saw it still waits for an acknowledgement.
 *
 * @param acknowledgedBy who acknowledged it, {@code null} until someone does
 */
public record Alarm(
    String alarmId,
    String source,
    String severity,
    String message,
    Instant raisedAt,
    boolean active,
    String acknowledgedBy,
    Instant acknowledgedAt)
    implements CborSerializable {

  boolean acknowledged() {
    return acknowledgedBy != null;
  }

  Alarm cleared() {
    return new Alarm(
        alarmId, source, severity, message, raisedAt, false, acknowledgedBy, acknowledgedAt);
  }

  Alarm acknowledge(String by, Instant at) {
    return new Alarm(alarmId, source, severity, message, raisedAt, active, by, at);
  }
}
