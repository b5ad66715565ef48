package io.vitrum.http.auth;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.core.security.Role;
import io.vitrum.http.audit.AuditEntry;
import io.vitrum.http.routes.ApiRoutes;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.OpenApi;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every mutating call, allowed or refused, leaves one audit entry naming who, what, where and the
 * outcome; reads leave none; {@code GET /api/audit} finds them by actor, furnace and time.
 */
class AuditTrailRoutesTest {
  private static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("AuditTrailRoutesTest");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static Optional<AuditEntry> entryWith(String correlationId) {
    return api.audit().all().stream()
        .filter(e -> e.correlationId().equals(correlationId))
        .findFirst();
  }

  @Test
  void everyMutatingEndpointIsAuditedWithItsOutcome() {
    ApiClient admin = api.client().withToken(TestSecurity.token("auditor-check", Role.ADMIN));
    for (Endpoint endpoint : ApiRoutes.endpoints()) {
      OpenApi.Operation op = OpenApi.operation(endpoint.method(), endpoint.template());
      String correlation = "audit-" + Math.abs(endpoint.toString().hashCode());
      Reply reply =
          admin.send(
              endpoint.method(),
              OpenApi.path(op, "F3"),
              java.net.http.HttpRequest.BodyPublishers.ofString(
                  endpoint.method().equals("GET") ? "" : "{}"),
              "Content-Type",
              "application/json",
              "X-Correlation-Id",
              correlation,
              "X-Vitrum-Furnace",
              "F3");
      Optional<AuditEntry> entry = entryWith(correlation);
      if (!endpoint.mutating()) {
        assertTrue(entry.isEmpty(), endpoint + " is a read: not audited");
        continue;
      }
      AuditEntry e = entry.orElseThrow(() -> new AssertionError(endpoint + " was not audited"));
      assertEquals(endpoint.toString(), e.action());
      assertEquals("auditor-check", e.actor());
      assertEquals(List.of("admin"), e.roles());
      assertEquals(reply.status(), e.status(), endpoint::toString);
      assertEquals(
          endpoint.scope() == Endpoint.Scope.FURNACE || endpoint.scope() == Endpoint.Scope.SENSOR
              ? "F3"
              : AuditEntry.PLANT,
          e.furnace(),
          endpoint::toString);
      assertEquals(
          reply.status() < 400 ? "ok" : reply.json().path("code").asText(),
          e.outcome(),
          endpoint::toString);
      assertEquals(OpenApi.path(op, "F3"), e.path());
    }
  }

  @Test
  void aRefusedAttemptIsAuditedToo() {
    Reply refused =
        api.client()
            .withToken(TestSecurity.token("mallory", Role.VIEWER))
            .postJson(
                "/api/furnaces/F4/setpoints",
                "{\"parameter\":\"pullRate\",\"value\":300,\"reason\":\"x\"}",
                "X-Correlation-Id",
                "c-mallory");
    assertProblem(refused, 403, "forbidden");
    AuditEntry e = entryWith("c-mallory").orElseThrow();
    assertEquals("mallory", e.actor());
    assertEquals(403, e.status());
    assertEquals("forbidden", e.outcome());
    assertEquals("F4", e.furnace());
  }

  @Test
  void theTrailIsFoundByActorFurnaceAndTime() {
    Instant before = Instant.now();
    ApiClient olga = api.client().withToken(TestSecurity.token("olga", Role.OPERATOR));
    String body = "{\"parameter\":\"pullRate\",\"value\":%s,\"reason\":\"orders\"}";
    assertEquals(200, olga.postJson("/api/furnaces/F5/setpoints", body.formatted(301)).status());
    assertEquals(200, olga.postJson("/api/furnaces/F6/setpoints", body.formatted(302)).status());

    JsonNode byOlga = api.client().get("/api/audit?actor=olga&from=" + before).json();
    assertEquals(2, byOlga.path("entries").size(), byOlga::toString);
    assertEquals("F6", byOlga.path("entries").get(0).path("furnace").asText(), "newest first");

    JsonNode onF5 = api.client().get("/api/audit?actor=olga&furnace=F5").json();
    assertEquals(1, onF5.path("entries").size(), onF5::toString);
    assertEquals(
        "POST /api/furnaces/{id}/setpoints", onF5.path("entries").get(0).path("action").asText());

    JsonNode none = api.client().get("/api/audit?actor=olga&to=" + before).json();
    assertEquals(0, none.path("entries").size(), none::toString);

    // An admin of F6 alone sees F6's entries and nothing of F5.
    ApiClient f6Admin =
        api.client().withToken(TestSecurity.token("a6", List.of(Role.ADMIN), List.of("F6")));
    JsonNode scoped = f6Admin.get("/api/audit?actor=olga").json();
    assertEquals(1, scoped.path("entries").size(), scoped::toString);
    assertEquals("F6", scoped.path("entries").get(0).path("furnace").asText());
    assertProblem(f6Admin.get("/api/audit?furnace=F5"), 404, "furnace-not-found");
  }

  @Test
  void theAuditTrailIsForAdminsAndItsParametersAreChecked() {
    assertProblem(
        api.client().withToken(TestSecurity.token("v", Role.OPERATOR)).get("/api/audit"),
        403,
        "forbidden");
    assertProblem(api.client().get("/api/audit?from=yesterday"), 422, "invalid-parameter");
    assertProblem(
        api.client().get("/api/audit?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z"),
        422,
        "invalid-parameter");
    assertProblem(api.client().get("/api/audit?limit=0"), 422, "invalid-parameter");
    assertProblem(api.client().get("/api/audit?furnace=a%20b"), 422, "invalid-parameter");
  }
}
