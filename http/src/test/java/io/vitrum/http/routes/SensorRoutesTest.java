package io.vitrum.http.routes;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/sensors}: configure, record readings, show; over real HTTP on a one-node cluster. */
@ExtendWith(LogCapturingExtension.class)
class SensorRoutesTest {
  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

  private static TestApi api;
  private static ApiClient http;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("SensorRoutesTest");
    http = api.client();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String config(String furnace) {
    return """
        {"furnace":"%s","unit":"degC","min":0,"max":1800,"alarmHigh":1600,"deadband":5}
        """
        .formatted(furnace);
  }

  private static String reading(int second, String value) {
    return "{\"ts\":\"" + T0.plusSeconds(second) + "\",\"value\":" + value + "}";
  }

  private static String readings(String... readings) {
    return "{\"readings\":[" + String.join(",", readings) + "]}";
  }

  private static void configure(String tag, String furnace) {
    Reply reply = http.putJson("/api/sensors/" + tag, config(furnace));
    assertEquals(200, reply.status(), reply::toString);
  }

  @Test
  void configuresRecordsAndShowsASensor() {
    Reply configured = http.putJson("/api/sensors/F1.crown.T1", config("F1"));
    assertEquals(200, configured.status(), configured::toString);
    assertEquals("application/json", configured.contentType());
    assertEquals("accepted", configured.json().path("status").asText());
    assertEquals("configured", configured.json().path("detail").asText());

    Reply again = http.putJson("/api/sensors/F1.crown.T1", config("F1"));
    assertEquals(200, again.status(), again::toString);
    assertEquals("unchanged", again.json().path("detail").asText(), "configuring is idempotent");

    Reply recorded =
        http.postJson(
            "/api/sensors/F1.crown.T1/readings",
            readings(reading(0, "1520.5"), reading(1, "1530.0")));
    assertEquals(200, recorded.status(), recorded::toString);
    assertEquals(2, recorded.json().path("accepted").asInt());
    assertEquals(0, recorded.json().path("rejected").size());

    Reply shown = http.get("/api/sensors/F1.crown.T1");
    assertEquals(200, shown.status(), shown::toString);
    JsonNode sensor = shown.json();
    assertEquals("F1.crown.T1", sensor.path("tag").asText());
    assertEquals("F1", sensor.path("furnace").asText());
    assertEquals("degC", sensor.path("unit").asText());
    assertEquals(0.0, sensor.path("min").asDouble());
    assertEquals(1800.0, sensor.path("max").asDouble());
    assertEquals(1600.0, sensor.path("alarmHigh").asDouble());
    assertTrue(sensor.path("alarmLow").isNull(), "no low alarm configured");
    assertEquals(1530.0, sensor.path("lastValue").asDouble());
    assertEquals(T0.plusSeconds(1), Instant.parse(sensor.path("lastTs").asText()));
    assertEquals("normal", sensor.path("anomaly").path("state").asText());
    assertEquals(2, sensor.path("accepted").asLong());
    assertEquals(0, sensor.path("rejected").asLong());
    long windowed =
        sensor.path("window").path("count").asLong()
            + sensor.path("previousWindow").path("count").asLong();
    assertEquals(2, windowed, "both readings are in the statistics windows");
  }

  @Test
  void aValueAboveAlarmHighTurnsTheAnomalyHigh() {
    configure("F1.crown.T2", "F1");
    Reply recorded =
        http.postJson(
            "/api/sensors/F1.crown.T2/readings",
            readings(reading(0, "1590"), reading(1, "1620.5")));
    assertEquals(200, recorded.status(), recorded::toString);
    assertEquals(2, recorded.json().path("accepted").asInt(), "alarm limits never reject");

    JsonNode sensor = http.get("/api/sensors/F1.crown.T2").json();
    assertEquals(1620.5, sensor.path("lastValue").asDouble());
    assertEquals("high", sensor.path("anomaly").path("state").asText());
    assertEquals(T0.plusSeconds(1), Instant.parse(sensor.path("anomaly").path("since").asText()));
  }

  @Test
  void goodReadingsAreKeptBesideRejectedOnes() {
    configure("F1.crown.T3", "F1");
    Reply recorded =
        http.postJson(
            "/api/sensors/F1.crown.T3/readings",
            readings(
                reading(0, "1500"),
                reading(1, "1e400"),
                reading(2, "5000"),
                reading(3, "-10"),
                reading(4, "1510.25"),
                reading(4, "1511")));
    assertEquals(200, recorded.status(), recorded::toString);
    JsonNode body = recorded.json();
    assertEquals(2, body.path("accepted").asInt());
    JsonNode rejected = body.path("rejected");
    assertEquals(4, rejected.size(), recorded::toString);
    assertRejected(rejected.get(0), 1, "not-finite");
    assertTrue(rejected.get(0).path("value").isNull(), "a non-finite value is not echoed");
    assertRejected(rejected.get(1), 2, "above-physical-max");
    assertEquals(5000.0, rejected.get(1).path("value").asDouble());
    assertRejected(rejected.get(2), 3, "below-physical-min");
    assertRejected(rejected.get(3), 5, "not-newer-than-last");

    JsonNode sensor = http.get("/api/sensors/F1.crown.T3").json();
    assertEquals(1510.25, sensor.path("lastValue").asDouble());
    assertEquals(2, sensor.path("accepted").asLong());
    assertEquals(4, sensor.path("rejected").asLong());
  }

  private static void assertRejected(JsonNode rejected, int index, String code) {
    assertEquals(index, rejected.path("index").asInt(), rejected::toString);
    assertEquals(code, rejected.path("code").asText(), rejected::toString);
    assertTrue(rejected.path("ts").isTextual(), rejected::toString);
    assertTrue(!rejected.path("reason").asText().isBlank(), rejected::toString);
  }

  @Test
  void aBatchWithNoGoodReadingIsUnprocessable() {
    configure("F1.crown.T4", "F1");
    Reply reply =
        http.postJson(
            "/api/sensors/F1.crown.T4/readings",
            readings(reading(0, "1e400"), reading(1, "1900")),
            "X-Correlation-Id",
            "batch-42");
    JsonNode problem = assertProblem(reply, 422, "readings-rejected");
    assertEquals("batch-42", reply.header("X-Correlation-Id").orElseThrow());
    assertEquals("/api/sensors/F1.crown.T4/readings", problem.path("instance").asText());
    assertEquals(2, problem.path("rejected").size());
    assertEquals("not-finite", problem.path("rejected").get(0).path("code").asText());
    assertEquals("above-physical-max", problem.path("rejected").get(1).path("code").asText());
    assertEquals(0, http.get("/api/sensors/F1.crown.T4").json().path("accepted").asLong());
  }

  @Test
  void readingsForAnUnconfiguredSensorConflict() {
    Reply reply = http.postJson("/api/sensors/F1.regen.T9/readings", readings(reading(0, "1500")));
    JsonNode problem = assertProblem(reply, 409, "sensor-not-configured");
    assertTrue(problem.path("detail").asText().contains("PUT /api/sensors/F1.regen.T9"));
    assertEquals("not-configured", problem.path("rejected").get(0).path("code").asText());
  }

  @Test
  void anUnconfiguredSensorIsNotFound() {
    assertProblem(http.get("/api/sensors/F1.regen.T8"), 404, "sensor-not-found");
  }

  @Test
  void aConfigurationTheSensorRefusesIsUnprocessable() {
    JsonNode wrongFurnace =
        assertProblem(
            http.putJson("/api/sensors/F1.crown.T5", config("F2")), 422, "invalid-config");
    assertTrue(
        wrongFurnace.path("detail").asText().contains("tag's furnace"), wrongFurnace::toString);
    JsonNode inverted =
        assertProblem(
            http.putJson(
                "/api/sensors/F1.crown.T5",
                "{\"furnace\":\"F1\",\"unit\":\"degC\",\"min\":10,\"max\":0}"),
            422,
            "invalid-config");
    assertTrue(inverted.path("detail").asText().contains("min must be below max"));
    assertProblem(http.get("/api/sensors/F1.crown.T5"), 404, "sensor-not-found");
  }

  @Test
  void readingShapeErrorsFailTheWholeBatchNamingTheField() {
    configure("F1.crown.T6", "F1");
    JsonNode missing =
        assertProblem(
            http.postJson(
                "/api/sensors/F1.crown.T6/readings",
                readings(reading(0, "1500"), "{\"ts\":\"" + T0.plusSeconds(1) + "\"}")),
            422,
            "invalid-request");
    assertEquals("readings[1].value", missing.path("errors").get(0).path("field").asText());

    JsonNode empty =
        assertProblem(
            http.postJson("/api/sensors/F1.crown.T6/readings", "{\"readings\":[]}"),
            422,
            "invalid-request");
    assertEquals("readings", empty.path("errors").get(0).path("field").asText());

    JsonNode badTs =
        assertProblem(
            http.postJson(
                "/api/sensors/F1.crown.T6/readings",
                "{\"readings\":[{\"ts\":\"yesterday\",\"value\":1}]}"),
            400,
            "invalid-field");
    assertTrue(badTs.path("detail").asText().startsWith("readings[0].ts"), badTs::toString);
    assertEquals(0, http.get("/api/sensors/F1.crown.T6").json().path("accepted").asLong());
  }
}
