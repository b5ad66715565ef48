package io.vitrum.loadtests.plant;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reject chutes of the plant's inspection lines: every item number written to a line's reject
 * output (over OPC UA or Modbus) is kicked off that line, in the order written; the last {@value
 * #KEPT} per line are kept. Thread-safe: the protocol servers' threads write, tests read.
 */
final class RejectGate {
  static final int KEPT = 10_000;

  private static final Logger log = LoggerFactory.getLogger(RejectGate.class);
  private static final int LOG_EVERY = 1000;

  private final Map<String, ArrayDeque<Long>> recent = new HashMap<>();
  private final Map<String, Long> counts = new HashMap<>();

  /** Kicks item {@code item} off the line of {@code furnace}. */
  synchronized void kick(String furnace, long item) {
    ArrayDeque<Long> line = recent.computeIfAbsent(furnace, f -> new ArrayDeque<>());
    line.addLast(item);
    if (line.size() > KEPT) {
      line.removeFirst();
    }
    long count = counts.merge(furnace, 1L, Long::sum);
    if (count % LOG_EVERY == 1) {
      log.info("Line {}: item {} kicked, {} so far", furnace, item, count);
    }
  }

  /** The last items kicked off {@code furnace}'s line, oldest first. */
  synchronized List<Long> kicked(String furnace) {
    return List.copyOf(recent.getOrDefault(furnace, new ArrayDeque<>()));
  }

  /** Items kicked off {@code furnace}'s line so far. */
  synchronized long count(String furnace) {
    return counts.getOrDefault(furnace, 0L);
  }
}
