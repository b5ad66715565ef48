package io.vitrum.http.auth;

import com.typesafe.config.Config;
import io.vitrum.config.HomePaths;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How tokens are verified, from {@code vitrum.auth}.
 *
 * @param mode {@code hs256} (a shared secret: the local profile's) or {@code jwks} (an OIDC
 *     issuer's published keys, RS256 or ES256)
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must include
 * @param secretFile the HS256 secret (at least 32 bytes); in {@code hs256} mode
 * @param generateSecret whether a missing secret file is created with 32 random bytes (local)
 * @param jwksUri the issuer's JWKS document; in {@code jwks} mode
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param rolesClaim the claim holding the caller's roles (a list of role names)
 * @param furnacesClaim the claim holding the furnaces the caller may see ({@code "*"} for all)
 * @param devToken where the local profile writes an admin token, when it does
 * @param devTokenTtl how long that token is valid
 */
public record AuthSettings(
    Mode mode,
    String issuer,
    String audience,
    Path secretFile,
    boolean generateSecret,
    Optional<URI> jwksUri,
    Duration jwksCacheTtl,
    Duration clockSkew,
    String rolesClaim,
    String furnacesClaim,
    Optional<Path> devToken,
    Duration devTokenTtl) {

  /** How tokens are signed. */
  public enum Mode {
    HS256,
    JWKS
  }

  public static AuthSettings create(Config config) {
    Config c = config.getConfig("vitrum.auth");
    String jwks = c.getString("jwks-uri");
    String devToken = c.getString("dev-token.file");
    return new AuthSettings(
        Mode.valueOf(c.getString("mode").toUpperCase(java.util.Locale.ROOT)),
        c.getString("issuer"),
        c.getString("audience"),
        HomePaths.expand(c.getString("hs256.secret-file")),
        c.getBoolean("hs256.generate-secret"),
        jwks.isBlank() ? Optional.empty() : Optional.of(URI.create(jwks)),
        c.getDuration("jwks-cache-ttl"),
        c.getDuration("clock-skew"),
        c.getString("roles-claim"),
        c.getString("furnaces-claim"),
        devToken.isBlank() ? Optional.empty() : Optional.of(HomePaths.expand(devToken)),
        c.getDuration("dev-token.ttl"));
  }
}
