package io.vitrum.http.routes;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every way a request can be wrong, each answered with a problem+json document carrying a stable
 * code, the status, the request path and the caller's correlation id; then a good request, to show
 * that none of them harmed the server.
 */
@ExtendWith(LogCapturingExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiErrorsTest {
  private static final String SETPOINTS = "/api/furnaces/F1/setpoints";
  private static final int MIB = 1024 * 1024;

  private static TestApi api;
  private static ApiClient http;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("ApiErrorsTest");
    http = api.client();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** POSTs {@code json} as a setpoint change with correlation id {@code id}. */
  private static Reply postSetpoint(String json, String id) {
    return http.postJson(SETPOINTS, json, "X-Correlation-Id", id);
  }

  private static JsonNode assertProblemAt(Reply reply, int status, String code, String id) {
    JsonNode problem = assertProblem(reply, status, code);
    assertEquals(id, reply.header("X-Correlation-Id").orElseThrow(), "the caller's id is echoed");
    return problem;
  }

  @Test
  void malformedJsonIsABadRequest() {
    JsonNode problem =
        assertProblemAt(
            postSetpoint("{\"parameter\":\"crownTemperature\",", "c-malformed"),
            400,
            "malformed-json",
            "c-malformed");
    assertEquals(SETPOINTS, problem.path("instance").asText());
    assertTrue(problem.path("detail").asText().contains("line 1"), problem::toString);

    JsonNode nested =
        assertProblem(
            http.postJson(
                "/api/sensors/F1.crown.T1/readings",
                "{\"readings\":[{\"ts\":\"2026-11-20T10:00:00Z\",\"value\":}]}"),
            400,
            "malformed-json");
    assertTrue(nested.path("detail").asText().contains("column"), nested::toString);
    assertProblemAt(postSetpoint("", "c-empty"), 400, "malformed-json", "c-empty");
    assertProblemAt(postSetpoint("null", "c-null"), 400, "malformed-json", "c-null");
    assertProblemAt(postSetpoint("[1,2]", "c-array"), 400, "invalid-field", "c-array");
  }

  @Test
  void aWrongTypeNamesTheField() {
    JsonNode problem =
        assertProblemAt(
            postSetpoint(
                "{\"parameter\":\"crownTemperature\",\"value\":\"hot\",\"reason\":\"x\"}",
                "c-type"),
            400,
            "invalid-field",
            "c-type");
    assertTrue(problem.path("detail").asText().startsWith("value: "), problem::toString);

    JsonNode quoted =
        assertProblem(
            postSetpoint(
                "{\"parameter\":\"crownTemperature\",\"value\":\"1580\",\"reason\":\"x\"}",
                "c-quoted"),
            400,
            "invalid-field");
    assertTrue(quoted.path("detail").asText().startsWith("value: "), quoted::toString);
    JsonNode numberAsText =
        assertProblem(
            postSetpoint(
                "{\"parameter\":\"crownTemperature\",\"value\":1580,\"reason\":42}", "c-num"),
            400,
            "invalid-field");
    assertTrue(numberAsText.path("detail").asText().startsWith("reason: "), numberAsText::toString);

    JsonNode nested =
        assertProblem(
            http.postJson(
                "/api/sensors/F1.crown.T1/readings",
                "{\"readings\":[{\"ts\":\"2026-11-20T10:00:00Z\",\"value\":[1]}]}"),
            400,
            "invalid-field");
    assertTrue(nested.path("detail").asText().startsWith("readings[0].value: "), nested::toString);
  }

  @Test
  void nanAndInfinityLiteralsAreNotNumbers() {
    assertProblemAt(
        postSetpoint(
            "{\"parameter\":\"crownTemperature\",\"value\":NaN,\"reason\":\"x\"}", "c-nan"),
        400,
        "non-finite-number",
        "c-nan");
    assertProblem(
        http.postJson(
            "/api/sensors/F1.crown.T1/readings",
            "{\"readings\":[{\"ts\":\"2026-11-20T10:00:00Z\",\"value\":Infinity}]}"),
        400,
        "non-finite-number");
  }

  @Test
  void anUnknownFieldIsABadRequest() {
    JsonNode problem =
        assertProblemAt(
            postSetpoint(
                "{\"parameter\":\"crownTemperature\",\"value\":1580,\"reason\":\"x\",\"force\":true}",
                "c-unknown"),
            400,
            "unknown-field",
            "c-unknown");
    assertTrue(problem.path("detail").asText().contains("'force'"), problem::toString);
    assertTrue(problem.path("detail").asText().contains("reason"), "lists the known fields");
  }

  @Test
  void trailingTokensAreABadRequest() {
    assertProblem(
        http.postJson(
            SETPOINTS, "{\"parameter\":\"crownTemperature\",\"value\":1580,\"reason\":\"x\"} {}"),
        400,
        "invalid-field");
  }

  @Test
  void aMissingFieldIsUnprocessable() {
    JsonNode problem =
        assertProblemAt(
            postSetpoint("{\"parameter\":\"crownTemperature\",\"value\":1580}", "c-missing"),
            422,
            "invalid-request",
            "c-missing");
    assertEquals("reason", problem.path("errors").get(0).path("field").asText());
    assertEquals("reason is required", problem.path("detail").asText());
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    // The body is refused by its declared length before any of it is read, so none is sent.
    JsonNode problem =
        assertProblemAt(
            http.postDeclaringLength(SETPOINTS, 10L * MIB, "X-Correlation-Id", "c-huge"),
            413,
            "payload-too-large",
            "c-huge");
    assertEquals(
        "request body exceeds the limit of " + MIB + " bytes", problem.path("detail").asText());
    assertEquals(SETPOINTS, problem.path("instance").asText());

    // Above the API's limit but below the server's hard cap: the API's own limit answers.
    JsonNode justOver =
        assertProblem(http.postDeclaringLength(SETPOINTS, MIB + 1), 413, "payload-too-large");
    assertEquals(problem.path("detail"), justOver.path("detail"));
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
    JsonNode problem =
        assertProblemAt(
            http.send(
                "POST",
                SETPOINTS,
                BodyPublishers.ofString("crownTemperature=1580"),
                "Content-Type",
                "text/plain",
                "X-Correlation-Id",
                "c-text"),
            415,
            "unsupported-media-type",
            "c-text");
    assertTrue(problem.path("detail").asText().contains("text/plain"), problem::toString);
    assertProblem(
        http.send("PUT", "/api/sensors/F1.crown.T1", BodyPublishers.ofString("{}")),
        415,
        "unsupported-media-type");
  }

  @Test
  void anUnsupportedMethodIsNotAllowed() {
    Reply reply =
        http.send(
            "DELETE", "/api/furnaces/F1", BodyPublishers.noBody(), "X-Correlation-Id", "c-del");
    JsonNode problem = assertProblemAt(reply, 405, "method-not-allowed", "c-del");
    assertEquals("/api/furnaces/F1", problem.path("instance").asText());
    assertEquals("GET", reply.header("Allow").orElse(""));
    assertProblem(
        http.send("DELETE", "/api/sensors/F1.crown.T1", BodyPublishers.noBody()),
        405,
        "method-not-allowed");
    assertProblem(http.get(SETPOINTS), 405, "method-not-allowed");
  }

  @Test
  void anUnknownPathIsNotFound() {
    JsonNode problem =
        assertProblemAt(
            http.get("/api/boilers/B1", "X-Correlation-Id", "c-404"), 404, "not-found", "c-404");
    assertEquals("/api/boilers/B1", problem.path("instance").asText());
    assertProblem(http.get("/api/furnaces/F1/valves"), 404, "not-found");
    assertProblem(http.get("/nothing-here"), 404, "not-found");
  }

  @Test
  void invalidIdsAreBadRequests() {
    JsonNode tag =
        assertProblemAt(
            http.get("/api/sensors/crown-T1", "X-Correlation-Id", "c-tag"),
            400,
            "invalid-tag",
            "c-tag");
    assertEquals("/api/sensors/crown-T1", tag.path("instance").asText());
    assertProblem(
        http.postJson("/api/sensors/F1..T1/readings", "{\"readings\":[]}"), 400, "invalid-tag");
    assertProblem(http.get("/api/furnaces/" + "F".repeat(33)), 400, "invalid-furnace-id");
    assertProblem(
        http.postJson(
            "/api/furnaces/F1%21/setpoints",
            "{\"parameter\":\"crownTemperature\",\"value\":1580,\"reason\":\"x\"}"),
        400,
        "invalid-furnace-id");
  }

  @Test
  void aMissingOrUnsafeCorrelationIdIsReplacedByAFreshOne() {
    Reply none = http.get("/api/boilers/B1");
    String generated = assertProblem(none, 404, "not-found").path("correlationId").asText();
    assertEquals(generated, UUID.fromString(generated).toString());

    Reply unsafe = http.get("/api/boilers/B1", "X-Correlation-Id", "<script>");
    String replaced = assertProblem(unsafe, 404, "not-found").path("correlationId").asText();
    assertNotEquals("<script>", replaced);
    assertEquals(replaced, UUID.fromString(replaced).toString());
    assertNotEquals(generated, replaced);
  }

  @Test
  void invalidUtf8IsABadRequest() {
    String head = "{\"parameter\":\"crownTemperature\",\"value\":1575,\"reason\":\"";
    byte[][] malformed = {
      {'c', 'a', 'f', (byte) 0xE9}, // ISO-8859-1, not UTF-8
      {(byte) 0xC0, (byte) 0xAF}, // an overlong '/'
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate encoded as UTF-8
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
      {'x', (byte) 0xE2, (byte) 0x82} // truncated
    };
    for (byte[] bad : malformed) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(bad);
      body.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
      JsonNode problem =
          assertProblemAt(
              http.send(
                  "POST",
                  SETPOINTS,
                  BodyPublishers.ofByteArray(body.toByteArray()),
                  "Content-Type",
                  "application/json",
                  "X-Correlation-Id",
                  "c-utf8"),
              400,
              "invalid-utf8",
              "c-utf8");
      int offset = head.length() + (bad[0] == 'c' ? 3 : bad[0] == 'x' ? 1 : 0);
      assertTrue(
          problem.path("detail").asText().endsWith("at byte offset " + offset), problem::toString);
    }
    // Well-formed multi-byte UTF-8 reads as it was sent.
    JsonNode wellFormed =
        assertProblem(
            http.postJson(
                SETPOINTS,
                "{\"parameter\":\"crownTemperature\",\"value\":1575,\"\u03a9\u00b0\":1}"),
            400,
            "unknown-field");
    assertTrue(wellFormed.path("detail").asText().contains("'\u03a9\u00b0'"), wellFormed::toString);
  }

  @Test
  void duplicateKeysAreMalformed() {
    JsonNode problem =
        assertProblemAt(
            postSetpoint(
                "{\"parameter\":\"crownTemperature\",\"value\":1575,\"value\":1580,\"reason\":\"x\"}",
                "c-dup"),
            400,
            "malformed-json",
            "c-dup");
    assertTrue(problem.path("detail").asText().contains("'value'"), problem::toString);
    JsonNode nested =
        assertProblem(
            http.postJson(
                "/api/sensors/F1.crown.T1/readings",
                "{\"readings\":[{\"ts\":\"2026-11-20T10:00:00Z\",\"value\":1,\"value\":2}]}"),
            400,
            "malformed-json");
    assertTrue(nested.path("detail").asText().contains("'value'"), nested::toString);
  }

  @Test
  void loneSurrogateEscapesAreQuotedSafely() {
    // An unknown field named by a lone high surrogate: the detail quotes it as U+FFFD.
    JsonNode unknown =
        assertProblemAt(
            postSetpoint("{\"\\ud800\":1}", "c-surrogate"), 400, "unknown-field", "c-surrogate");
    assertTrue(unknown.path("detail").asText().contains("'\ufffd'"), unknown::toString);
    // A lone low surrogate where a number belongs.
    JsonNode wrongType =
        assertProblem(
            postSetpoint(
                "{\"parameter\":\"crownTemperature\",\"value\":\"\\udc00\",\"reason\":\"x\"}",
                "c-low"),
            400,
            "invalid-field");
    assertTrue(wrongType.path("detail").asText().startsWith("value: "), wrongType::toString);
    assertFalse(
        wrongType.path("detail").asText().chars().anyMatch(c -> Character.isSurrogate((char) c)),
        wrongType::toString);
    assertProblem(postSetpoint("{\"parameter\":\"\\ud800", "c-cut"), 400, "malformed-json");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void afterAllThatTheServerStillServes() {
    Reply changed =
        http.postJson(
            SETPOINTS,
            "{\"parameter\":\"crownTemperature\",\"value\":1575,\"reason\":\"after the storm\"}",
            "X-Correlation-Id",
            "c-good");
    assertEquals(200, changed.status(), changed::toString);
    assertEquals("c-good", changed.header("X-Correlation-Id").orElseThrow());
    assertEquals(1, changed.headers().allValues("X-Correlation-Id").size());
    Reply furnace = http.get("/api/furnaces/F1");
    assertEquals(200, furnace.status(), furnace::toString);
    assertEquals(1575.0, furnace.json().path("setpoints").path("crownTemperature").asDouble());
    assertEquals(
        1, furnace.json().path("setpointChanges").size(), "no bad request changed anything");
  }
}
