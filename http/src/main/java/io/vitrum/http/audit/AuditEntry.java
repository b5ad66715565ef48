package io.vitrum.http.audit;

import java.time.Instant;
import java.util.List;

/**
 * One audited call.
 *
 * @param at when it was answered
 * @param id unique id of the entry
 * @param actor the caller's subject
 * @param roles the caller's roles
 * @param furnace the furnace concerned, or {@link #PLANT} for plant-wide calls
 * @param action method and path template, e.g. {@code POST /api/furnaces/{id}/setpoints}
 * @param path the request path
 * @param status the HTTP status answered
 * @param outcome {@code ok}, or the problem code of the answer
 * @param correlationId the request's correlation id
 */
public record AuditEntry(
    Instant at,
    String id,
    String actor,
    List<String> roles,
    String furnace,
    String action,
    String path,
    int status,
    String outcome,
    String correlationId) {
  /** The furnace of plant-wide entries. */
  public static final String PLANT = "*";

  public AuditEntry {
    roles = List.copyOf(roles);
  }
}
