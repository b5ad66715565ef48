package io.vitrum.http.routes;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The two clocks of a request, with short settings: a body that stops short of its declared length
 * is answered 408 once {@code vitrum.http.body-timeout} has passed (not at the 60 s idle timeout),
 * and a route that does not answer within {@code pekko.http.server.request-timeout} is answered 503
 * {@code timeout}, both as problems with the correlation id.
 */
@ExtendWith(LogCapturingExtension.class)
class TimeoutsTest {
  private static final Duration BODY_TIMEOUT = Duration.ofMillis(500);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private static TestApi api;
  private static ApiClient http;

  @BeforeAll
  static void start() throws Exception {
    api =
        TestApi.start(
            "TimeoutsTest",
            ConfigFactory.parseString(
                "vitrum.http.body-timeout = "
                    + BODY_TIMEOUT.toMillis()
                    + "ms\npekko.http.server.request-timeout = "
                    + REQUEST_TIMEOUT.toSeconds()
                    + "s"));
    http = api.client();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void aBodyThatStopsShortIsARequestTimeout() {
    String head =
        "POST /api/furnaces/F1/setpoints HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n"
            + "X-Correlation-Id: c-slow\r\n\r\n";
    long start = System.nanoTime();
    Reply reply = http.sendRaw(head + "{\"paramet"); // 10 of the 100 bytes, then nothing
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    JsonNode problem = assertProblem(reply, 408, "request-timeout");
    assertEquals("c-slow", problem.path("correlationId").asText());
    assertEquals("/api/furnaces/F1/setpoints", problem.path("instance").asText());
    assertTrue(problem.path("detail").asText().contains("500 ms"), problem::toString);
    assertTrue(took.compareTo(BODY_TIMEOUT) >= 0, () -> "answered after " + took);
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, () -> "answered after " + took);

    // Nothing was applied, and the server still serves.
    Reply furnace = http.get("/api/furnaces/F1");
    assertEquals(200, furnace.status(), furnace::toString);
    assertEquals(0, furnace.json().path("setpointChanges").size());
  }

  @Test
  void aRouteThatDoesNotAnswerInTimeIsATimeout() throws Exception {
    // The real correlation wrapper around a route that never completes.
    Route never =
        ApiRoutes.correlated(
            Directives.onSuccess(
                new CompletableFuture<HttpResponse>(), response -> Directives.complete(response)));
    ServerBinding binding =
        Http.get(api.testKit().system())
            .newServerAt("127.0.0.1", 0)
            .bind(never)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    try {
      ApiClient client =
          new ApiClient(URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + "/"));
      long start = System.nanoTime();
      Reply reply = client.get("/api/furnaces/F1", "X-Correlation-Id", "c-late");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      JsonNode problem = assertProblem(reply, 503, "timeout");
      assertEquals("c-late", problem.path("correlationId").asText());
      assertEquals("/api/furnaces/F1", problem.path("instance").asText());
      assertTrue(took.compareTo(REQUEST_TIMEOUT) >= 0, () -> "answered after " + took);

      Reply fresh = client.get("/api/twin/F1", "X-Correlation-Id", "<bad>");
      String id = assertProblem(fresh, 503, "timeout").path("correlationId").asText();
      assertTrue(id.matches("[A-Za-z0-9._:-]{1,64}"), id);
    } finally {
      binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
