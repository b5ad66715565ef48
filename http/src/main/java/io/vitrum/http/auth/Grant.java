package io.vitrum.http.auth;

import io.vitrum.core.security.Principal;
import java.util.Optional;

/**
 * What {@link Access} allowed for one request: the endpoint, the caller and the furnace concerned
 * (empty for plant-wide endpoints). The outer layer reads it to audit the call.
 */
public record Grant(Endpoint endpoint, Principal principal, Optional<String> furnace) {}
