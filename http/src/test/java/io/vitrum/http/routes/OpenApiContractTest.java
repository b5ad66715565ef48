package io.vitrum.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.OpenApi;
import io.vitrum.http.testing.TestApi;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the real route tree: every operation it describes is served, every
 * endpoint the routes declare is described, with the same roles and scope, and the document is
 * served to anyone.
 */
class OpenApiContractTest {
  private static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("OpenApiContractTest");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void theDocumentIsServedToAnyoneAsOpenApi31() {
    Reply reply = api.client().withToken(null).get("/api/openapi.yaml");
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/yaml"), reply.contentType());
    JsonNode doc = OpenApi.parse(reply.body());
    assertEquals("3.1.0", doc.path("openapi").asText());
    assertEquals(OpenApi.load(), doc, "the served document is the committed one");
  }

  @Test
  void everyDeclaredEndpointIsDocumentedAndNothingElse() {
    Set<String> declared =
        ApiRoutes.endpoints().stream()
            .map(Endpoint::toString)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documentedSecured = new TreeSet<>();
    Set<String> documentedPublic = new TreeSet<>();
    for (OpenApi.Operation op : OpenApi.operations()) {
      (op.isPublic() ? documentedPublic : documentedSecured).add(op.toString());
    }
    assertEquals(declared, documentedSecured, "secured operations: catalogue vs document");
    assertEquals(
        ApiRoutes.PUBLIC.stream()
            .map(Endpoint::toString)
            .collect(Collectors.toCollection(TreeSet::new)),
        documentedPublic,
        "public operations");
  }

  @Test
  void rolesAndScopesAreDocumentedAsTheRoutesEnforceThem() {
    for (Endpoint endpoint : ApiRoutes.endpoints()) {
      OpenApi.Operation op = OpenApi.operation(endpoint.method(), endpoint.template());
      Set<String> roles =
          endpoint.roles().stream()
              .map(Role::wireName)
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(roles, new TreeSet<>(op.roles()), endpoint + " roles");
      assertEquals(
          endpoint.scope().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          op.scope(),
          endpoint + " scope");
      assertTrue(op.responses().contains("401"), endpoint + " documents 401");
      assertTrue(op.responses().contains("403"), endpoint + " documents 403");
      assertTrue(op.responses().contains("429"), endpoint + " documents 429");
      if (endpoint.scope() == Endpoint.Scope.FURNACE || endpoint.scope() == Endpoint.Scope.SENSOR) {
        assertTrue(op.responses().contains("404"), endpoint + " documents 404");
      }
    }
  }

  @Test
  void everyDocumentedOperationIsServedByTheRouteItNames() {
    for (OpenApi.Operation op : OpenApi.operations()) {
      Reply reply = OpenApi.call(api.client(), op, "F1");
      String why = op + " -> " + reply;
      assertFalse(reply.status() == 405, why);
      assertFalse(reply.status() == 401 || reply.status() == 403, why);
      assertFalse(
          reply.status() == 404 && reply.body().contains("\"code\":\"not-found\""),
          "no route matched " + why);
      assertFalse(reply.status() == 500, why);
    }
  }
}
