package io.vitrum.http.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/pipeline/metrics}: the pipeline over a recent window.
 *
 * @param at when it was read
 * @param windowSeconds the window the figures cover
 * @param stages latency per stage (milliseconds; null when the stage saw nothing in the window)
 * @param throughput events per second per counter ({@code readings.<source>.<outcome>}, {@code
 *     http.requests})
 * @param lag records not yet consumed, per consumer group
 */
public record PipelineMetricsResponse(
    Instant at,
    double windowSeconds,
    List<Stage> stages,
    Map<String, Double> throughput,
    Map<String, Long> lag) {

  /** One stage: how many passed it in the window, how fast, and its latency quantiles. */
  public record Stage(
      String stage, long count, double perSecond, Double p50Ms, Double p95Ms, Double p99Ms) {}
}
