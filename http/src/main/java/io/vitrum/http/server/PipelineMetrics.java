package io.vitrum.http.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.vitrum.core.metrics.HistogramQuantile;
import io.vitrum.http.dto.PipelineMetricsResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's figures over a recent window, read from the same meters as {@code /metrics}:
 * p50/p95/p99 of every stage (ingest stages, entity persists, HTTP routes), throughput of every
 * reading counter and of HTTP requests, and the consumer lag of each group.
 *
 * <p>{@link #tick()} samples the meters (the node calls it every window); a report compares the
 * meters now with the sample of the tick before last, so it covers between one and two windows of
 * recent traffic (since start until two ticks have passed).
 */
public final class PipelineMetrics {
  private static final double[] QUANTILES = {0.5, 0.95, 0.99};

  private final MeterRegistry registry;
  private final Clock clock;
  private Sample older;
  private Sample newer;

  public PipelineMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    Sample start = Sample.empty(clock.instant());
    this.older = start;
    this.newer = start;
  }

  /** Samples the meters: the next window starts here. */
  public synchronized void tick() {
    older = newer;
    newer = read();
  }

  /** The figures from the sample of the tick before last to now. */
  public PipelineMetricsResponse report() {
    Sample base;
    synchronized (this) {
      base = older;
    }
    Sample now = read();
    double seconds = Math.max(1e-3, Duration.between(base.at(), now.at()).toMillis() / 1000.0);
    List<PipelineMetricsResponse.Stage> stages = new ArrayList<>();
    now.histograms()
        .forEach(
            (name, h) -> {
              Histogram d = h.minus(base.histograms().get(name));
              double[] ms = new double[QUANTILES.length];
              for (int i = 0; i < QUANTILES.length; i++) {
                double s = HistogramQuantile.of(QUANTILES[i], d.bounds(), d.counts(), d.total());
                ms[i] = Double.isNaN(s) ? Double.NaN : s * 1000;
              }
              stages.add(
                  new PipelineMetricsResponse.Stage(
                      name,
                      (long) d.total(),
                      d.total() / seconds,
                      finite(ms[0]),
                      finite(ms[1]),
                      finite(ms[2])));
            });
    Map<String, Double> throughput = new TreeMap<>();
    now.counters()
        .forEach(
            (name, total) ->
                throughput.put(name, (total - base.counters().getOrDefault(name, 0.0)) / seconds));
    return new PipelineMetricsResponse(
        now.at(), seconds, stages, throughput, new TreeMap<>(now.lags()));
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private Sample read() {
    Map<String, Histogram> histograms = new TreeMap<>();
    for (Timer t : registry.find("vitrum.ingest.stage").timers()) {
      histograms.merge("ingest." + t.getId().getTag("stage"), Histogram.of(t), Histogram::plus);
    }
    for (Timer t : registry.find("vitrum.entity.persist").timers()) {
      histograms.merge("persist." + t.getId().getTag("entity"), Histogram.of(t), Histogram::plus);
    }
    double requests = 0;
    for (Timer t : registry.find("vitrum.http.requests").timers()) {
      histograms.merge(
          "http." + t.getId().getTag("method") + " " + t.getId().getTag("route"),
          Histogram.of(t),
          Histogram::plus);
      requests += t.count();
    }
    Map<String, Double> counters = new TreeMap<>();
    for (Counter c : registry.find("vitrum.ingest.readings").counters()) {
      counters.merge(
          "readings." + c.getId().getTag("source") + "." + c.getId().getTag("outcome"),
          c.count(),
          Double::sum);
    }
    counters.put("http.requests", requests);
    Map<String, Long> lags = new TreeMap<>();
    for (Gauge g : registry.find("vitrum.ingest.consumer.lag").gauges()) {
      lags.put(g.getId().getTag("group"), (long) g.value());
    }
    return new Sample(clock.instant(), histograms, counters, lags);
  }

  private record Sample(
      Instant at,
      Map<String, Histogram> histograms,
      Map<String, Double> counters,
      Map<String, Long> lags) {
    static Sample empty(Instant at) {
      return new Sample(at, Map.of(), Map.of(), Map.of());
    }
  }

  /** Cumulative bucket counts of one timer (or of several with the same buckets), in seconds. */
  private record Histogram(double[] bounds, double[] counts, double total) {
    static Histogram of(Timer timer) {
      HistogramSnapshot snapshot = timer.takeSnapshot();
      CountAtBucket[] buckets = snapshot.histogramCounts();
      double[] bounds = new double[buckets.length];
      double[] counts = new double[buckets.length];
      for (int i = 0; i < buckets.length; i++) {
        bounds[i] = buckets[i].bucket(TimeUnit.SECONDS);
        counts[i] = buckets[i].count();
      }
      return new Histogram(bounds, counts, snapshot.count());
    }

    Histogram plus(Histogram other) {
      return combine(other, 1);
    }

    Histogram minus(Histogram earlier) {
      return earlier == null ? this : combine(earlier, -1);
    }

    private Histogram combine(Histogram other, int sign) {
      if (other.bounds.length != bounds.length) {
        return this;
      }
      double[] c = counts.clone();
      for (int i = 0; i < c.length; i++) {
        c[i] += sign * other.counts[i];
      }
      return new Histogram(bounds, c, total + sign * other.total);
    }
  }
}
