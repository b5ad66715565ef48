package io.vitrum.http.routes;

import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import io.vitrum.http.audit.AuditEntry;
import io.vitrum.http.audit.AuditQuery;
import io.vitrum.http.audit.AuditTrail;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/audit?furnace=&actor=&from=&to=&limit=}: the audit trail, newest first, for
 * admins; {@code from} and {@code to} are ISO-8601 instants (default: the last 24 hours, at most
 * {@link #MAX_RANGE} apart). Entries of furnaces outside the caller's scope are left out.
 */
public final class AuditRoutes extends AllDirectives {
  static final Endpoint AUDIT = Endpoint.of("GET", "/api/audit", Scope.PLANT, Role.ADMIN);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(AUDIT);

  /** The widest time range one query may cover. */
  public static final Duration MAX_RANGE = Duration.ofDays(31);

  static final int MAX_LIMIT = 1000;

  private final AuditTrail trail;
  private final Clock clock;

  public AuditRoutes(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  public Route routes() {
    return path(
        "audit",
        () ->
            Access.serve(
                AUDIT,
                caller ->
                    parameterMap(
                        params -> onSuccess(trail.find(query(caller, params)), this::reply))));
  }

  private Route reply(List<AuditEntry> entries) {
    return completeOK(Map.of("entries", entries), Jackson.marshaller(Json.mapper()));
  }

  private AuditQuery query(Principal caller, Map<String, String> params) {
    Optional<String> furnace = Optional.ofNullable(params.get("furnace"));
    if (furnace.isPresent() && !FurnaceId.isValid(furnace.get())) {
      throw invalid("furnace '" + furnace.get() + "' is not a furnace id");
    }
    if (furnace.isPresent() && !caller.sees(furnace.get())) {
      throw new ProblemException(Access.notFound(Scope.FURNACE, furnace.get()));
    }
    Instant to = HistoryParameters.instant(params, "to", clock.instant());
    Instant from = HistoryParameters.instant(params, "from", to.minus(Duration.ofDays(1)));
    if (!from.isBefore(to)) {
      throw invalid("from must be before to");
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw invalid("from and to may be at most " + MAX_RANGE.toDays() + " days apart");
    }
    int limit = 100;
    if (params.containsKey("limit")) {
      try {
        limit = Integer.parseInt(params.get("limit"));
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw invalid("limit must be an integer from 1 to " + MAX_LIMIT);
      }
    }
    AuditQuery query =
        new AuditQuery(furnace, Optional.ofNullable(params.get("actor")), from, to, limit);
    return caller.scope().all() || furnace.isPresent() ? query : scoped(query, caller);
  }

  /** A query of a scoped caller without a furnace: one furnace at a time is not needed here. */
  private static AuditQuery scoped(AuditQuery query, Principal caller) {
    // A scoped admin sees only its furnaces' entries: with one furnace, ask for it directly.
    if (caller.scope().furnaces().size() == 1) {
      return new AuditQuery(
          Optional.of(caller.scope().furnaces().iterator().next()),
          query.actor(),
          query.from(),
          query.to(),
          query.limit());
    }
    throw invalid("name the furnace: this token sees " + caller.scope());
  }

  private static ProblemException invalid(String detail) {
    return HistoryParameters.invalid(detail);
  }
}
