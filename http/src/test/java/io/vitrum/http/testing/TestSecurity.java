package io.vitrum.http.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.core.security.FurnaceScope;
import io.vitrum.core.security.Role;
import io.vitrum.http.audit.AuditTrail;
import io.vitrum.http.auth.AuthSettings;
import io.vitrum.http.auth.HsSecret;
import io.vitrum.http.auth.Security;
import io.vitrum.http.auth.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The tests' security: one random HS256 secret per JVM, the node's default auth settings, and
 * tokens signed with that secret for any roles and furnaces.
 */
public final class TestSecurity {
  private static final HsSecret SECRET = HsSecret.random();
  private static final AuthSettings SETTINGS = AuthSettings.create(ConfigFactory.load());
  private static final TokenIssuer ISSUER = new TokenIssuer(SECRET, SETTINGS, Clock.systemUTC());

  private TestSecurity() {}

  /** The security of a test node configured by {@code config}, auditing into {@code audit}. */
  public static Security create(Config config, AuditTrail audit) {
    return Security.create(
        config, AuthSettings.create(config), Optional.of(SECRET), audit, Clock.systemUTC());
  }

  /** The secret the tests' tokens are signed with. */
  public static HsSecret secret() {
    return SECRET;
  }

  /** A token of {@code subject} with {@code role} for every furnace. */
  public static String token(String subject, Role role) {
    return token(subject, List.of(role), List.of(FurnaceScope.EVERY));
  }

  /** A token of {@code subject} with {@code roles} for {@code furnaces} ("*" for all). */
  public static String token(String subject, List<Role> roles, List<String> furnaces) {
    return ISSUER.issue(subject, roles, furnaces, Duration.ofHours(1));
  }

  /** An admin token for every furnace: what the test clients send by default. */
  public static String admin() {
    return token("test-admin", Role.ADMIN);
  }
}
