package io.vitrum.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vitrum.http.dto.PipelineMetricsResponse;
import io.vitrum.streams.ingest.IngestMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The pipeline report over a Prometheus registry fed through the real ingest meters: quantiles per
 * stage of the window only, rates over the window's length, lag as last measured.
 */
class PipelineMetricsTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };

  private static PipelineMetricsResponse.Stage stage(PipelineMetricsResponse r, String name) {
    return r.stages().stream().filter(s -> s.stage().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void reportsTheWindowsQuantilesRatesAndLag() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    IngestMetrics ingest = new IngestMetrics(registry);
    PipelineMetrics pipeline = new PipelineMetrics(registry, clock);

    // Before the window: slow writes that the report must not count. The window starts at the
    // tick before last (t0) and ends now (t0 + 20 s).
    for (int i = 0; i < 100; i++) {
      ingest.stage("kafka-write", Duration.ofSeconds(2));
    }
    ingest.readings("opcua", "accepted", 1000);
    pipeline.tick();
    now.set(now.get().plusSeconds(10));
    pipeline.tick();

    // In the window: 1000 writes, 980 fast (3 ms) and 20 slow (900 ms); 5000 readings.
    for (int i = 0; i < 980; i++) {
      ingest.stage("kafka-write", Duration.ofMillis(3));
    }
    for (int i = 0; i < 20; i++) {
      ingest.stage("kafka-write", Duration.ofMillis(900));
    }
    ingest.readings("opcua", "accepted", 5000);
    ingest.lag("vitrum-sensors", 42);
    now.set(now.get().plusSeconds(10));

    PipelineMetricsResponse report = pipeline.report();
    assertEquals(20.0, report.windowSeconds(), 1e-9);
    PipelineMetricsResponse.Stage write = stage(report, "ingest.kafka-write");
    assertEquals(1000, write.count());
    assertEquals(50.0, write.perSecond(), 1e-9);
    // The histogram's buckets bound the estimate: p50 among the 3 ms writes, p99 below 1 s.
    assertTrue(write.p50Ms() > 1 && write.p50Ms() < 5, "p50 " + write.p50Ms());
    assertTrue(write.p95Ms() < 5, "p95 " + write.p95Ms());
    assertTrue(write.p99Ms() > 5 && write.p99Ms() <= 1000, "p99 " + write.p99Ms());
    assertEquals(250.0, report.throughput().get("readings.opcua.accepted"), 1e-9);
    assertEquals(42L, report.lag().get("vitrum-sensors"));
  }

  @Test
  void aStageWithoutTrafficInTheWindowHasNoQuantiles() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    IngestMetrics ingest = new IngestMetrics(registry);
    PipelineMetrics pipeline = new PipelineMetrics(registry, clock);
    ingest.stage("delivery", Duration.ofMillis(5));
    pipeline.tick();
    pipeline.tick();
    now.set(now.get().plusSeconds(10));
    PipelineMetricsResponse.Stage delivery = stage(pipeline.report(), "ingest.delivery");
    assertEquals(0, delivery.count());
    assertNull(delivery.p99Ms());
  }
}
