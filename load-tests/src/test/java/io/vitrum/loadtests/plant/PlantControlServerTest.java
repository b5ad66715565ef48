package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.sim.FaultKind;
import io.vitrum.core.sim.FaultScenario;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulatorConfig;
import io.vitrum.http.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The control API over a real plant of two furnaces, stepped on its own simulation thread as the
 * real-time loop steps it (idle ticks every 20 ms, and whole minutes when a test says so), against
 * the JDK's HTTP client.
 */
class PlantControlServerTest {
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final String FAN_ON_F1 =
      "{\"furnace\":\"F1\",\"kind\":\"lehr-fan-failure\",\"magnitude\":0.9}";

  private final HttpClient client = HttpClient.newHttpClient();
  private ScheduledExecutorService simulation;
  private SimulatedPlant plant;
  private PlantControlServer server;

  @BeforeEach
  void start() throws Exception {
    PlantSimulator simulator = new PlantSimulator(SimulatorConfig.of(2, 11).withStart(START));
    plant = new SimulatedPlant(simulator, new SetpointInbox(Set.of("F1", "F2"), 16));
    simulation = Executors.newSingleThreadScheduledExecutor();
    simulation.scheduleWithFixedDelay(() -> plant.advance(0), 0, 20, TimeUnit.MILLISECONDS);
    server = PlantControlServer.start(0, plant.faults(), simulator.tags(), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    server.close();
    simulation.shutdownNow();
  }

  /** Runs {@code task} on the simulation thread, between its ticks. */
  private <T> T onSimulation(Callable<T> task) throws Exception {
    return simulation.submit(task).get(30, TimeUnit.SECONDS);
  }

  private PlantTick stepMinutes(int minutes) throws Exception {
    return onSimulation(() -> plant.advance(minutes * 60));
  }

  private Disturbances disturbances(String furnace) throws Exception {
    return onSimulation(() -> plant.simulator().disturbances(furnace));
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(30));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  @Test
  void aProcessFaultActsUntilItIsRepaired() throws Exception {
    Disturbances healthy = disturbances("F1");
    Disturbances otherFurnace = disturbances("F2");

    HttpResponse<String> created = send("POST", "/faults", FAN_ON_F1);

    assertEquals(201, created.statusCode(), created.body());
    assertEquals("application/json", created.headers().firstValue("Content-Type").orElseThrow());
    JsonNode fault = json(created);
    String id = fault.get("id").asText();
    assertEquals("/faults/" + id, created.headers().firstValue("Location").orElseThrow());
    assertEquals("F1", fault.get("furnace").asText());
    assertEquals("lehr-fan-failure", fault.get("kind").asText());
    assertEquals(0.9, fault.get("magnitude").asDouble());
    assertTrue(fault.get("tag").isNull());
    assertEquals(5.0, fault.get("rampMinutes").asDouble());
    assertTrue(fault.get("active").asBoolean());
    Instant start = Instant.parse(fault.get("start").asText());
    assertEquals(
        start.plus(FaultRequest.DEFAULT_DURATION), Instant.parse(fault.get("end").asText()));
    assertEquals("api", fault.get("source").asText());

    stepMinutes(3);
    assertTrue(disturbances("F1").lehrCoolingFactor() > healthy.lehrCoolingFactor());
    assertEquals(otherFurnace, disturbances("F2"), "only F1's lehr");
    JsonNode listing = json(send("GET", "/faults", null));
    assertEquals(1, listing.get("faults").size());
    assertEquals(id, listing.get("faults").get(0).get("id").asText());
    assertTrue(listing.get("faults").get(0).get("active").asBoolean());
    assertEquals(start.plus(Duration.ofMinutes(3)), Instant.parse(listing.get("now").asText()));
    assertEquals(fault.get("start"), json(send("GET", "/faults/" + id, null)).get("start"));

    HttpResponse<String> repaired = send("DELETE", "/faults/" + id, null);

    assertEquals(204, repaired.statusCode(), repaired.body());
    stepMinutes(1);
    assertEquals(healthy, disturbances("F1"));
    assertTrue(onSimulation(() -> plant.simulator().activeFaults()).isEmpty());
    JsonNode after = json(send("GET", "/faults/" + id, null));
    assertFalse(after.get("active").asBoolean());
    assertEquals(start.plus(Duration.ofMinutes(3)), Instant.parse(after.get("end").asText()));
    assertEquals(0.9, after.get("magnitude").asDouble(), "as injected");
    assertEquals(
        204, send("DELETE", "/faults/" + id, null).statusCode(), "repairing is idempotent");
  }

  @Test
  void aSensorFaultIsNamedByItsTag() throws Exception {
    HttpResponse<String> created =
        send("POST", "/faults", "{\"kind\":\"stuck-sensor\",\"tag\":\"F2.crown.T3\"}");

    assertEquals(201, created.statusCode(), created.body());
    JsonNode fault = json(created);
    assertEquals("F2", fault.get("furnace").asText());
    assertEquals("F2.crown.T3", fault.get("tag").asText());
    assertEquals(0.0, fault.get("magnitude").asDouble());
    assertEquals(0.0, fault.get("rampMinutes").asDouble());
    PlantTick stuck = stepMinutes(2);
    assertEquals(SensorStatus.STUCK, last(stuck).faults().get("F2.crown.T3"));

    assertEquals(204, send("DELETE", "/faults/" + fault.get("id").asText(), null).statusCode());
    PlantTick live = stepMinutes(1);
    assertTrue(last(live).faults().isEmpty(), last(live).faults().toString());
  }

  @Test
  void aNamedFurnaceMustBeTheTagsAndDefaultsFollowTheKind() throws Exception {
    JsonNode drift =
        json(
            send(
                "POST",
                "/faults",
                "{\"furnace\":\"F1\",\"kind\":\"thermocouple-drift\",\"tag\":\"F1.crown.T2\","
                    + "\"magnitude\":-20,\"durationMinutes\":30}"));
    assertEquals(-20.0, drift.get("magnitude").asDouble());
    assertEquals(
        Duration.ofMinutes(30),
        Duration.between(
            Instant.parse(drift.get("start").asText()), Instant.parse(drift.get("end").asText())));

    JsonNode burners =
        json(send("POST", "/faults", "{\"furnace\":\"F2\",\"kind\":\"burner-degradation\"}"));
    assertEquals(FaultKind.BURNER_DEGRADATION.typicalHigh(), burners.get("magnitude").asDouble());

    JsonNode spikes =
        json(send("POST", "/faults", "{\"kind\":\"sensor-spikes\",\"tag\":\"F2.crown.T3\"}"));
    assertTrue(spikes.get("magnitude").asDouble() > 0, "spikes are sized by the tag's span");

    List<FaultScenario> scheduled = onSimulation(() -> plant.simulator().faults().scenarios());
    assertEquals(3, scheduled.size());
    assertEquals(3, json(send("GET", "/faults", null)).get("faults").size());
  }

  @Test
  void theScheduleTheSimulatorStartedWithIsListedAndRepairable() throws Exception {
    PlantSimulator simulator = new PlantSimulator(SimulatorConfig.of(1, 3).withStart(START));
    simulator.inject(
        FaultScenario.process(
            "F1", FaultKind.CULLET_SWING, START, Duration.ZERO, Duration.ofHours(1), 15));
    SimulatedPlant scheduled = new SimulatedPlant(simulator, new SetpointInbox(Set.of("F1"), 1));
    try (PlantControlServer other =
        PlantControlServer.start(0, scheduled.faults(), simulator.tags(), Duration.ofMillis(200))) {
      URI uri = URI.create("http://127.0.0.1:" + other.port() + "/faults/scheduled-1");
      JsonNode fault =
          Json.mapper()
              .readTree(
                  client
                      .send(
                          HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                      .body());
      assertEquals("schedule", fault.get("source").asText());
      assertEquals("cullet-swing", fault.get("kind").asText());
      assertTrue(fault.get("active").asBoolean());

      HttpResponse<String> unanswered =
          client.send(
              HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(503, unanswered.statusCode(), "no simulation thread takes it");
      assertEquals("urn:vitrum:problem:plant-unavailable", json(unanswered).get("type").asText());
      scheduled.advance(60);
      assertEquals(1, simulator.activeFaults().size(), "a withdrawn repair is not applied");
    }
  }

  private static PlantStep last(PlantTick tick) {
    return tick.steps().get(tick.steps().size() - 1);
  }

  static Stream<Arguments> badFaults() {
    return Stream.of(
        Arguments.of("{", "malformed-json"),
        Arguments.of("", "malformed-json"),
        Arguments.of("[1]", "malformed-json"),
        Arguments.of("{\"kind\":\"stuck-sensor\",\"kind\":\"stuck-sensor\"}", "malformed-json"),
        Arguments.of(
            "{\"furnace\":\"F1\",\"kind\":\"lehr-fan-failure\",\"magnitude\":NaN}",
            "malformed-json"),
        Arguments.of(FAN_ON_F1.replace("}", ",\"colour\":\"red\"}"), "unknown-field"),
        Arguments.of(FAN_ON_F1.replace("0.9", "\"0.9\""), "invalid-field"),
        Arguments.of("{\"furnace\":\"F1\"}", "missing-field"),
        Arguments.of("{\"kind\":\"lehr-fan-failure\"}", "missing-field"),
        Arguments.of(FAN_ON_F1.replace("lehr-fan-failure", "volcano"), "unknown-kind"),
        Arguments.of(FAN_ON_F1.replace("F1", "F9"), "unknown-furnace"),
        Arguments.of("{\"kind\":\"stuck-sensor\",\"tag\":\"F9.crown.T3\"}", "unknown-furnace"),
        Arguments.of("{\"furnace\":\"F1\",\"kind\":\"stuck-sensor\"}", "tag-required"),
        Arguments.of(FAN_ON_F1.replace("}", ",\"tag\":\"F1.crown.T3\"}"), "tag-not-allowed"),
        Arguments.of(
            "{\"furnace\":\"F1\",\"kind\":\"stuck-sensor\",\"tag\":\"F2.crown.T3\"}",
            "furnace-mismatch"),
        Arguments.of("{\"kind\":\"stuck-sensor\",\"tag\":\"F1.crown.T99\"}", "unknown-tag"),
        Arguments.of("{\"kind\":\"stuck-sensor\",\"tag\":\"crown\"}", "unknown-tag"),
        Arguments.of(FAN_ON_F1.replace("0.9", "1e999"), "magnitude-out-of-range"),
        Arguments.of(FAN_ON_F1.replace("0.9", "1.5"), "magnitude-out-of-range"),
        Arguments.of(FAN_ON_F1.replace("0.9", "-0.1"), "magnitude-out-of-range"),
        Arguments.of(
            "{\"kind\":\"stuck-sensor\",\"tag\":\"F1.crown.T3\",\"magnitude\":3}",
            "magnitude-out-of-range"),
        Arguments.of(FAN_ON_F1.replace("}", ",\"durationMinutes\":0}"), "duration-out-of-range"),
        Arguments.of(
            FAN_ON_F1.replace("}", ",\"durationMinutes\":100000}"), "duration-out-of-range"),
        Arguments.of(
            FAN_ON_F1.replace("}", ",\"durationMinutes\":10,\"rampMinutes\":30}"),
            "ramp-out-of-range"),
        Arguments.of(FAN_ON_F1.replace("}", ",\"rampMinutes\":-1}"), "ramp-out-of-range"),
        Arguments.of(
            "{\"kind\":\"stuck-sensor\",\"tag\":\"F1.crown.T3\",\"rampMinutes\":2}",
            "ramp-not-allowed"));
  }

  @ParameterizedTest
  @MethodSource("badFaults")
  void aBadFaultIsRefusedPrecisely(String body, String code) throws Exception {
    HttpResponse<String> refused = send("POST", "/faults", body);

    assertProblem(refused, 400, code);
    assertEquals(0, json(send("GET", "/faults", null)).get("faults").size(), "nothing injected");
    assertEquals(201, send("POST", "/faults", FAN_ON_F1).statusCode(), "the plant goes on");
  }

  @Test
  void unknownFaultsPathsMethodsAndLargeBodiesAreProblems() throws Exception {
    assertProblem(send("GET", "/faults/fault-99", null), 404, "fault-not-found");
    assertProblem(send("DELETE", "/faults/fault-99", null), 404, "fault-not-found");
    assertProblem(send("GET", "/faultsx", null), 404, "not-found");
    assertProblem(send("GET", "/faults/a/b", null), 404, "not-found");
    assertProblem(send("GET", "/", null), 404, "not-found");

    HttpResponse<String> put = send("PUT", "/faults", FAN_ON_F1);
    assertProblem(put, 405, "method-not-allowed");
    assertEquals("GET, POST", put.headers().firstValue("Allow").orElseThrow());
    HttpResponse<String> post = send("POST", "/faults/fault-1", FAN_ON_F1);
    assertProblem(post, 405, "method-not-allowed");
    assertEquals("GET, DELETE", post.headers().firstValue("Allow").orElseThrow());

    String large = FAN_ON_F1.replace("}", ",\"tag\":\"" + "x".repeat(5000) + "\"}");
    assertProblem(send("POST", "/faults", large), 413, "payload-too-large");
    assertEquals(201, send("POST", "/faults", FAN_ON_F1).statusCode(), "the plant goes on");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode problem = json(response);
    assertEquals("urn:vitrum:problem:" + code, problem.get("type").asText(), response.body());
    assertEquals(code, problem.get("code").asText());
    assertEquals(status, problem.get("status").asInt());
    assertFalse(problem.get("detail").asText().isBlank());
    assertNull(problem.get("correlationId"));
  }
}
