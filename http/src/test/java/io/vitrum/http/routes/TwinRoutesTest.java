package io.vitrum.http.routes;

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

/** {@code /api/twin}: the twin's state, what-if and shadow mode, over real HTTP. */
@ExtendWith(LogCapturingExtension.class)
class TwinRoutesTest {
  private static TestApi api;
  private static ApiClient http;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("TwinRoutesTest");
    http = api.client();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void showsTheTwinsEstimateAndSetpoints() {
    Reply twin = http.get("/api/twin/F7");
    assertEquals(200, twin.status(), twin::toString);
    JsonNode body = twin.json();
    assertEquals("F7", body.path("furnaceId").asText());
    assertEquals(1560, body.path("setpoints").path("crownTemperature").asDouble());
    double crown = body.path("estimate").path("crownC").asDouble();
    assertTrue(crown > 1500 && crown < 1620, "settled near its setpoint: " + crown);
  }

  @Test
  void aWhatIfAtTheCrownAnswersWithTrajectoriesAndIsRecorded() {
    Reply reply =
        http.postJson(
            "/api/twin/F1/what-if",
            "{\"changes\":{\"crownTemperature\":50},\"horizonMinutes\":60}");
    assertEquals(200, reply.status(), reply::toString);
    JsonNode body = reply.json();
    assertEquals(60, body.path("horizonMinutes").asDouble());
    assertEquals("delta", body.path("changes").get(0).path("mode").asText());
    assertEquals(1610, body.path("scenarioSetpoints").path("crownTemperature").asDouble());
    assertTrue(body.path("delta").path("defects.seed").asDouble() < 0, "fewer seeds: " + body);
    assertTrue(body.path("delta").path("meltTopC").asDouble() > 5, "a hotter melt: " + body);
    assertEquals(61, body.path("trajectories").path("scenario").size(), "one point a minute");

    JsonNode twin = http.get("/api/twin/F1").json();
    assertEquals(
        body.path("scenarioId").asText(),
        twin.path("scenarios").get(twin.path("scenarios").size() - 1).path("scenarioId").asText());
  }

  @Test
  void aRecentScenarioIsShownAgainWithItsTrajectories() {
    Reply asked =
        http.postJson(
            "/api/twin/F4/what-if", "{\"changes\":{\"excessO2\":0.5},\"horizonMinutes\":20}");
    assertEquals(200, asked.status(), asked::toString);
    String id = asked.json().path("scenarioId").asText();
    Reply again = http.get("/api/twin/F4/scenarios/" + id);
    assertEquals(200, again.status(), again::toString);
    assertEquals(asked.json(), again.json(), "the same scenario, the same figures and courses");

    Reply unknown = http.get("/api/twin/F4/scenarios/no-such-scenario");
    assertEquals(404, unknown.status(), unknown::toString);
    assertEquals("scenario-not-found", unknown.json().path("code").asText());
  }

  @Test
  void aWeekLongWhatIfIsSampledCoarselyEnoughToStayBounded() {
    Reply reply =
        http.postJson(
            "/api/twin/F5/what-if",
            "{\"changes\":{\"crownTemperature\":10},\"horizonMinutes\":10080}");
    assertEquals(200, reply.status(), reply::toString);
    JsonNode scenario = reply.json().path("trajectories").path("scenario");
    assertEquals(361, scenario.size(), "360 samples after the start");
    assertEquals(10080, scenario.get(360).path("minute").asDouble(), 1e-6);
    assertTrue(reply.body().length() < 1_500_000, "bytes: " + reply.body().length());

    Reply tooLong =
        http.postJson(
            "/api/twin/F5/what-if",
            "{\"changes\":{\"crownTemperature\":10},\"horizonMinutes\":10081}");
    assertEquals(422, tooLong.status(), tooLong::toString);
    assertEquals("horizonMinutes", tooLong.json().path("errors").get(0).path("field").asText());
  }

  @Test
  void absoluteValuesAreNamedAsSuch() {
    Reply reply =
        http.postJson(
            "/api/twin/F2/what-if",
            "{\"absolute\":{\"lehrCoolingRate\":12},\"horizonMinutes\":30}");
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("absolute", reply.json().path("changes").get(0).path("mode").asText());
    assertEquals(12, reply.json().path("scenarioSetpoints").path("lehrCoolingRate").asDouble());
    assertTrue(
        reply.json().path("delta").path("defects.crack").asDouble() > 0,
        "faster lehr cooling cracks more ware: " + reply.body());
  }

  @Test
  void rejectsInvalidWhatIfsWithPreciseProblems() {
    Reply unknown =
        http.postJson(
            "/api/twin/F1/what-if", "{\"changes\":{\"crownTemp\":50},\"horizonMinutes\":60}");
    assertEquals(422, unknown.status());
    assertEquals("changes.crownTemp", unknown.json().path("errors").get(0).path("field").asText());

    Reply noHorizon = http.postJson("/api/twin/F1/what-if", "{\"changes\":{\"pullRate\":10}}");
    assertEquals(422, noHorizon.status());
    assertEquals("horizonMinutes", noHorizon.json().path("errors").get(0).path("field").asText());

    Reply outOfBounds =
        http.postJson(
            "/api/twin/F1/what-if",
            "{\"absolute\":{\"crownTemperature\":1900},\"horizonMinutes\":5}");
    assertEquals(422, outOfBounds.status(), outOfBounds::toString);
    assertEquals("out-of-bounds", outOfBounds.json().path("code").asText());
    assertTrue(outOfBounds.contentType().startsWith("application/problem+json"));
  }

  @Test
  void aShadowRunStartsReportsAndStops() {
    Reply started = http.postJson("/api/twin/F3/shadow", "{\"changes\":{\"crownTemperature\":20}}");
    assertEquals(200, started.status(), started::toString);
    assertTrue(http.get("/api/twin/F3/shadow").json().path("active").asBoolean());
    Reply stopped = http.delete("/api/twin/F3/shadow");
    assertEquals(200, stopped.status(), stopped::toString);
    assertEquals(false, stopped.json().path("active").asBoolean());
    assertEquals(
        "crownTemperature", stopped.json().path("candidate").get(0).path("parameter").asText());
    assertEquals(false, http.get("/api/twin/F3/shadow").json().path("active").asBoolean());
  }
}
