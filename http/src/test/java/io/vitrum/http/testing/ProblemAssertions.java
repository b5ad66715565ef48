package io.vitrum.http.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks that every failure of the API is a well-formed problem+json document. */
public final class ProblemAssertions {
  private ProblemAssertions() {}

  /**
   * Asserts an RFC 7807 problem with {@code status} and {@code code}: the problem+json content
   * type, the same status in the body, the type derived from the code, a title and a detail, and
   * one correlation id in the header that the body repeats. Returns the document.
   */
  public static JsonNode assertProblem(ApiClient.Reply reply, int status, String code) {
    JsonNode problem = assertProblemDocument(reply, status, code);
    assertTrue(problem.path("instance").isTextual(), () -> "instance of " + reply);
    return problem;
  }

  /**
   * {@link #assertProblem} for a request that the server could not parse: there is no path to name
   * as the {@code instance}, and the correlation id is a fresh one.
   */
  public static JsonNode assertUnparsedProblem(ApiClient.Reply reply, int status, String code) {
    JsonNode problem = assertProblemDocument(reply, status, code);
    assertTrue(problem.path("instance").isMissingNode(), () -> "no instance in " + reply);
    assertTrue(
        reply.header("X-Correlation-Id").orElseThrow().matches("[A-Za-z0-9._:-]{1,64}"),
        () -> "a safe correlation id in " + reply.headers().map());
    return problem;
  }

  private static JsonNode assertProblemDocument(ApiClient.Reply reply, int status, String code) {
    assertEquals(status, reply.status(), () -> "status of " + reply);
    assertEquals("application/problem+json", reply.contentType(), () -> "content type of " + reply);
    JsonNode problem = reply.json();
    assertEquals(code, problem.path("code").asText(), () -> "code of " + reply);
    assertEquals(status, problem.path("status").asInt(), () -> "status in the body of " + reply);
    assertEquals("urn:vitrum:problem:" + code, problem.path("type").asText());
    assertFalse(problem.path("title").asText().isBlank(), () -> "title of " + reply);
    assertFalse(problem.path("detail").asText().isBlank(), () -> "detail of " + reply);
    assertEquals(
        1,
        reply.headers().allValues("X-Correlation-Id").size(),
        () -> "one correlation header in " + reply.headers().map());
    String correlation = reply.header("X-Correlation-Id").orElseThrow();
    assertEquals(correlation, problem.path("correlationId").asText(), "body repeats the header");
    return problem;
  }
}
