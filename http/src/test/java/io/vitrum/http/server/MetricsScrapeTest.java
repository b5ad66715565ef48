package io.vitrum.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.TestApi;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@code /metrics} serves after API traffic: request timers by template, entity counters. */
@ExtendWith(LogCapturingExtension.class)
class MetricsScrapeTest {
  private static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("MetricsScrapeTest");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void requestsAndEntityCommandsAreCounted() {
    ApiClient http = api.client();
    assertEquals(200, http.get("/api/furnaces/F1").status());
    assertEquals(200, http.get("/api/furnaces/F2").status());
    assertEquals(
        200,
        http.postJson(
                "/api/furnaces/F1/setpoints",
                "{\"parameter\":\"crownTemperature\",\"value\":1570,\"reason\":\"metrics\"}")
            .status());
    assertEquals(
        422,
        http.postJson(
                "/api/furnaces/F1/setpoints",
                "{\"parameter\":\"crownTemperature\",\"value\":1700,\"reason\":\"metrics\"}")
            .status());
    assertEquals(404, http.get("/api/furnaces/F1/x7f3a9").status());

    String scrape =
        api.testKit()
            .createTestProbe()
            .awaitAssert(
                Duration.ofSeconds(5),
                () -> {
                  String text = PrometheusMetrics.get(api.testKit().system()).scrape();
                  assertTrue(text.contains("vitrum_entity_commands_total"), "entity counter");
                  return text;
                });
    assertTrue(
        scrape.contains(
            "vitrum_http_requests_seconds_count{method=\"GET\",route=\"/api/furnaces/{id}\",status=\"200\"} 2"),
        scrape);
    assertTrue(
        scrape.contains(
            "vitrum_http_requests_seconds_count{method=\"POST\",route=\"/api/furnaces/{id}/setpoints\",status=\"422\"} 1"),
        scrape);
    assertTrue(
        scrape.contains(
            "vitrum_http_requests_seconds_count{method=\"GET\",route=\"other\",status=\"404\"} 1"),
        scrape);
    assertTrue(
        scrape.contains(
            "vitrum_entity_commands_total{code=\"none\",command=\"ChangeSetpoint\",entity=\"furnace\",outcome=\"accepted\"} 1.0"),
        scrape);
    assertTrue(
        scrape.contains(
            "vitrum_entity_commands_total{code=\"out-of-bounds\",command=\"ChangeSetpoint\",entity=\"furnace\",outcome=\"rejected\"} 1.0"),
        scrape);
    assertTrue(
        scrape.contains("vitrum_entity_persist_seconds_count{entity=\"furnace\"} 1"), scrape);
    assertTrue(scrape.contains("jvm_memory_used_bytes"), "JVM meters are bound");
  }
}
