package io.vitrum.http.auth;

import com.typesafe.config.Config;
import io.vitrum.http.audit.AuditTrail;
import java.time.Clock;
import java.util.Optional;

/**
 * A node's security, assembled from {@code vitrum.auth} and {@code vitrum.http.rate-limit}: the
 * verifier, the guard in front of the API, and in {@code hs256} mode the issuer that signs with the
 * same secret (for the dev token).
 */
public record Security(
    AuthSettings settings, TokenVerifier verifier, Guard guard, Optional<TokenIssuer> issuer) {

  public static Security create(Config config, AuditTrail audit, Clock clock) {
    AuthSettings settings = AuthSettings.create(config);
    Optional<HsSecret> secret =
        settings.mode() == AuthSettings.Mode.HS256
            ? Optional.of(HsSecret.load(settings.secretFile(), settings.generateSecret()))
            : Optional.empty();
    return create(config, settings, secret, audit, clock);
  }

  /** As {@link #create(Config, AuditTrail, Clock)}, with the HS256 secret given. */
  public static Security create(
      Config config,
      AuthSettings settings,
      Optional<HsSecret> secret,
      AuditTrail audit,
      Clock clock) {
    TokenVerifier verifier = TokenVerifier.create(settings, secret.orElse(null));
    Guard guard =
        new Guard(
            verifier,
            RateLimiter.create(config, "vitrum.http.rate-limit.callers"),
            RateLimiter.create(config, "vitrum.http.rate-limit.failed-authentications"),
            audit,
            clock);
    return new Security(
        settings, verifier, guard, secret.map(s -> new TokenIssuer(s, settings, clock)));
  }
}
