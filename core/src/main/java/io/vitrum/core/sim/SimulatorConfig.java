package io.vitrum.core.sim;

import io.vitrum.core.plant.FurnaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * What a simulation run is: which furnaces, the seed everything random derives from, when it starts
 * (simulated time, never the wall clock), the integration step, the inspection rate and the faults
 * to inject.
 *
 * @param furnaces furnace ids, distinct, at least one
 * @param seed master seed; the same config gives the same output
 * @param start simulated time of the first step
 * @param step integration and sampling step; divides one second (e.g. 1 s, 500 ms, 100 ms)
 * @param itemsPerMinute items the MIK-1 machine of each line inspects per minute (250–400 real)
 * @param faults faults to inject
 */
public record SimulatorConfig(
    List<String> furnaces,
    long seed,
    Instant start,
    Duration step,
    double itemsPerMinute,
    FaultSchedule faults) {

  /** Midnight, 1 January 2025 UTC: the default simulated start. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  /** The rate of a 24-cell MIK-1 carousel. */
  public static final double DEFAULT_ITEMS_PER_MINUTE = 330;

  private static final long MILLIS_PER_SECOND = 1000;
  private static final double MAX_ITEMS_PER_MINUTE = 1000;

  public SimulatorConfig {
    furnaces = List.copyOf(furnaces);
    if (furnaces.isEmpty() || new HashSet<>(furnaces).size() != furnaces.size()) {
      throw new IllegalArgumentException("need at least one furnace, each id once");
    }
    for (String f : furnaces) {
      if (!FurnaceId.isValid(f)) {
        throw new IllegalArgumentException("not a furnace id: " + f);
      }
    }
    Objects.requireNonNull(start, "start");
    long stepMillis = Objects.requireNonNull(step, "step").toMillis();
    if (stepMillis <= 0 || MILLIS_PER_SECOND % stepMillis != 0 || step.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("step must be whole milliseconds dividing 1 s: " + step);
    }
    if (!(itemsPerMinute >= 0 && itemsPerMinute <= MAX_ITEMS_PER_MINUTE)) {
      throw new IllegalArgumentException("itemsPerMinute must be in [0, 1000]");
    }
    Objects.requireNonNull(faults, "faults");
    for (FaultScenario s : faults.scenarios()) {
      if (!furnaces.contains(s.furnace())) {
        throw new IllegalArgumentException("fault for unknown furnace " + s.furnace());
      }
    }
  }

  /** Furnaces {@code F1..Fn} from the default start, 1 s steps, 330 items/min, no faults. */
  public static SimulatorConfig of(int furnaceCount, long seed) {
    if (furnaceCount < 1) {
      throw new IllegalArgumentException("need at least one furnace");
    }
    List<String> ids = IntStream.rangeClosed(1, furnaceCount).mapToObj(i -> "F" + i).toList();
    return new SimulatorConfig(
        ids,
        seed,
        DEFAULT_START,
        Duration.ofSeconds(1),
        DEFAULT_ITEMS_PER_MINUTE,
        FaultSchedule.NONE);
  }

  public SimulatorConfig withFaults(FaultSchedule schedule) {
    return new SimulatorConfig(furnaces, seed, start, step, itemsPerMinute, schedule);
  }

  public SimulatorConfig withItemsPerMinute(double rate) {
    return new SimulatorConfig(furnaces, seed, start, step, rate, faults);
  }

  public SimulatorConfig withStart(Instant at) {
    return new SimulatorConfig(furnaces, seed, at, step, itemsPerMinute, faults);
  }

  public SimulatorConfig withStep(Duration newStep) {
    return new SimulatorConfig(furnaces, seed, start, newStep, itemsPerMinute, faults);
  }
}
