package io.vitrum.loadtests.plant;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Maps the wall clock to simulation steps, so that simulated time runs from the simulation's start
 * at {@code speed} times wall time: at speed 1 a reading's timestamp is the wall-clock time it is
 * published at, however long the servers took to start. {@link #due()} says how many steps the
 * simulation owes since the last call, so a late tick catches up (at most {@code maxCatchUp} steps
 * at once; older debt is forgiven and counted, leaving simulated time behind) and an early one does
 * nothing.
 */
public final class PlantClock {
  private final LongSupplier epochMillis;
  private final long startMillis;
  private final double stepsPerMilli;
  private final long maxCatchUp;
  private long stepsDone;
  private long stepsSkipped;

  /**
   * @param start the simulated time of the first step, a wall-clock instant
   * @param step the simulation step
   * @param speed simulated time per wall time, positive
   * @param maxCatchUp the most steps {@link #due()} returns at once
   * @param epochMillis the wall clock ({@code System::currentTimeMillis}; a fake one in tests)
   */
  public PlantClock(
      Instant start, Duration step, double speed, long maxCatchUp, LongSupplier epochMillis) {
    this.epochMillis = epochMillis;
    this.startMillis = start.toEpochMilli();
    this.stepsPerMilli = speed / step.toMillis();
    this.maxCatchUp = maxCatchUp;
  }

  /** The steps to simulate now; each is owed only once. */
  public int due() {
    long target = (long) Math.floor((epochMillis.getAsLong() - startMillis) * stepsPerMilli);
    long owed = target - stepsDone - stepsSkipped;
    if (owed <= 0) {
      return 0;
    }
    if (owed > maxCatchUp) {
      stepsSkipped += owed - maxCatchUp;
      owed = maxCatchUp;
    }
    stepsDone += owed;
    return (int) owed;
  }

  /** Steps given up because the loop fell too far behind. */
  public long skipped() {
    return stepsSkipped;
  }
}
