package io.vitrum.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vitrum.core.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs HS256 tokens with the local secret: the dev token, and tokens for tests and load
 * generators. Production tokens come from the OIDC issuer, not from here.
 */
public final class TokenIssuer {
  private final MACSigner signer;
  private final AuthSettings settings;
  private final Clock clock;

  public TokenIssuer(HsSecret secret, AuthSettings settings, Clock clock) {
    try {
      this.signer = new MACSigner(secret.bytes());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable HS256 secret", e);
    }
    this.settings = settings;
    this.clock = clock;
  }

  /** A token for {@code subject} with {@code roles}, seeing {@code furnaces} ("*" for all). */
  public String issue(
      String subject, Collection<Role> roles, Collection<String> furnaces, Duration ttl) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(settings.audience())
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .claim(settings.rolesClaim(), roles.stream().map(Role::wireName).toList())
            .claim(settings.furnacesClaim(), List.copyOf(furnaces))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }
}
