package io.vitrum.http.auth;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.security.Role;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on a node with tiny buckets (refilled once a minute, so the test does not depend on
 * timing): a caller beyond its burst gets 429 with {@code Retry-After}, other callers do not;
 * failed authentications from one address are limited the same way.
 */
class RateLimitTest {
  private static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    api =
        TestApi.start(
            "RateLimitTest",
            ConfigFactory.parseString(
                """
                vitrum.http.rate-limit.callers { per-second = 0.016, burst = 3 }
                vitrum.http.rate-limit.failed-authentications { per-second = 0.016, burst = 2 }
                """));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void aCallerBeyondItsBurstIsToldWhenToComeBack() {
    ApiClient greedy = api.client().withToken(TestSecurity.token("greedy", Role.VIEWER));
    for (int i = 0; i < 3; i++) {
      assertEquals(200, greedy.get("/api/furnaces/F1").status());
    }
    Reply limited = greedy.get("/api/furnaces/F1");
    assertProblem(limited, 429, "rate-limited");
    long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 63, "Retry-After " + retryAfter);
    // Another caller has its own bucket.
    ApiClient modest = api.client().withToken(TestSecurity.token("modest", Role.VIEWER));
    assertEquals(200, modest.get("/api/furnaces/F1").status());
  }

  @Test
  void guessingTokensFromOneAddressIsSlowedDown() {
    ApiClient guesser = api.client().withToken("not-a-token");
    assertProblem(guesser.get("/api/furnaces/F1"), 401, "invalid-token");
    assertProblem(guesser.withToken(null).get("/api/furnaces/F1"), 401, "unauthenticated");
    Reply limited = guesser.get("/api/furnaces/F1");
    assertProblem(limited, 429, "rate-limited");
    assertTrue(limited.header("Retry-After").isPresent());
  }
}
