package io.vitrum.http.auth;

import io.vitrum.core.plant.TagId;
import io.vitrum.core.security.Principal;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.routes.RouteTemplate;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Serves one {@link Endpoint}: matches its method, names its template for the metrics, and lets the
 * caller through only when the endpoint's furnace is in the caller's scope (else 404, as if it did
 * not exist) and the caller holds one of its roles (else 403). The endpoint and caller are recorded
 * on the request before that check, so the audit trail sees refused attempts as well.
 */
public final class Access {
  /** The authenticated caller, put on the request by {@link Guard}. */
  public static final AttributeKey<Principal> PRINCIPAL =
      AttributeKey.create("vitrum-principal", Principal.class);

  /** Where the grant of a request is recorded; put on the request by {@link Guard}. */
  public static final AttributeKey<GrantSlot> GRANT =
      AttributeKey.create("vitrum-grant", GrantSlot.class);

  private Access() {}

  /**
   * Serves {@code endpoint} for the object {@code id} of the path (a furnace id or a tag, as its
   * scope says; ignored for plant-wide endpoints) with {@code inner}, given the caller.
   */
  public static Route serve(Endpoint endpoint, String id, Function<Principal, Route> inner) {
    return RouteTemplate.named(
        endpoint.template(),
        () ->
            Directives.method(
                HttpMethods.lookup(endpoint.method()).orElseThrow(),
                () ->
                    Directives.extractRequest(
                        request -> {
                          Principal principal =
                              request
                                  .getAttribute(PRINCIPAL)
                                  .orElseThrow(() -> new ProblemException(unauthenticated()));
                          Optional<String> furnace = furnaceOf(endpoint, id);
                          // Recorded first, so that refused attempts are audited too.
                          Grant grant = new Grant(endpoint, principal, furnace);
                          request.getAttribute(GRANT).ifPresent(slot -> slot.set(grant));
                          authorize(endpoint, principal, furnace, id);
                          return inner.apply(principal);
                        })));
  }

  /** Serves a plant-wide {@code endpoint} (no id in its path). */
  public static Route serve(Endpoint endpoint, Function<Principal, Route> inner) {
    return serve(endpoint, null, inner);
  }

  private static Optional<String> furnaceOf(Endpoint endpoint, String id) {
    return switch (endpoint.scope()) {
      case FURNACE -> Optional.of(id);
      case SENSOR -> Optional.of(TagId.furnaceOf(id));
      case PLANT, EVERY_FURNACE -> Optional.empty();
    };
  }

  private static void authorize(
      Endpoint endpoint, Principal principal, Optional<String> furnace, String id) {
    if (furnace.isPresent() && !principal.sees(furnace.get())) {
      throw new ProblemException(notFound(endpoint.scope(), id));
    }
    if (endpoint.scope() == Endpoint.Scope.EVERY_FURNACE && !principal.scope().all()) {
      throw new ProblemException(
          Problem.of(
              403,
              "forbidden",
              "Forbidden",
              "this changes the whole plant: it needs a token for every furnace (furnaces \"*\")"));
    }
    if (!principal.hasAny(endpoint.roles())) {
      throw new ProblemException(
          Problem.of(
              403,
              "forbidden",
              "Forbidden",
              endpoint
                  + " needs one of the roles "
                  + endpoint.roles().stream()
                      .map(r -> r.wireName())
                      .sorted()
                      .collect(Collectors.joining(", "))));
    }
  }

  /**
   * What a caller is told about an object outside its scope: the same as for one that does not
   * exist.
   */
  public static Problem notFound(Endpoint.Scope scope, String id) {
    if (scope == Endpoint.Scope.SENSOR) {
      return Problem.of(
          404, "sensor-not-found", "Sensor not found", "sensor " + id + " is not configured");
    }
    return Problem.of(404, "furnace-not-found", "Furnace not found", "no furnace " + id);
  }

  /** 401: no credentials. */
  public static Problem unauthenticated() {
    return Problem.of(
        401,
        "unauthenticated",
        "Unauthenticated",
        "send a bearer token: Authorization: Bearer <jwt> (locally: ~/.vitrum/dev-token)");
  }

  /** The grant of one request, filled in by the endpoint that served it. */
  public static final class GrantSlot {
    private volatile Grant grant;

    void set(Grant g) {
      this.grant = g;
    }

    /** The grant, if an endpoint served the request. */
    public Optional<Grant> grant() {
      return Optional.ofNullable(grant);
    }
  }
}
