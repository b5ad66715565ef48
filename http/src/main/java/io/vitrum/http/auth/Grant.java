package io.vitrum.http.auth;

import io.vitrum.core.security.Principal;
import java.util.Optional;

/**
 * The endpoint {@link Access} matched for one request, the caller and the furnace concerned (empty
 * for plant-wide endpoints), whether the call was then allowed or refused. The outer layer reads it
 * to audit the call.
 */
public record Grant(Endpoint endpoint, Principal principal, Optional<String> furnace) {}
