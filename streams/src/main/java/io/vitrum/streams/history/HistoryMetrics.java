package io.vitrum.streams.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of history, on the node's registry (Prometheus {@code /metrics}):
 *
 * <ul>
 *   <li>{@code vitrum_history_points_total{outcome}}: points of closed blocks {@code written},
 *       {@code unchanged} (already stored: a replay after a restart) or {@code expired} (older than
 *       their retention)
 *   <li>{@code vitrum_history_blocks_total{outcome}}: the same, per block
 *   <li>{@code vitrum_history_block_bytes_total}: encoded bytes of the blocks written
 *   <li>{@code vitrum_history_cql_total{op}}: statements sent to Cassandra ({@code read}, {@code
 *       write})
 *   <li>{@code vitrum_history_open_points}, {@code vitrum_history_open_blocks}: held in memory
 * </ul>
 */
public final class HistoryMetrics {
  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final AtomicLong openPoints = new AtomicLong();
  private final AtomicLong openBlocks = new AtomicLong();

  public HistoryMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("vitrum.history.open.points", openPoints, AtomicLong::get)
        .description("Points held in open blocks")
        .register(registry);
    Gauge.builder("vitrum.history.open.blocks", openBlocks, AtomicLong::get)
        .description("Open blocks in memory")
        .register(registry);
  }

  /** Counts a closed block of {@code points} points with {@code outcome}. */
  public void block(String outcome, int points) {
    counter("vitrum.history.blocks", "outcome", outcome).increment();
    counter("vitrum.history.points", "outcome", outcome).increment(points);
  }

  /** Counts the encoded bytes of a block written. */
  public void bytes(int bytes) {
    counter("vitrum.history.block.bytes", null, null).increment(bytes);
  }

  /** Counts one statement to Cassandra. */
  public void cql(String op) {
    counter("vitrum.history.cql", "op", op).increment();
  }

  /** Records what the writer holds in memory. */
  public void open(long points, long blocks) {
    openPoints.set(points);
    openBlocks.set(blocks);
  }

  /** The total of a counter so far (0 if never counted): for load generators and tests. */
  public double count(String name, String value) {
    Counter c = counters.get(name + "|" + value);
    return c == null ? 0 : c.count();
  }

  private Counter counter(String name, String tag, String value) {
    return counters.computeIfAbsent(
        name + "|" + value,
        k -> {
          Counter.Builder b = Counter.builder(name);
          if (tag != null) {
            b = b.tag(tag, value);
          }
          return b.register(registry);
        });
  }
}
