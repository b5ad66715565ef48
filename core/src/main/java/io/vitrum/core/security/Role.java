package io.vitrum.core.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do. Roles are granted independently (an integrator is not an operator); {@link
 * #ADMIN} is granted everything.
 *
 * <ul>
 *   <li>{@link #VIEWER}: reads everything in its furnace scope, and the live stream.
 *   <li>{@link #OPERATOR}: runs the furnace: setpoints, autonomy mode, alarm acknowledgements, twin
 *       what-ifs and shadow runs.
 *   <li>{@link #INTEGRATOR}: connects systems: sensor configuration, readings, tag maps, frames,
 *       setpoints.
 *   <li>{@link #ADMIN}: all of the above, the audit trail and cluster operations.
 * </ul>
 */
public enum Role {
  VIEWER,
  OPERATOR,
  INTEGRATOR,
  ADMIN;

  /** The role's name in tokens and documents: lower case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code name} (case-insensitive), if there is one. */
  public static Optional<Role> parse(String name) {
    for (Role role : values()) {
      if (role.wireName().equalsIgnoreCase(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
