package io.vitrum.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The route label of the request timer: ids folded to {@code {id}}, anything unknown folded. */
class HttpMetricsTest {

  @Test
  void idsBecomePlaceholders() {
    assertEquals("/api/furnaces/{id}", HttpMetrics.template("/api/furnaces/F1"));
    assertEquals(
        "/api/furnaces/{id}/setpoints", HttpMetrics.template("/api/furnaces/F1/setpoints"));
    assertEquals("/api/furnaces/{id}/autonomy", HttpMetrics.template("/api/furnaces/F2/autonomy"));
    assertEquals(
        "/api/furnaces/{id}/alarms/{id}/ack",
        HttpMetrics.template("/api/furnaces/F1/alarms/F1.crown.T3/ack"));
    assertEquals("/api/sensors/{id}", HttpMetrics.template("/api/sensors/F1.crown.T3"));
    assertEquals(
        "/api/sensors/{id}/readings", HttpMetrics.template("/api/sensors/F1.crown.T3/readings"));
  }

  @Test
  void theRootAndCollectionsKeepTheirPath() {
    assertEquals("/", HttpMetrics.template("/"));
    assertEquals("/api/sensors", HttpMetrics.template("/api/sensors"));
  }

  @Test
  void unknownShapesFoldToOther() {
    assertEquals("other", HttpMetrics.template("/favicon.ico"));
    assertEquals("other", HttpMetrics.template("/api"));
    assertEquals("other", HttpMetrics.template("/api/boilers/B1"));
    assertEquals("other", HttpMetrics.template("/metrics"));
    assertEquals("other", HttpMetrics.template("/api/furnaces/F1/a/b/c/d"));
    assertEquals("other", HttpMetrics.template("/api/furnaces/F1/x7f3a9"), "no series per path");
    assertEquals("other", HttpMetrics.template("/api/furnaces/F1/alarms/A1/x7f3a9"));
  }

  @Test
  void twinSubResourcesKeepTheirNames() {
    assertEquals("/api/twin/{id}/what-if", HttpMetrics.template("/api/twin/F1/what-if"));
    assertEquals("/api/twin/{id}/shadow", HttpMetrics.template("/api/twin/F1/shadow"));
  }
}
