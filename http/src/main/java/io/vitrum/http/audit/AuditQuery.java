package io.vitrum.http.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which entries to return: those answered in {@code [from, to)}, optionally of one furnace and one
 * actor, newest first, at most {@code limit}.
 */
public record AuditQuery(
    Optional<String> furnace, Optional<String> actor, Instant from, Instant to, int limit) {

  /** Whether {@code e} is selected (the time range and the filters). */
  public boolean matches(AuditEntry e) {
    return !e.at().isBefore(from)
        && e.at().isBefore(to)
        && furnace.map(f -> f.equals(e.furnace())).orElse(true)
        && actor.map(a -> a.equals(e.actor())).orElse(true);
  }
}
