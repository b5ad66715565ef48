package io.vitrum.http.server;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static io.vitrum.http.testing.ProblemAssertions.assertUnparsedProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests that Pekko HTTP itself refuses, before or instead of any route, sent byte for byte over
 * a raw socket: each is answered with a problem+json document, a stable code and a correlation id,
 * never with Pekko's plain text or a 500.
 */
@ExtendWith(LogCapturingExtension.class)
class RawRequestsTest {
  private static final String HOST = "Host: 127.0.0.1\r\n";

  private static TestApi api;
  private static ApiClient http;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("RawRequestsTest");
    http = api.client();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static Reply send(String request) {
    return http.sendRaw(request);
  }

  @Test
  void theAsteriskTargetIsNotFound() {
    Reply reply = send("OPTIONS * HTTP/1.1\r\n" + HOST + "X-Correlation-Id: c-star\r\n\r\n");
    assertProblem(reply, 404, "not-found");
    assertEquals("c-star", reply.header("X-Correlation-Id").orElseThrow());
    assertProblem(send("GET * HTTP/1.1\r\n" + HOST + "\r\n"), 404, "not-found");
  }

  @Test
  void badPercentEncodingIsABadRequest() {
    JsonNode problem =
        assertUnparsedProblem(
            send("GET /api/furnaces/F1%zz HTTP/1.1\r\n" + HOST + "\r\n"), 400, "bad-request");
    assertTrue(problem.path("detail").asText().contains("request-target"), problem::toString);
  }

  @Test
  void aUriOverTheLimitIsTooLong() {
    assertUnparsedProblem(
        send("GET /api/" + "a".repeat(3000) + " HTTP/1.1\r\n" + HOST + "\r\n"),
        414,
        "uri-too-long");
  }

  @Test
  void headersOverTheLimitAreTooLarge() {
    assertUnparsedProblem(
        send(
            "GET /api/furnaces/F1 HTTP/1.1\r\n" + HOST + "X-Big: " + "b".repeat(9000) + "\r\n\r\n"),
        431,
        "headers-too-large");
  }

  @Test
  void anUnknownMethodIsNotImplemented() {
    assertUnparsedProblem(
        send("BREW /api/furnaces/F1 HTTP/1.1\r\n" + HOST + "\r\n"), 501, "not-implemented");
  }

  @Test
  void anUnsupportedTransferEncodingIsRefused() {
    JsonNode problem =
        assertUnparsedProblem(
            send(
                "POST /api/furnaces/F1/setpoints HTTP/1.1\r\n"
                    + HOST
                    + "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n"),
            400,
            "bad-request");
    assertTrue(problem.path("detail").asText().contains("Transfer-Encoding"), problem::toString);
  }

  @Test
  void anUnknownHttpVersionIsNotSupported() {
    assertUnparsedProblem(
        send("GET /api/furnaces/F1 HTTP/3.0\r\n" + HOST + "\r\n"),
        505,
        "http-version-not-supported");
  }

  @Test
  void traceWithABodyIsUnprocessable() {
    assertUnparsedProblem(
        send("TRACE / HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\n\r\nhello"),
        422,
        "unprocessable-content");
  }

  @Test
  void aMissingHostIsABadRequest() {
    assertUnparsedProblem(send("GET /api/furnaces/F1 HTTP/1.1\r\n\r\n"), 400, "bad-request");
  }

  @Test
  void aRawRequestThatIsFineIsServed() {
    Reply reply = send("GET /api/furnaces/F1 HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n");
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/json", reply.contentType());
  }
}
