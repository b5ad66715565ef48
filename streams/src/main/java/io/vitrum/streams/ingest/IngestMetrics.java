package io.vitrum.streams.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of ingest, on the node's registry (Prometheus {@code /metrics}):
 *
 * <ul>
 *   <li>{@code vitrum_ingest_readings_total{source,outcome}}: readings accepted, quarantined, and
 *       (source {@code sensor}) delivered, duplicate or refused by the entities
 *   <li>{@code vitrum_ingest_quarantined_total{source,reason}}: quarantined input by reason
 *   <li>{@code vitrum_ingest_stage_seconds{stage}}: latency of a stage ({@code kafka-write}: from
 *       validation to the readings log; {@code delivery}: the entity's ask; {@code reading-age}:
 *       from a reading's own timestamp to its entity's acknowledgement, i.e. publish-to-entity
 *       latency when the publisher stamps readings as it sends them)
 *   <li>{@code vitrum_ingest_consumer_lag{group}}: records of {@code vitrum.readings} not yet
 *       consumed by a consumer group, as last measured
 * </ul>
 *
 * Sources and reasons come from fixed vocabularies (the source names and the rejection codes), so
 * the set of series stays small.
 */
public final class IngestMetrics {
  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicLong> lags = new ConcurrentHashMap<>();

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts {@code n} readings of {@code source} with {@code outcome}. */
  public void readings(String source, String outcome, long n) {
    if (n > 0) {
      counter("vitrum.ingest.readings", "outcome", source, outcome).increment(n);
    }
  }

  /** Counts one quarantined input of {@code source} for {@code reason}. */
  public void quarantined(String source, String reason) {
    counter("vitrum.ingest.quarantined", "reason", source, reason).increment();
  }

  /** Records the lag of the consumer group {@code group} as just measured. */
  public void lag(String group, long records) {
    lags.computeIfAbsent(
            group,
            g -> {
              AtomicLong value = new AtomicLong();
              Gauge.builder("vitrum.ingest.consumer.lag", value, AtomicLong::get)
                  .description("Records of vitrum.readings not yet consumed by the group")
                  .tag("group", g)
                  .register(registry);
              return value;
            })
        .set(records);
  }

  /** Records how long {@code stage} took for one element. */
  public void stage(String stage, Duration took) {
    timers
        .computeIfAbsent(
            stage,
            s ->
                Timer.builder("vitrum.ingest.stage")
                    .description("Latency of one ingest stage")
                    .tag("stage", s)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry))
        .record(took);
  }

  private Counter counter(String name, String kind, String source, String value) {
    String key = name + '|' + source + '|' + value;
    Counter c = counters.get(key);
    if (c != null) {
      return c;
    }
    return counters.computeIfAbsent(
        key,
        k ->
            Counter.builder(name)
                .description("Ingest " + kind + " counts")
                .tag("source", source)
                .tag(kind, value)
                .register(registry));
  }
}
