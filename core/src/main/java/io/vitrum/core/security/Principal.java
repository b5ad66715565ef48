package io.vitrum.core.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An authenticated caller: who it is, its roles and its furnace scope, from a verified token.
 *
 * @param subject the caller's identity (the token's {@code sub}); what the audit trail names
 * @param roles the roles granted; {@link Role#ADMIN} implies every other
 * @param scope the furnaces the caller may see
 * @param expiresAt when the token stops being valid
 */
public record Principal(String subject, Set<Role> roles, FurnaceScope scope, Instant expiresAt) {
  public Principal {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** Whether the caller holds {@code role}, directly or as an admin. */
  public boolean has(Role role) {
    return roles.contains(role) || roles.contains(Role.ADMIN);
  }

  /** Whether the caller holds at least one of {@code anyOf} (an admin holds all). */
  public boolean hasAny(Set<Role> anyOf) {
    return roles.contains(Role.ADMIN) || anyOf.stream().anyMatch(roles::contains);
  }

  /** Whether the caller may see the furnace {@code furnaceId}. */
  public boolean sees(String furnaceId) {
    return scope.includes(furnaceId);
  }
}
