package io.vitrum.http.auth;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.security.Role;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.OpenApi;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Role x endpoint x furnace scope, generated from the OpenAPI document (so a new route is in the
 * matrix as soon as it is documented, and the contract test makes sure it is): no token and bad
 * tokens get 401, a role the operation does not accept gets 403, a token for another furnace gets
 * 404 for the furnace's objects, and every accepted role gets past the guard.
 */
class AccessMatrixTest {
  private static TestApi api;
  private static ApiClient anonymous;

  @BeforeAll
  static void start() throws Exception {
    // Every operation is called without a token or with a forged one: more failed
    // authentications than the limiter's burst lets one address make (its own test covers it).
    api =
        TestApi.start(
            "AccessMatrixTest",
            ConfigFactory.parseString(
                "vitrum.http.rate-limit.failed-authentications { burst = 100000 }"));
    anonymous = api.client().withToken(null);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static List<OpenApi.Operation> secured() {
    return OpenApi.operations().stream().filter(op -> !op.isPublic()).toList();
  }

  @Test
  void withoutATokenEveryOperationIs401WithAChallenge() {
    for (OpenApi.Operation op : secured()) {
      Reply reply = OpenApi.call(anonymous, op, "F1");
      assertProblem(reply, 401, "unauthenticated");
      assertTrue(
          reply.header("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"vitrum\""),
          op::toString);
    }
  }

  @Test
  void aForgedTokenIs401Everywhere() {
    String admin = TestSecurity.admin();
    String forged =
        admin.substring(0, admin.length() - 4) + (admin.endsWith("AAAA") ? "BBBB" : "AAAA");
    for (OpenApi.Operation op : secured()) {
      Reply reply = OpenApi.call(anonymous.withToken(forged), op, "F1");
      assertProblem(reply, 401, "invalid-token");
      assertTrue(reply.header("WWW-Authenticate").orElse("").contains("invalid_token"));
    }
  }

  @Test
  void eachRoleIsLetThroughExactlyWhereTheDocumentSays() {
    for (Role role : Role.values()) {
      ApiClient client = anonymous.withToken(TestSecurity.token("matrix-" + role.wireName(), role));
      for (OpenApi.Operation op : secured()) {
        Reply reply = OpenApi.call(client, op, "F1");
        boolean allowed = role == Role.ADMIN || op.roles().contains(role.wireName());
        String why = role.wireName() + " " + op + " -> " + reply;
        if (allowed) {
          assertFalse(reply.status() == 401 || reply.status() == 403, why);
        } else {
          assertEquals(403, reply.status(), why);
          assertTrue(reply.body().contains("\"code\":\"forbidden\""), why);
        }
      }
    }
  }

  @Test
  void aTokenForAnotherFurnaceFindsNothingOfThisOne() {
    for (Role role : Role.values()) {
      ApiClient f9 =
          anonymous.withToken(
              TestSecurity.token("f9-" + role.wireName(), List.of(role), List.of("F9")));
      for (OpenApi.Operation op : secured()) {
        Reply reply = OpenApi.call(f9, op, "F1");
        String why = role.wireName() + "@F9 " + op + " -> " + reply;
        switch (op.scope()) {
          case "furnace" -> assertProblem(reply, 404, "furnace-not-found");
          case "sensor" -> assertProblem(reply, 404, "sensor-not-found");
          case "every-furnace" -> assertEquals(403, reply.status(), why);
          case "plant" -> {
            boolean allowed = role == Role.ADMIN || op.roles().contains(role.wireName());
            assertEquals(allowed, reply.status() != 403, why);
            assertFalse(reply.status() == 401, why);
          }
          default -> throw new AssertionError("unknown scope " + op.scope() + " of " + op);
        }
      }
    }
  }

  @Test
  void outOfScopeIsTheSameAnswerAsNotExisting() {
    // A sensor that does not exist, asked by an admin, and one outside the scope, by a viewer of
    // F9.
    Reply missing = api.client().get("/api/sensors/F1.nowhere.T1");
    Reply hidden =
        anonymous
            .withToken(TestSecurity.token("v9", List.of(Role.VIEWER), List.of("F9")))
            .get("/api/sensors/F1.nowhere.T1");
    assertEquals(404, missing.status(), missing::toString);
    assertEquals(missing.status(), hidden.status());
    assertEquals(missing.json().path("code"), hidden.json().path("code"));
    assertEquals(missing.json().path("detail"), hidden.json().path("detail"));
  }
}
