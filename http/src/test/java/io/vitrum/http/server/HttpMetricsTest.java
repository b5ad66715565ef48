package io.vitrum.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.TestApi;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The labels of the request timer, over real HTTP: each route names its template ({@code {id}} for
 * ids), whatever matches no route is {@code other}, and methods and statuses come from bounded
 * sets, so that no request can create a series of its own.
 */
@ExtendWith(LogCapturingExtension.class)
class HttpMetricsTest {
  private static TestApi api;
  private static ApiClient http;
  private static MeterRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("HttpMetricsTest");
    http = api.client();
    registry = VitrumMetrics.get(api.testKit().system()).registry();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static Map<Meter.Id, Long> counts() {
    Map<Meter.Id, Long> counts = new HashMap<>();
    for (Timer timer : registry.find("vitrum.http.requests").timers()) {
      counts.put(timer.getId(), timer.count());
    }
    return counts;
  }

  /** Sends {@code method path} and returns the route label that the request was counted under. */
  private static String routeOf(String method, String path) {
    Map<Meter.Id, Long> before = counts();
    http.send(method, path, BodyPublishers.noBody());
    return counted(before);
  }

  private static String counted(Map<Meter.Id, Long> before) {
    Set<Meter.Id> grown =
        counts().entrySet().stream()
            .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertEquals(1, grown.size(), () -> "exactly one timer counted the request: " + grown);
    return grown.iterator().next().getTag("route");
  }

  @Test
  void idsBecomePlaceholders() {
    assertEquals("/api/furnaces/{id}", routeOf("GET", "/api/furnaces/F1"));
    assertEquals("/api/furnaces/{id}/setpoints", routeOf("GET", "/api/furnaces/F1/setpoints"));
    assertEquals("/api/furnaces/{id}/autonomy", routeOf("GET", "/api/furnaces/F2/autonomy"));
    assertEquals(
        "/api/furnaces/{id}/alarms/{alarmId}/ack",
        routeOf("GET", "/api/furnaces/F1/alarms/F1.crown.T3/ack"));
    assertEquals("/api/sensors/{id}", routeOf("GET", "/api/sensors/F1.crown.T3"));
    assertEquals("/api/sensors/{id}/readings", routeOf("GET", "/api/sensors/F1.crown.T3/readings"));
  }

  @Test
  void theRootKeepsItsPath() {
    assertEquals("/", routeOf("GET", "/"));
    assertEquals("other", routeOf("GET", "/api/sensors"), "no route serves the collection");
  }

  @Test
  void unknownShapesFoldToOther() {
    assertEquals("other", routeOf("GET", "/favicon.ico"));
    assertEquals("other", routeOf("GET", "/api"));
    assertEquals("other", routeOf("GET", "/api/boilers/B1"));
    assertEquals("other", routeOf("GET", "/metrics"));
    assertEquals("other", routeOf("GET", "/api/furnaces/F1/a/b/c/d"));
    assertEquals("other", routeOf("GET", "/api/furnaces/F1/x7f3a9"), "no series per path");
    assertEquals("other", routeOf("GET", "/api/furnaces/F1/alarms/A1/x7f3a9"));
    Map<Meter.Id, Long> before = counts();
    assertEquals(404, http.sendRaw("OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n").status());
    assertEquals("other", counted(before), "the asterisk target");
  }

  @Test
  void twinSubResourcesKeepTheirNames() {
    assertEquals("/api/twin/{id}", routeOf("GET", "/api/twin/F1"));
    assertEquals("/api/twin/{id}/what-if", routeOf("GET", "/api/twin/F1/what-if"));
    assertEquals("/api/twin/{id}/shadow", routeOf("GET", "/api/twin/F1/shadow"));
    assertEquals(
        "/api/twin/{id}/scenarios/{scenarioId}", routeOf("GET", "/api/twin/F1/scenarios/s-1"));
  }

  @Test
  void randomPathsAndMethodsCreateNoSeries() {
    routeOf("GET", "/api/boilers/warm-up");
    routeOf("PATCH", "/api/boilers/warm-up");
    int series = counts().size();
    for (int i = 0; i < 100; i++) {
      routeOf(i % 2 == 0 ? "GET" : "PATCH", "/api/boilers/b" + i + "/x" + Integer.toHexString(i));
    }
    assertEquals(series, counts().size(), "100 distinct unknown paths added no series");
    assertTrue(
        registry.find("vitrum.http.requests").tag("route", "other").timers().size() <= 4,
        "unknown paths share a handful of series");
  }

  @Test
  void statusesAndMethodsAreBounded() {
    assertEquals("404", HttpMetrics.statusLabel(404));
    assertEquals("503", HttpMetrics.statusLabel(503));
    assertEquals("4xx", HttpMetrics.statusLabel(418));
    assertEquals("2xx", HttpMetrics.statusLabel(299));
    assertEquals("other", HttpMetrics.statusLabel(999));
    assertEquals("other", HttpMetrics.statusLabel(42));
    assertEquals("GET", HttpMetrics.methodLabel("GET"));
    assertEquals("other", HttpMetrics.methodLabel("BREW"));
  }
}
