package io.vitrum.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.vitrum.core.security.FurnaceScope;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies bearer tokens and turns them into principals. Only signed tokens are accepted, and only
 * with the algorithms of the configured mode ({@code alg: none}, or an HS256 token signed with a
 * public key, is refused); {@code iss}, {@code aud}, {@code sub} and {@code exp} are required and
 * checked, with the configured clock skew. Thread-safe.
 *
 * <p>In {@code jwks} mode the issuer's key set is fetched on first use, cached for {@code
 * jwks-cache-ttl} and refreshed ahead of expiry; a token whose {@code kid} is not in the cached set
 * makes it fetch the set again, so a rotated key is picked up at once.
 */
public final class TokenVerifier {
  private static final Set<String> REQUIRED = Set.of("sub", "exp");

  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final String rolesClaim;
  private final String furnacesClaim;

  private TokenVerifier(JWSVerificationKeySelector<SecurityContext> keys, AuthSettings settings) {
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            settings.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            REQUIRED);
    claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(keys);
    p.setJWTClaimsSetVerifier(claims);
    this.processor = p;
    this.rolesClaim = settings.rolesClaim();
    this.furnacesClaim = settings.furnacesClaim();
  }

  /** The verifier that {@code settings} describe; in {@code hs256} mode with {@code secret}. */
  public static TokenVerifier create(AuthSettings settings, HsSecret secret) {
    return switch (settings.mode()) {
      case HS256 ->
          new TokenVerifier(
              new JWSVerificationKeySelector<>(
                  JWSAlgorithm.HS256, new ImmutableSecret<>(secret.bytes())),
              settings);
      case JWKS -> new TokenVerifier(jwksKeys(settings), settings);
    };
  }

  private static JWSVerificationKeySelector<SecurityContext> jwksKeys(AuthSettings settings) {
    JWKSource<SecurityContext> source;
    try {
      long ttl = settings.jwksCacheTtl().toMillis();
      source =
          JWKSourceBuilder.<SecurityContext>create(
                  settings
                      .jwksUri()
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "vitrum.auth.mode = jwks needs vitrum.auth.jwks-uri"))
                      .toURL())
              .cache(ttl, Math.min(ttl, 15_000))
              .refreshAheadCache(true)
              .rateLimited(false)
              .retrying(true)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("vitrum.auth.jwks-uri is not a URL", e);
    }
    return new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), source);
  }

  /** The principal {@code token} stands for. */
  public Principal verify(String token) throws InvalidTokenException {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw new InvalidTokenException("the token is not a well-formed JWT");
    } catch (BadJOSEException e) {
      throw new InvalidTokenException(reason(e));
    } catch (JOSEException e) {
      throw new InvalidTokenException("the token's signature could not be checked");
    }
    try {
      return new Principal(
          claims.getSubject(),
          roles(claims.getStringListClaim(rolesClaim)),
          scope(claims.getClaim(furnacesClaim)),
          claims.getExpirationTime().toInstant());
    } catch (ParseException e) {
      throw new InvalidTokenException("claim '" + rolesClaim + "' is not a list of role names");
    }
  }

  /** A reason that tells the caller what is wrong without helping to forge a token. */
  private static String reason(BadJOSEException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("xpired")) {
      return "the token has expired";
    }
    if (m.contains("nsecured") || m.contains("plain")) {
      return "unsigned tokens (alg none) are not accepted";
    }
    if (m.contains("missing required claims")) {
      return "the token lacks a required claim (sub, exp)";
    }
    if (m.contains(" aud ")) {
      return "the token is not for this audience";
    }
    if (m.contains(" iss ")) {
      return "the token is not from the trusted issuer";
    }
    if (m.contains("before use time") || m.contains("nbf")) {
      return "the token is not valid yet";
    }
    return "the token's signature or algorithm is not accepted";
  }

  private static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names != null) {
      names.forEach(n -> Role.parse(n).ifPresent(roles::add));
    }
    return roles;
  }

  private static FurnaceScope scope(Object claim) throws InvalidTokenException {
    if (claim == null) {
      return FurnaceScope.only(Set.of());
    }
    if (claim instanceof String s) {
      return FurnaceScope.only(Set.of(s.split(",")));
    }
    if (claim instanceof List<?> list) {
      Set<String> furnaces = new HashSet<>();
      for (Object o : list) {
        furnaces.add(String.valueOf(o));
      }
      return FurnaceScope.only(furnaces);
    }
    throw new InvalidTokenException("the furnaces claim is not a list of furnace ids");
  }
}
