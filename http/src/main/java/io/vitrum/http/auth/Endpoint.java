package io.vitrum.http.auth;

import io.vitrum.core.security.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * One operation of the API: its method and path template, the roles that may call it and how it is
 * scoped to furnaces. Every route serves its operations through {@link Access#serve}, which checks
 * them; the catalogue of all endpoints ({@link io.vitrum.http.routes.ApiRoutes#endpoints}) is what
 * the OpenAPI document is checked against.
 *
 * @param method HTTP method, upper case
 * @param template path template, e.g. {@code /api/furnaces/{id}/setpoints}
 * @param roles the roles that may call it (an admin may call everything)
 * @param scope how the furnace it concerns is found
 */
public record Endpoint(String method, String template, Set<Role> roles, Scope scope) {
  /** Every role: what reading needs. */
  public static final Set<Role> ANYONE = Set.copyOf(EnumSet.allOf(Role.class));

  public Endpoint {
    roles = Set.copyOf(roles);
  }

  /** Where an endpoint's furnace comes from, and what a caller outside it is told. */
  public enum Scope {
    /** The path's first id is a furnace id: outside the caller's scope it is not found. */
    FURNACE,
    /** The path's first id is a tag, whose first segment is the furnace. */
    SENSOR,
    /** The plant as a whole; what it returns is filtered to the caller's furnaces. */
    PLANT,
    /** The plant as a whole, changed: only callers who see every furnace may call it. */
    EVERY_FURNACE
  }

  public static Endpoint get(String template, Scope scope) {
    return new Endpoint("GET", template, ANYONE, scope);
  }

  public static Endpoint of(String method, String template, Scope scope, Role... roles) {
    return new Endpoint(method, template, Set.of(roles), scope);
  }

  /** Whether calling it changes something: it is audited. */
  public boolean mutating() {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
