package io.vitrum.loadtests.plant;

import io.vitrum.core.plant.SetpointParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Where setpoint writes from every protocol meet: protocol threads {@link #submit} (non-blocking,
 * checked against the furnace list and the parameter's safe bounds so the writer gets its answer at
 * once), and the simulation thread {@link #drain}s and applies them, because the simulator is not
 * thread-safe. Bounded: a client flooding writes is refused with {@link Verdict#BUSY}.
 */
public final class SetpointInbox {

  /** What became of a submitted write. */
  public enum Verdict {
    /** Queued; applied from the next simulation step on. */
    ACCEPTED,
    /** Not a number, or outside the parameter's safe bounds. */
    OUT_OF_RANGE,
    /** The plant has no such furnace. */
    UNKNOWN_FURNACE,
    /** Too many writes waiting. */
    BUSY
  }

  /** Writes that may wait at once; far more than any operator or engine sends in one tick. */
  public static final int DEFAULT_CAPACITY = 1024;

  private final Set<String> furnaces;
  private final BlockingQueue<SetpointWrite> queue;

  /** An inbox for the furnaces {@code furnaces} holding at most {@code capacity} writes. */
  public SetpointInbox(Set<String> furnaces, int capacity) {
    this.furnaces = Set.copyOf(furnaces);
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Checks and queues one write; safe from any thread, never blocks. */
  public Verdict submit(String furnace, SetpointParameter parameter, double value, String via) {
    if (!furnaces.contains(furnace)) {
      return Verdict.UNKNOWN_FURNACE;
    }
    if (!parameter.withinBounds(value)) {
      return Verdict.OUT_OF_RANGE;
    }
    return queue.offer(new SetpointWrite(furnace, parameter, value, via))
        ? Verdict.ACCEPTED
        : Verdict.BUSY;
  }

  /** Takes every write waiting, oldest first. */
  public List<SetpointWrite> drain() {
    List<SetpointWrite> writes = new ArrayList<>();
    queue.drainTo(writes);
    return writes;
  }
}
