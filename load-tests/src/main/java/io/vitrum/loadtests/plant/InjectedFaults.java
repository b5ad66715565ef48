package io.vitrum.loadtests.plant;

import io.vitrum.core.sim.FaultScenario;
import io.vitrum.core.sim.FaultSchedule;
import io.vitrum.core.sim.PlantSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults of the control API, by id, and where its injections and repairs wait for the
 * simulation thread. Any thread may {@link #inject} or {@link #repair} (non-blocking: the answer is
 * a future, completed once the simulation thread has applied it, at the simulated time it then
 * stands at) and read the faults; the simulation thread {@link #applyTo}s what waits before each
 * tick, because the simulator is not thread-safe. Bounded: when {@value #CAPACITY} requests wait
 * already, a request fails at once with {@link RejectedExecutionException}.
 *
 * <p>The faults the simulator's schedule held when this was made are listed too ({@code
 * scheduled-<n>}, in start order) and can be repaired; faults injected into the simulator directly
 * later are not.
 */
public final class InjectedFaults {
  /** Requests that may wait at once; far more than anyone sends between two ticks. */
  public static final int CAPACITY = 64;

  private static final Logger log = LoggerFactory.getLogger(InjectedFaults.class);

  private final BlockingQueue<Consumer<PlantSimulator>> pending =
      new ArrayBlockingQueue<>(CAPACITY);
  private final Map<String, InjectedFault> faults = new LinkedHashMap<>();
  private volatile Instant now;
  private long injectedCount;

  /** The faults of {@code scheduled}, at simulated time {@code now}. */
  public InjectedFaults(FaultSchedule scheduled, Instant now) {
    this.now = now;
    int n = 0;
    for (FaultScenario s : scheduled.scenarios()) {
      String id = "scheduled-" + ++n;
      faults.put(id, new InjectedFault(id, true, s, s));
    }
  }

  /**
   * Queues {@code request}; the future completes with the fault once it is in the simulator's
   * schedule, starting at the simulated time it was applied at. Cancelling the future withdraws the
   * request if the simulation thread has not taken it yet (then {@code cancel} returns true).
   */
  public CompletableFuture<InjectedFault> inject(FaultRequest request) {
    return submit(
        simulator -> {
          FaultScenario scenario = request.scenarioAt(simulator.now());
          simulator.inject(scenario);
          String id = "fault-" + ++injectedCount;
          InjectedFault fault = new InjectedFault(id, false, scenario, scenario);
          put(fault);
          log.info(
              "{} fault {} {}{} magnitude {} injected at {} (control API)",
              scenario.furnace(),
              id,
              scenario.kind().key(),
              scenario.tag() == null ? "" : " on " + scenario.tag(),
              scenario.magnitude(),
              scenario.start());
          return fault;
        });
  }

  /**
   * Queues the repair of fault {@code id} at the simulated time it is applied at, from which on it
   * no longer acts; the future completes with the fault as repaired (a fault over already stays as
   * it is), or fails with {@link NoSuchElementException} for an unknown id.
   */
  public CompletableFuture<InjectedFault> repair(String id) {
    return submit(
        simulator -> {
          InjectedFault fault =
              get(id).orElseThrow(() -> new NoSuchElementException("no fault " + id));
          if (fault.acting() == null) {
            return fault;
          }
          Instant at = simulator.now();
          boolean acting = fault.acting().end().isAfter(at);
          Optional<FaultScenario> standing = simulator.repair(fault.acting(), at);
          InjectedFault repaired = fault.repairedAs(standing.orElse(null));
          put(repaired);
          if (acting) {
            log.info(
                "{} fault {} {} repaired at {} (control API)",
                fault.injected().furnace(),
                id,
                fault.injected().kind().key(),
                at);
          }
          return repaired;
        });
  }

  /** Fault {@code id}. */
  public synchronized Optional<InjectedFault> get(String id) {
    return Optional.ofNullable(faults.get(id));
  }

  /** Every fault: the scheduled ones first, then the injected ones in injection order. */
  public synchronized List<InjectedFault> all() {
    return new ArrayList<>(faults.values());
  }

  /** The simulated time of the latest step the simulation thread reported. */
  public Instant now() {
    return now;
  }

  /** Applies the requests waiting, oldest first; only on the simulation thread. */
  public void applyTo(PlantSimulator simulator) {
    now = simulator.now();
    List<Consumer<PlantSimulator>> commands = new ArrayList<>();
    pending.drainTo(commands);
    for (Consumer<PlantSimulator> c : commands) {
      c.accept(simulator);
    }
  }

  /** Records that the simulation has advanced to {@code time}; only on the simulation thread. */
  public void advancedTo(Instant time) {
    now = time;
  }

  private synchronized void put(InjectedFault fault) {
    faults.put(fault.id(), fault);
  }

  private CompletableFuture<InjectedFault> submit(Function<PlantSimulator, InjectedFault> command) {
    Request result = new Request();
    Consumer<PlantSimulator> apply =
        simulator -> {
          if (!result.take()) {
            return;
          }
          try {
            result.complete(command.apply(simulator));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        };
    return pending.offer(apply) ? result : CompletableFuture.failedFuture(busy());
  }

  private static RejectedExecutionException busy() {
    return new RejectedExecutionException(CAPACITY + " fault requests wait already");
  }

  /**
   * A request's answer that can be withdrawn only while it waits: once the simulation thread has
   * taken it, {@link #cancel} returns false and the answer follows.
   */
  private static final class Request extends CompletableFuture<InjectedFault> {
    private final AtomicBoolean taken = new AtomicBoolean();

    boolean take() {
      return taken.compareAndSet(false, true);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return take() && super.cancel(mayInterruptIfRunning);
    }
  }
}
