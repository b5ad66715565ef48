package io.vitrum.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Token verification in both modes: what is accepted, and each way a token is refused (expired,
 * another issuer or audience, unsigned, tampered, signed with another key or algorithm, missing
 * claims); in JWKS mode against a real HTTP JWKS endpoint, with key rotation.
 */
class TokenVerifierTest {
  private static final Config DEFAULTS = ConfigFactory.load();
  private static final AuthSettings HS = AuthSettings.create(DEFAULTS);
  private static final HsSecret SECRET = HsSecret.random();
  private static final TokenVerifier VERIFIER = TokenVerifier.create(HS, SECRET);

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(HS.issuer())
        .audience(HS.audience())
        .subject("alice")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("roles", List.of("operator", "nonsense"))
        .claim("furnaces", List.of("F1", "F2"));
  }

  private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet c)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), c);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String hs(JWTClaimsSet c) throws Exception {
    return sign(new MACSigner(SECRET.bytes()), JWSAlgorithm.HS256, null, c);
  }

  private static String refusal(TokenVerifier verifier, String token) {
    return assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).getMessage();
  }

  @Test
  void aValidTokenGivesItsSubjectRolesAndFurnaces() throws Exception {
    Principal p = VERIFIER.verify(hs(claims().build()));
    assertEquals("alice", p.subject());
    assertEquals(Set.of(Role.OPERATOR), p.roles(), "unknown role names are ignored");
    assertTrue(p.sees("F2"));
    assertFalse(p.sees("F3"));
    assertFalse(p.scope().all());
  }

  @Test
  void theIssuersOwnTokensRoundTrip() throws Exception {
    TokenIssuer issuer = new TokenIssuer(SECRET, HS, Clock.systemUTC());
    Principal p =
        VERIFIER.verify(
            issuer.issue("bob", List.of(Role.ADMIN), List.of("*"), Duration.ofMinutes(1)));
    assertTrue(p.scope().all());
    assertTrue(p.has(Role.INTEGRATOR));
  }

  @Test
  void expiredTokensAreRefusedBeyondTheClockSkew() throws Exception {
    Instant past = Instant.now().minus(HS.clockSkew()).minusSeconds(5);
    assertEquals(
        "the token has expired",
        refusal(VERIFIER, hs(claims().expirationTime(Date.from(past)).build())));
    // Within the skew it is still accepted.
    Instant recent = Instant.now().minusSeconds(HS.clockSkew().toSeconds() / 2);
    assertEquals(
        "alice", VERIFIER.verify(hs(claims().expirationTime(Date.from(recent)).build())).subject());
  }

  @Test
  void anotherIssuerOrAudienceIsRefused() throws Exception {
    assertEquals(
        "the token is not from the trusted issuer",
        refusal(VERIFIER, hs(claims().issuer("https://evil.example").build())));
    assertEquals(
        "the token is not for this audience",
        refusal(VERIFIER, hs(claims().audience("another-app").build())));
  }

  @Test
  void missingSubjectOrExpiryIsRefused() throws Exception {
    assertTrue(refusal(VERIFIER, hs(claims().subject(null).build())).contains("required claim"));
    assertTrue(
        refusal(VERIFIER, hs(claims().expirationTime(null).build())).contains("required claim"));
  }

  @Test
  void unsignedTokensAreRefused() throws Exception {
    String none = new PlainJWT(claims().build()).serialize();
    assertEquals("unsigned tokens (alg none) are not accepted", refusal(VERIFIER, none));
    // A signed token whose header is rewritten to alg none, signature kept.
    String[] parts = hs(claims().build()).split("\\.");
    String header =
        Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)).toString();
    assertThrows(
        InvalidTokenException.class,
        () -> VERIFIER.verify(header + "." + parts[1] + "." + parts[2]));
  }

  @Test
  void tamperedTokensAreRefused() throws Exception {
    String[] parts = hs(claims().build()).split("\\.");
    JWTClaimsSet promoted = claims().claim("roles", List.of("admin")).build();
    String payload =
        Base64URL.encode(promoted.toString().getBytes(StandardCharsets.UTF_8)).toString();
    assertEquals(
        "the token's signature or algorithm is not accepted",
        refusal(VERIFIER, parts[0] + "." + payload + "." + parts[2]));
    // A flipped signature.
    String flipped =
        parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
    assertEquals(
        "the token's signature or algorithm is not accepted",
        refusal(VERIFIER, parts[0] + "." + parts[1] + "." + flipped));
    assertEquals("the token is not a well-formed JWT", refusal(VERIFIER, "not.a.token"));
    // Signed with another secret.
    String other =
        sign(new MACSigner(HsSecret.random().bytes()), JWSAlgorithm.HS256, null, claims().build());
    assertEquals("the token's signature or algorithm is not accepted", refusal(VERIFIER, other));
  }

  @Test
  void jwksModeVerifiesRs256AndEs256AndPicksUpARotatedKeyAtOnce() throws Exception {
    RSAKey rsa1 = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    RSAKey rsa2 = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
    AtomicReference<List<JWK>> published = new AtomicReference<>(List.of(rsa1, ec));
    AtomicInteger fetches = new AtomicInteger();
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext(
        "/jwks",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body =
              new JWKSet(published.get())
                  .toPublicJWKSet()
                  .toString()
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    jwks.start();
    try {
      Config config =
          ConfigFactory.parseString(
                  "vitrum.auth { mode = jwks, issuer = \"https://idp.example\", jwks-uri = \"http://127.0.0.1:"
                      + jwks.getAddress().getPort()
                      + "/jwks\" }")
              .withFallback(DEFAULTS)
              .resolve();
      AuthSettings settings = AuthSettings.create(config);
      TokenVerifier verifier = TokenVerifier.create(settings, null);
      JWTClaimsSet c = claims().issuer("https://idp.example").build();

      assertEquals(
          "alice",
          verifier.verify(sign(new RSASSASigner(rsa1), JWSAlgorithm.RS256, "rsa-1", c)).subject());
      assertEquals(
          "alice",
          verifier.verify(sign(new ECDSASigner(ec), JWSAlgorithm.ES256, "ec-1", c)).subject());
      assertEquals(1, fetches.get(), "keys are cached");

      // The issuer rotates: rsa-2 replaces rsa-1. A token with the new kid makes the set refetch.
      published.set(List.of(rsa2, ec));
      assertEquals(
          "alice",
          verifier.verify(sign(new RSASSASigner(rsa2), JWSAlgorithm.RS256, "rsa-2", c)).subject());
      assertEquals(2, fetches.get());

      // A token of an unknown key, an HS256 token (the old secret) and one signed with the JWKS
      // public key as an HMAC secret (algorithm confusion) are all refused.
      RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
      assertThrows(
          InvalidTokenException.class,
          () -> verifier.verify(sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "rsa-1", c)));
      assertThrows(InvalidTokenException.class, () -> verifier.verify(hs(c)));
      byte[] publicAsSecret = rsa2.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
      assertThrows(
          InvalidTokenException.class,
          () ->
              verifier.verify(sign(new MACSigner(publicAsSecret), JWSAlgorithm.HS256, "rsa-2", c)));
      // The issuer still matters in JWKS mode.
      assertThrows(
          InvalidTokenException.class,
          () ->
              verifier.verify(
                  sign(new RSASSASigner(rsa2), JWSAlgorithm.RS256, "rsa-2", claims().build())));
    } finally {
      jwks.stop(0);
    }
  }

  @Test
  void theSecretNeverShowsInText() {
    assertEquals("HsSecret(****)", SECRET.toString());
  }
}
