package io.vitrum.actors.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Meters of one entity type: commands accepted and rejected (by command and rejection code) and the
 * latency of persisting its events.
 *
 * <ul>
 *   <li>{@code vitrum_entity_commands_total{entity,command,outcome,code}}
 *   <li>{@code vitrum_entity_persist_seconds{entity}} (histogram)
 * </ul>
 *
 * <p>Counters are registered once per (command, outcome, code) and then reused; commands and codes
 * come from the entities' own fixed vocabularies, so the set stays small.
 */
public final class EntityMetrics {
  private final MeterRegistry registry;
  private final String entity;
  private final Timer persist;
  private final ConcurrentMap<Key, Counter> counters = new ConcurrentHashMap<>();

  private record Key(String command, String outcome, String code) {}

  public EntityMetrics(MeterRegistry registry, String entity) {
    this.registry = registry;
    this.entity = entity;
    this.persist =
        Timer.builder("vitrum.entity.persist")
            .description("Time from command to events persisted")
            .tag("entity", entity)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
  }

  /** Records an accepted command. */
  public void accepted(String command) {
    counter(command, "accepted", "none").increment();
  }

  /** Records a rejected command with its rejection code. */
  public void rejected(String command, String code) {
    counter(command, "rejected", code).increment();
  }

  /** Records the persist latency of a command that started at {@code startNanos}. */
  public void persisted(long startNanos) {
    persist.record(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private Counter counter(String command, String outcome, String code) {
    Key key = new Key(command, outcome, code);
    Counter counter = counters.get(key);
    return counter != null ? counter : counters.computeIfAbsent(key, this::register);
  }

  private Counter register(Key key) {
    return Counter.builder("vitrum.entity.commands")
        .description("Commands handled by entities")
        .tags(
            "entity",
            entity,
            "command",
            key.command(),
            "outcome",
            key.outcome(),
            "code",
            key.code())
        .register(registry);
  }
}
