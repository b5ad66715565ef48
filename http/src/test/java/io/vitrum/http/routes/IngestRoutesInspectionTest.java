package io.vitrum.http.routes;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.core.security.Role;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.Schemas;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import io.vitrum.streams.inference.InspectionDecision;
import io.vitrum.streams.inference.RecentInspections;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/inspection/decisions} and {@code GET /api/inspection/frames/{id}/image} over real
 * HTTP, on decisions put into the node's record: newest first, filtered by the furnace asked for
 * and by the caller's scope, the image as PNG where it was kept, and what a bad parameter or a gone
 * frame is answered.
 */
@ExtendWith(LogCapturingExtension.class)
class IngestRoutesInspectionTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static TestApi api;
  private static ApiClient admin;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("IngestRoutesInspectionTest");
    admin = api.client();
    RecentInspections recent = RecentInspections.get(api.testKit().system());
    recent.add("0-1", decision("F1", 1, "none", false), pgm(4));
    recent.add("0-2", decision("F1", 2, "crack", true), null);
    recent.add("1-1", decision("F2", 3, "stone", true), pgm(4));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static InspectionDecision decision(
      String furnace, long item, String label, boolean reject) {
    Instant at = T0.plusSeconds(item);
    return new InspectionDecision(
        furnace,
        furnace,
        item,
        at,
        at.plusMillis(30),
        label,
        0.97,
        reject ? 0.97 : 0.03,
        reject,
        "vision/1",
        null);
  }

  private static byte[] pgm(int side) {
    byte[] header = ("P5\n" + side + " " + side + "\n255\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[header.length + side * side];
    System.arraycopy(header, 0, out, 0, header.length);
    return out;
  }

  private static List<String> ids(JsonNode reply) {
    List<String> ids = new ArrayList<>();
    reply.path("decisions").forEach(d -> ids.add(d.path("id").asText()));
    return ids;
  }

  @Test
  void theLatestDecisionsComeNewestFirstAsDocumented() {
    Reply reply = admin.get("/api/inspection/decisions");
    assertEquals(200, reply.status(), reply::toString);
    Schemas.assertValid("InspectionDecisionsResponse", reply.body());
    JsonNode body = reply.json();
    assertEquals(3, body.path("count").asInt());
    assertEquals(List.of("1-1", "0-2", "0-1"), ids(body));
    JsonNode crack = body.path("decisions").get(1);
    assertEquals("crack", crack.path("label").asText());
    assertTrue(crack.path("reject").asBoolean());
    assertEquals("vision/1", crack.path("model").asText());
    assertFalse(crack.has("image"), "no image was kept for it");
    assertEquals(
        "/api/inspection/frames/1-1/image", body.path("decisions").get(0).path("image").asText());
  }

  @Test
  void theFurnaceAndLimitParametersNarrowTheAnswer() {
    assertEquals(
        List.of("0-2", "0-1"), ids(admin.get("/api/inspection/decisions?furnace=F1").json()));
    assertEquals(List.of("1-1"), ids(admin.get("/api/inspection/decisions?limit=1").json()));
    assertProblem(admin.get("/api/inspection/decisions?limit=0"), 400, "invalid-parameter");
    assertProblem(
        admin.get("/api/inspection/decisions?furnace=not%20a%20furnace"), 400, "invalid-parameter");
  }

  @Test
  void aViewerSeesOnlyTheDecisionsAndImagesOfItsFurnaces() {
    ApiClient f2 =
        admin.withToken(TestSecurity.token("viewer-f2", List.of(Role.VIEWER), List.of("F2")));
    assertEquals(List.of("1-1"), ids(f2.get("/api/inspection/decisions").json()));
    assertEquals(List.of(), ids(f2.get("/api/inspection/decisions?furnace=F1").json()));
    assertEquals(200, f2.get("/api/inspection/frames/1-1/image").status());
    assertProblem(f2.get("/api/inspection/frames/0-1/image"), 404, "frame-not-found");
  }

  @Test
  void aKeptFrameIsServedAsPngAndOthersAreNotFound() {
    Reply image = admin.get("/api/inspection/frames/0-1/image");
    assertEquals(200, image.status(), image::toString);
    assertEquals("image/png", image.contentType());
    assertTrue(image.body().startsWith("PNG", 1), "a PNG signature");
    assertProblem(admin.get("/api/inspection/frames/0-2/image"), 404, "frame-not-found");
    assertProblem(admin.get("/api/inspection/frames/9-9/image"), 404, "frame-not-found");
  }
}
