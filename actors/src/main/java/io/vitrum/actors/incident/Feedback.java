package io.vitrum.actors.incident;

import io.vitrum.core.CborSerializable;
import java.time.Instant;
import java.util.List;

/**
 * An operator's answer on one cause of an incident.
 *
 * @param cause the cause answered on
 * @param confirmed whether it was confirmed (or rejected)
 * @param edges the keys of the cause's explanation path at the time, which the answer updates
 * @param by who answered
 * @param comment what they said, possibly empty
 * @param at when
 */
public record Feedback(
    String cause, boolean confirmed, List<String> edges, String by, String comment, Instant at)
    implements CborSerializable {

  public Feedback {
    edges = List.copyOf(edges);
  }
}
