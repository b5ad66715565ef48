package io.vitrum.loadtests.plant;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SimulatedPlant} in real time on its own single thread: every tick it advances the
 * plant by the steps the {@link PlantClock} says are due and hands the result to every {@link
 * PlantOutput}. A failing output is logged and the loop goes on; the simulator never leaves this
 * thread.
 */
public final class RealTimeLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RealTimeLoop.class);
  private static final long MIN_TICK_MILLIS = 100;

  private final SimulatedPlant plant;
  private final PlantClock clock;
  private final List<PlantOutput> outputs;
  private final long tickMillis;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "plant-simulation");
            t.setDaemon(false);
            return t;
          });
  private long skippedLogged;

  /**
   * A loop ticking once per simulated step of wall time (every 1 s at speed 1), but not more often
   * than every 100 ms: at higher speeds one tick advances several steps.
   */
  public RealTimeLoop(
      SimulatedPlant plant, PlantClock clock, double speed, List<PlantOutput> outputs) {
    this.plant = plant;
    this.clock = clock;
    this.outputs = List.copyOf(outputs);
    this.tickMillis = Math.max(MIN_TICK_MILLIS, Math.round(plant.step().toMillis() / speed));
  }

  /**
   * Publishes the start state (every tag's first value, the initial setpoints) and waits until
   * every output has it, then ticks on in the background.
   */
  public void start() throws InterruptedException, ExecutionException, TimeoutException {
    thread.submit(this::tick).get(30, TimeUnit.SECONDS);
    thread.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
  }

  /** The tick period. */
  public Duration tickPeriod() {
    return Duration.ofMillis(tickMillis);
  }

  private void tick() {
    PlantTick result;
    try {
      result = plant.advance(clock.due());
    } catch (RuntimeException e) {
      log.error("Simulation step failed; the loop goes on", e);
      return;
    }
    for (PlantOutput output : outputs) {
      try {
        output.onTick(result);
      } catch (RuntimeException e) {
        log.warn("{} failed on a tick: {}", output.getClass().getSimpleName(), e.toString());
      }
    }
    if (clock.skipped() > skippedLogged) {
      log.warn("Simulation fell behind the wall clock: {} steps skipped in all", clock.skipped());
      skippedLogged = clock.skipped();
    }
  }

  /** Stops ticking, waiting for a tick in progress. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
