package io.vitrum.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import io.vitrum.http.audit.AuditEntry;
import io.vitrum.http.audit.AuditTrail;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.Problems;
import io.vitrum.http.json.Json;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Complete;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.server.RouteResult;
import org.apache.pekko.http.javadsl.server.RouteResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secured part of the API: authenticates every request with its bearer token (401 otherwise,
 * with {@code WWW-Authenticate}), limits the rate per caller and failed authentications per client
 * address (429 with {@code Retry-After}), and audits every mutating call once it is answered: the
 * response leaves only after its audit entry is durable.
 *
 * <p>Deny by default: a request that no {@link Endpoint} served but that was answered with success
 * means a route outside the catalogue; it is answered 500 and logged, so such a route cannot be
 * used before it is declared, documented and covered by the access matrix.
 */
public final class Guard extends AllDirectives {
  private static final Logger log = LoggerFactory.getLogger(Guard.class);
  private static final String BEARER = "bearer ";

  private final TokenVerifier verifier;
  private final RateLimiter callers;
  private final RateLimiter failures;
  private final AuditTrail audit;
  private final Clock clock;

  public Guard(
      TokenVerifier verifier,
      RateLimiter callers,
      RateLimiter failures,
      AuditTrail audit,
      Clock clock) {
    this.verifier = verifier;
    this.callers = callers;
    this.failures = failures;
    this.audit = audit;
    this.clock = clock;
  }

  /** The principal a token stands for: what the WebSocket's {@code auth} message uses too. */
  public TokenVerifier verifier() {
    return verifier;
  }

  /** {@code inner}, for authenticated callers only. */
  public Route secured(Supplier<Route> inner) {
    return extractRequest(
        request ->
            extractClientIP(
                client -> {
                  Optional<String> token = bearer(request);
                  if (token.isEmpty()) {
                    return refuse(request, client, Access.unauthenticated(), "");
                  }
                  Principal principal;
                  try {
                    principal = verifier.verify(token.get());
                  } catch (InvalidTokenException e) {
                    return refuse(
                        request,
                        client,
                        Problem.of(401, "invalid-token", "Invalid token", e.getMessage()),
                        ", error=\"invalid_token\"");
                  }
                  long wait = callers.take(principal.subject());
                  if (wait > 0) {
                    return complete(tooMany(request, wait));
                  }
                  Access.GrantSlot slot = new Access.GrantSlot();
                  Principal caller = principal;
                  return mapRequest(
                      r ->
                          r.addAttribute(Access.PRINCIPAL, caller).addAttribute(Access.GRANT, slot),
                      () ->
                          mapRouteResultFuture(
                              result -> result.thenCompose(r -> audited(request, slot, r)), inner));
                }));
  }

  private Route refuse(HttpRequest request, RemoteAddress client, Problem problem, String error) {
    long wait = failures.take(client.getAddress().map(a -> a.getHostAddress()).orElse("unknown"));
    if (wait > 0) {
      return complete(tooMany(request, wait));
    }
    return complete(
        Problems.response(problem, request)
            .addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"vitrum\"" + error)));
  }

  private static HttpResponse tooMany(HttpRequest request, long waitNanos) {
    long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    return Problems.response(
            Problem.of(
                429,
                "rate-limited",
                "Too many requests",
                "the request rate is limited: retry after " + seconds + " s"),
            request)
        .addHeader(RawHeader.create("Retry-After", Long.toString(seconds)));
  }

  private CompletionStage<RouteResult> audited(
      HttpRequest request, Access.GrantSlot slot, RouteResult result) {
    if (!(result instanceof Complete complete)) {
      return CompletableFuture.completedFuture(result);
    }
    HttpResponse response = complete.getResponse();
    Optional<Grant> grant = slot.grant();
    if (grant.isEmpty()) {
      if (response.status().isSuccess()) {
        log.error(
            "{} {} was answered by a route outside the endpoint catalogue; refused",
            request.method().name(),
            request.getUri().path());
        return CompletableFuture.completedFuture(
            RouteResults.complete(
                Problems.response(
                    Problem.of(
                        500,
                        "unregistered-route",
                        "Internal error",
                        "this route is not declared in the endpoint catalogue"),
                    request)));
      }
      return CompletableFuture.completedFuture(result);
    }
    if (!grant.get().endpoint().mutating()) {
      return CompletableFuture.completedFuture(result);
    }
    AuditEntry entry = entry(request, grant.get(), response);
    return audit
        .record(entry)
        .handle(
            (done, failure) -> {
              if (failure != null) {
                log.error(
                    "Audit entry {} for {} by {} not persisted",
                    entry.id(),
                    entry.action(),
                    entry.actor(),
                    failure);
              }
              return result;
            });
  }

  private AuditEntry entry(HttpRequest request, Grant grant, HttpResponse response) {
    int status = response.status().intValue();
    return new AuditEntry(
        clock.instant(),
        UUID.randomUUID().toString(),
        grant.principal().subject(),
        grant.principal().roles().stream().map(Role::wireName).sorted().toList(),
        grant.furnace().orElse(AuditEntry.PLANT),
        grant.endpoint().toString(),
        request.getUri().path(),
        status,
        status < 400 ? "ok" : problemCode(response.entity(), status),
        Problems.correlationId(request));
  }

  private static String problemCode(HttpEntity entity, int status) {
    if (entity instanceof HttpEntity.Strict strict) {
      try {
        JsonNode code = Json.mapper().readTree(strict.getData().toArray()).path("code");
        if (code.isTextual()) {
          return code.asText();
        }
      } catch (IOException e) {
        // Not a problem document: fall back to the status.
      }
    }
    return Problems.codeFor(status);
  }

  private static Optional<String> bearer(HttpRequest request) {
    return request
        .getHeader("Authorization")
        .map(HttpHeader::value)
        .filter(v -> v.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        .map(v -> v.substring(BEARER.length()).strip())
        .filter(v -> !v.isEmpty());
  }
}
