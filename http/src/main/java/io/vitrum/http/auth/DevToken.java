package io.vitrum.http.auth;

import io.vitrum.core.security.FurnaceScope;
import io.vitrum.core.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The local profile's admin token: signed with the local secret for every furnace, written where
 * {@code vitrum.auth.dev-token.file} says (default {@code ~/.vitrum/dev-token}), readable only by
 * its owner.
 */
public final class DevToken {
  /** The subject of the dev token, as the audit trail names it. */
  public static final String SUBJECT = "dev-admin";

  private DevToken() {}

  /** Writes the token when the settings ask for one and can sign it; returns where. */
  public static Optional<Path> write(Security security) {
    Optional<Path> file = security.settings().devToken();
    if (file.isEmpty() || security.issuer().isEmpty()) {
      return Optional.empty();
    }
    String token =
        security
            .issuer()
            .get()
            .issue(
                SUBJECT,
                List.of(Role.ADMIN),
                List.of(FurnaceScope.EVERY),
                security.settings().devTokenTtl());
    try {
      HsSecret.writePrivately(file.get(), token + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dev token " + file.get(), e);
    }
    return file;
  }
}
