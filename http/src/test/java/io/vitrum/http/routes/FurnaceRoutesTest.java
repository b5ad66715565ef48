package io.vitrum.http.routes;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.SetpointRecord;
import io.vitrum.core.security.Role;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/furnaces}: setpoints, autonomy mode and alarms, over real HTTP. */
@ExtendWith(LogCapturingExtension.class)
class FurnaceRoutesTest {
  private static TestApi api;
  private static ApiClient http;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("FurnaceRoutesTest");
    http = api.client();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** The test client with a token of {@code user} holding {@code role} for every furnace. */
  private static ApiClient as(String user, Role role) {
    return http.withToken(TestSecurity.token(user, role));
  }

  private static String setpoint(String parameter, String value, String reason) {
    return """
        {"parameter":"%s","value":%s,"reason":"%s"}
        """
        .formatted(parameter, value, reason);
  }

  @Test
  void aSetpointChangeShowsWithWhoAndWhy() {
    Reply changed =
        as("alice", Role.INTEGRATOR)
            .postJson(
                "/api/furnaces/F1/setpoints", setpoint("crownTemperature", "1580", "seeds rising"));
    assertEquals(200, changed.status(), changed::toString);
    assertEquals("accepted", changed.json().path("status").asText());
    assertEquals("setpoint changed", changed.json().path("detail").asText());

    Reply shown = http.get("/api/furnaces/F1");
    assertEquals(200, shown.status(), shown::toString);
    assertEquals("application/json", shown.contentType());
    JsonNode furnace = shown.json();
    assertEquals("F1", furnace.path("furnaceId").asText());
    assertEquals(1580.0, furnace.path("setpoints").path("crownTemperature").asDouble());
    assertEquals(2.0, furnace.path("setpoints").path("excessO2").asDouble(), "nominal until set");
    assertEquals(7, furnace.path("setpoints").size(), "every parameter is listed");
    JsonNode change = furnace.path("setpointChanges").path("crownTemperature");
    assertEquals(1580.0, change.path("value").asDouble());
    assertEquals("alice", change.path("requestedBy").asText());
    assertEquals("seeds rising", change.path("reason").asText());
    assertEquals("integrator", change.path("origin").asText());
    Instant at = Instant.parse(change.path("at").asText());
    assertTrue(Duration.between(at, Instant.now()).abs().toMinutes() < 1, at::toString);
    assertEquals(1, furnace.path("setpointChanges").size());
    JsonNode write = change.path("write");
    assertEquals("pending", write.path("status").asText(), "not yet written to the plant");
    assertEquals(0, write.path("attempts").asInt());
    assertTrue(write.path("detail").isNull());
    assertTrue(write.path("at").isNull());
    assertEquals("advisory", furnace.path("autonomyMode").asText());
    assertEquals(0, furnace.path("alarms").size());

    Reply again =
        as("alice", Role.INTEGRATOR)
            .postJson(
                "/api/furnaces/F1/setpoints", setpoint("crownTemperature", "1580", "seeds rising"));
    assertEquals(200, again.status(), again::toString);
    assertEquals(
        "unchanged", again.json().path("detail").asText(), "setting a value is idempotent");
  }

  @Test
  void eachChangeShowsWhetherItWasWrittenToThePlant() throws Exception {
    Reply changed =
        http.postJson(
            "/api/furnaces/F8/setpoints", setpoint("crownTemperature", "1575", "seeds rising"));
    assertEquals(200, changed.status(), changed::toString);
    EntityRef<Furnace.Command> furnace =
        ClusterSharding.get(api.testKit().system()).entityRefFor(Furnace.ENTITY_KEY, "F8");
    Duration timeout = Duration.ofSeconds(10);
    SetpointRecord record =
        furnace
            .<Furnace.FurnaceView>ask(Furnace.GetState::new, timeout)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .changes()
            .get("crownTemperature");
    String detail =
        "opcua write to ns=2;s=F8.setpoint.crownTemperature failed after 5 attempts: Bad_OutOfRange";
    Confirmation failed =
        furnace
            .<Confirmation>ask(
                replyTo ->
                    new Furnace.RecordSetpointWrite(
                        "crownTemperature", 1575, record.at(), false, 5, detail, replyTo),
                timeout)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertEquals(Confirmation.accepted("setpoint write recorded"), failed);

    JsonNode change =
        http.get("/api/furnaces/F8").json().path("setpointChanges").path("crownTemperature");
    assertEquals(1575.0, change.path("value").asDouble(), "the change's fields stay as they were");
    assertEquals("seeds rising", change.path("reason").asText());
    JsonNode write = change.path("write");
    assertEquals("failed", write.path("status").asText());
    assertEquals(5, write.path("attempts").asInt());
    assertEquals(detail, write.path("detail").asText());
    Instant at = Instant.parse(write.path("at").asText());
    assertTrue(Duration.between(at, Instant.now()).abs().toMinutes() < 1, at::toString);

    furnace
        .<Confirmation>ask(
            replyTo ->
                new Furnace.RecordSetpointWrite(
                    "crownTemperature", 1575, record.at(), true, 1, "opcua write", replyTo),
            timeout)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    JsonNode written =
        http.get("/api/furnaces/F8").json().path("setpointChanges").path("crownTemperature");
    assertEquals("written", written.path("write").path("status").asText(), written::toString);
    assertEquals(1, written.path("write").path("attempts").asInt());
  }

  @Test
  void aRequestWithoutATokenIsRefusedAndChangesNothing() {
    Reply refused =
        http.withToken(null)
            .postJson("/api/furnaces/F2/setpoints", setpoint("pullRate", "310", "order book"));
    assertProblem(refused, 401, "unauthenticated");
    assertEquals("Bearer realm=\"vitrum\"", refused.header("WWW-Authenticate").orElse(""));
    JsonNode changes = http.get("/api/furnaces/F2").json().path("setpointChanges");
    assertTrue(changes.path("pullRate").isMissingNode(), changes::toString);
  }

  @Test
  void anOperatorsChangeHasTheOperatorOrigin() {
    Reply changed =
        as("olga", Role.OPERATOR)
            .postJson("/api/furnaces/F2/setpoints", setpoint("pullRate", "305", "order book"));
    assertEquals(200, changed.status(), changed::toString);
    JsonNode change = http.get("/api/furnaces/F2").json().path("setpointChanges").path("pullRate");
    assertEquals("olga", change.path("requestedBy").asText());
    assertEquals("operator", change.path("origin").asText());
  }

  @Test
  void anUnknownFurnaceShowsNominalSetpoints() {
    JsonNode furnace = http.get("/api/furnaces/F77").json();
    assertEquals(1560.0, furnace.path("setpoints").path("crownTemperature").asDouble());
    assertEquals(0, furnace.path("setpointChanges").size());
  }

  @Test
  void setpointChangesTheFurnaceRefusesAreUnprocessable() {
    JsonNode unknown =
        assertProblem(
            http.postJson("/api/furnaces/F3/setpoints", setpoint("meltColour", "3", "why not")),
            422,
            "unknown-parameter");
    assertTrue(unknown.path("detail").asText().contains("crownTemperature"), "lists known ones");
    assertEquals("/api/furnaces/F3/setpoints", unknown.path("instance").asText());
    JsonNode outOfBounds =
        assertProblem(
            http.postJson(
                "/api/furnaces/F3/setpoints", setpoint("crownTemperature", "1700", "hotter")),
            422,
            "out-of-bounds");
    assertTrue(
        outOfBounds.path("detail").asText().contains("[1450.0, 1650.0]"), outOfBounds::toString);
    JsonNode step =
        assertProblem(
            http.postJson(
                "/api/furnaces/F3/setpoints", setpoint("crownTemperature", "1500", "cooler")),
            422,
            "step-too-large");
    assertTrue(step.path("detail").asText().contains("maximum step of 25.0"), step::toString);

    JsonNode furnace = http.get("/api/furnaces/F3").json();
    assertEquals(0, furnace.path("setpointChanges").size(), "nothing was persisted");
    assertEquals(1560.0, furnace.path("setpoints").path("crownTemperature").asDouble());
  }

  @Test
  void missingFieldsAreListed() {
    JsonNode problem =
        assertProblem(
            http.postJson("/api/furnaces/F3/setpoints", "{\"parameter\":\"crownTemperature\"}"),
            422,
            "invalid-request");
    assertEquals(2, problem.path("errors").size(), problem::toString);
    assertEquals("value", problem.path("errors").get(0).path("field").asText());
    assertEquals("reason", problem.path("errors").get(1).path("field").asText());
    assertEquals("is required", problem.path("errors").get(1).path("message").asText());
  }

  @Test
  void theAutonomyModeIsSet() {
    Reply set =
        as("carol", Role.OPERATOR)
            .putJson(
                "/api/furnaces/F4/autonomy",
                "{\"mode\":\"supervised\",\"reason\":\"night shift\"}");
    assertEquals(200, set.status(), set::toString);
    assertEquals("autonomy mode changed", set.json().path("detail").asText());
    assertEquals("supervised", http.get("/api/furnaces/F4").json().path("autonomyMode").asText());

    Reply again =
        http.putJson("/api/furnaces/F4/autonomy", "{\"mode\":\"SUPERVISED\",\"reason\":\"again\"}");
    assertEquals("unchanged", again.json().path("detail").asText(), again::toString);

    JsonNode invalid =
        assertProblem(
            http.putJson("/api/furnaces/F4/autonomy", "{\"mode\":\"manual\",\"reason\":\"x\"}"),
            422,
            "invalid-request");
    assertEquals("mode", invalid.path("errors").get(0).path("field").asText());
    assertEquals("supervised", http.get("/api/furnaces/F4").json().path("autonomyMode").asText());
  }

  @Test
  void aSensorAnomalyRaisesAnAlarmThatCanBeAcknowledged() {
    Reply configured =
        http.putJson(
            "/api/sensors/F5.crown.T1",
            "{\"furnace\":\"F5\",\"unit\":\"degC\",\"min\":0,\"max\":1800,\"alarmHigh\":1600}");
    assertEquals(200, configured.status(), configured::toString);
    String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5).toString();
    Reply recorded =
        http.postJson(
            "/api/sensors/F5.crown.T1/readings",
            "{\"readings\":[{\"ts\":\"" + ts + "\",\"value\":1625}]}");
    assertEquals(200, recorded.status(), recorded::toString);

    // The furnace learns of the anomaly asynchronously, after the sensor persisted it.
    JsonNode alarm =
        api.testKit()
            .createTestProbe()
            .awaitAssert(
                Duration.ofSeconds(10),
                () -> {
                  JsonNode alarms = http.get("/api/furnaces/F5").json().path("alarms");
                  assertEquals(1, alarms.size(), alarms::toString);
                  return alarms.get(0);
                });
    assertEquals("F5.crown.T1", alarm.path("alarmId").asText());
    assertEquals("F5.crown.T1", alarm.path("source").asText());
    assertEquals("warning", alarm.path("severity").asText());
    assertTrue(alarm.path("active").asBoolean());
    assertEquals(ts, alarm.path("raisedAt").asText());
    assertTrue(alarm.path("acknowledgedBy").isNull());

    Reply acked = as("dave", Role.OPERATOR).post("/api/furnaces/F5/alarms/F5.crown.T1/ack");
    assertEquals(200, acked.status(), acked::toString);
    assertEquals("alarm acknowledged", acked.json().path("detail").asText());

    JsonNode after = http.get("/api/furnaces/F5").json().path("alarms").get(0);
    assertEquals("dave", after.path("acknowledgedBy").asText());
    assertTrue(after.path("active").asBoolean(), "acknowledged, not cleared");
    assertFalse(after.path("acknowledgedAt").isNull());
  }

  @Test
  void acknowledgingAnUnknownAlarmIsNotFound() {
    JsonNode problem =
        assertProblem(http.post("/api/furnaces/F6/alarms/F6.crown.T1/ack"), 404, "unknown-alarm");
    assertTrue(problem.path("detail").asText().contains("F6.crown.T1"), problem::toString);
  }
}
