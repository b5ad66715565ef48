package io.vitrum.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulationListener;
import io.vitrum.core.sim.SimulatorConfig;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import java.time.Duration;
import java.util.StringJoiner;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/pipeline/process} over real HTTP with the committed models. */
@ExtendWith(LogCapturingExtension.class)
class PipelineProcessTest {
  private static TestApi api;
  private static ApiClient http;

  @BeforeAll
  static void start() throws Exception {
    api =
        TestApi.start(
            "PipelineProcessTest",
            ConfigFactory.parseString("vitrum.inference.models-dir = \"../models\""));
    http = api.client();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /**
   * Twenty simulated minutes of F1, one reading per tag every 10 s (the 1 MB body limit), as the
   * MQTT/Kafka JSON readings.
   */
  private static String twentyMinutes() {
    StringJoiner readings = new StringJoiner(",");
    new PlantSimulator(SimulatorConfig.of(1, 77))
        .advance(
            Duration.ofMinutes(20),
            new SimulationListener() {
              @Override
              public void onReading(Reading r) {
                if (Double.isFinite(r.value()) && r.ts().getEpochSecond() % 10 == 0) {
                  readings.add(
                      "{\"tag\":\""
                          + r.tag()
                          + "\",\"ts\":\""
                          + r.ts()
                          + "\",\"value\":"
                          + r.value()
                          + "}");
                }
              }
            });
    return "{\"furnace\":\"F1\",\"readings\":[" + readings + "]}";
  }

  @Test
  void aBatchGoesThroughFeaturesAndTheModelsAsADryRun() {
    Reply reply = http.postJson("/api/pipeline/process", twentyMinutes());
    assertEquals(
        200, reply.status(), () -> reply.body().substring(0, Math.min(600, reply.body().length())));
    JsonNode body = reply.json();
    assertEquals("pipeline_result", body.path("type").asText());
    assertTrue(body.path("featureVectors").asInt() >= 110, "a vector every 10 s");
    assertTrue(body.path("minuteVectors").asInt() >= 18, "a minute vector each minute");
    JsonNode prediction = body.path("result").path("prediction");
    assertEquals("F1", prediction.path("furnace").asText(), body.toString());
    assertEquals(0, prediction.path("at").asLong() % 60_000);
  }

  @Test
  void readingsOfAnotherFurnaceAreRefusedSayingWhich() {
    Reply reply =
        http.postJson(
            "/api/pipeline/process",
            "{\"furnace\":\"F1\",\"readings\":[{\"tag\":\"F2.crown.T1\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1500}]}");
    assertEquals(422, reply.status(), reply::toString);
    assertTrue(reply.body().contains("readings[0].tag"), reply.body());
  }
}
