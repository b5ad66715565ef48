package io.vitrum.core.sim;

import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A deterministic glass plant: any number of furnace lines, each publishing the {@link
 * io.vitrum.core.plant.FurnaceTags} set at its sampling rates through imperfect instruments, with
 * an MIK-1 inspection machine drawing defects from the process state, and faults injected on a
 * schedule. Everything random derives from {@link SimulatorConfig#seed()}; time is simulated and
 * advances only when asked, so the same config and the same calls give the same output.
 *
 * <p>Ground truth is open to evaluation code: the physical state, the disturbances and defect risk
 * behind the readings, the faults acting and every defect with its true cause.
 *
 * <p>Not thread-safe: drive one simulator from one thread (an actor, a stream stage).
 */
public final class PlantSimulator {
  private final SimulatorConfig config;
  private final Map<String, FurnaceSimulation> furnaces = new LinkedHashMap<>();
  private final List<DefectEvent> defects = new ArrayList<>();
  private final long stepMillis;
  private FaultSchedule faults;
  private long elapsedMillis;
  private boolean started;

  /** A plant at {@link SimulatorConfig#start()}, every furnace settled at its setpoints. */
  public PlantSimulator(SimulatorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.faults = config.faults();
    this.stepMillis = config.step().toMillis();
    SplittableRandom random = new SplittableRandom(config.seed());
    for (String id : config.furnaces()) {
      furnaces.put(id, new FurnaceSimulation(id, random.split(), config.itemsPerMinute()));
    }
  }

  public SimulatorConfig config() {
    return config;
  }

  /** The simulated time of the latest step (the start until the first advance). */
  public Instant now() {
    return config.start().plusMillis(elapsedMillis);
  }

  /** Furnace ids, in config order. */
  public List<String> furnaces() {
    return config.furnaces();
  }

  /** Every tag the plant publishes, furnace by furnace in {@code FurnaceTags} order. */
  public List<TagSpec> tags() {
    List<TagSpec> all = new ArrayList<>();
    for (FurnaceSimulation f : furnaces.values()) {
      all.addAll(f.tags());
    }
    return all;
  }

  /**
   * Advances simulated time by {@code span}, rounded down to whole steps, handing readings and
   * defects to {@code listener} in time order; a lambda {@code r -> ...} receives readings only.
   * The first call also publishes the readings at the start time. Defects are also kept in {@link
   * #defects()}.
   */
  public void advance(Duration span, SimulationListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (span.isNegative()) {
      throw new IllegalArgumentException("cannot go back in time: " + span);
    }
    SimulationListener recording =
        new SimulationListener() {
          @Override
          public void onReading(Reading reading) {
            listener.onReading(reading);
          }

          @Override
          public void onDefect(DefectEvent defect) {
            defects.add(defect);
            listener.onDefect(defect);
          }
        };
    if (!started) {
      stepAll(0, recording);
      started = true;
    }
    long steps = span.toMillis() / stepMillis;
    for (long i = 0; i < steps; i++) {
      elapsedMillis += stepMillis;
      stepAll(stepMillis / 1000.0, recording);
    }
  }

  private void stepAll(double dtSeconds, SimulationListener listener) {
    Instant ts = now();
    List<FaultScenario> active = faults.scenarios().isEmpty() ? List.of() : faults.activeAt(ts);
    for (FurnaceSimulation f : furnaces.values()) {
      List<FaultScenario> own = active.isEmpty() ? List.of() : onlyOf(f.id(), active);
      f.step(elapsedMillis, ts, dtSeconds, own, listener);
    }
  }

  private static List<FaultScenario> onlyOf(String furnace, List<FaultScenario> active) {
    List<FaultScenario> own = new ArrayList<>(active.size());
    for (FaultScenario s : active) {
      if (s.furnace().equals(furnace)) {
        own.add(s);
      }
    }
    return own;
  }

  /**
   * Changes a supervisory setpoint of {@code furnace} from the next step on. The simulator plays
   * the plant: it accepts any value within the parameter's safe bounds, whatever the step size;
   * rate limits are the caller's business.
   *
   * @throws IllegalArgumentException for an unknown furnace or a value outside the safe bounds
   */
  public void setSetpoint(String furnace, SetpointParameter parameter, double value) {
    if (!parameter.withinBounds(value)) {
      throw new IllegalArgumentException(
          parameter.key()
              + " "
              + value
              + " is outside ["
              + parameter.min()
              + ", "
              + parameter.max()
              + "]");
    }
    furnace(furnace).setSetpoint(parameter, value);
  }

  /** The supervisory setpoints {@code furnace} runs under. */
  public Setpoints setpoints(String furnace) {
    return furnace(furnace).setpoints();
  }

  /** The physical state behind the readings of {@code furnace}: the ground truth. */
  public FurnaceState state(String furnace) {
    return furnace(furnace).state();
  }

  /** The process disturbances acting on {@code furnace} in the latest step. */
  public Disturbances disturbances(String furnace) {
    return furnace(furnace).disturbances();
  }

  /** Expected share of items of {@code furnace} rejected as {@code defectClass}, all causes. */
  public double defectProbability(String furnace, InspectionClass defectClass) {
    return furnace(furnace).risk().probability(defectClass);
  }

  /** Adds {@code scenario} to the fault schedule; it acts from its start on. */
  public void inject(FaultScenario scenario) {
    furnace(scenario.furnace());
    faults = faults.with(scenario);
  }

  /**
   * Repairs {@code scenario}, one of {@link #faults()}, at {@code at}: it acts up to {@code at} as
   * scheduled, at the same level, and from {@code at} on no longer. In the schedule it becomes the
   * same fault ending at {@code at}; cut short inside its ramp, its ramp ends at {@code at} and its
   * magnitude is the level it reached by then (the levels before are the same, up to rounding). A
   * fault that would not have started by {@code at} is removed; one already over stays as it is.
   *
   * @return the fault standing for {@code scenario} in the schedule now; empty when it was removed
   * @throws IllegalArgumentException when {@code scenario} is not in the schedule
   */
  public Optional<FaultScenario> repair(FaultScenario scenario, Instant at) {
    Objects.requireNonNull(at, "at");
    if (!faults.scenarios().contains(scenario)) {
      throw new IllegalArgumentException("not in the schedule: " + scenario);
    }
    if (!at.isAfter(scenario.start())) {
      faults = faults.without(scenario);
      return Optional.empty();
    }
    if (!at.isBefore(scenario.end())) {
      return Optional.of(scenario);
    }
    FaultScenario repaired = endedAt(scenario, at);
    faults = faults.replacing(scenario, repaired);
    return Optional.of(repaired);
  }

  /** {@code s} ending at {@code at}, within its span, with its levels until then kept. */
  private static FaultScenario endedAt(FaultScenario s, Instant at) {
    Duration duration = Duration.between(s.start(), at);
    Duration ramp = s.ramp();
    double magnitude = s.magnitude();
    if (ramp.compareTo(duration) > 0) {
      magnitude = s.levelAt(at);
      ramp = duration;
    }
    return new FaultScenario(
        s.furnace(), s.kind(), s.start(), ramp, duration, magnitude, s.tag(), s.rootCause());
  }

  /** Every fault scheduled, past, present and future. */
  public FaultSchedule faults() {
    return faults;
  }

  /** The faults acting now. */
  public List<FaultScenario> activeFaults() {
    return faults.activeAt(now());
  }

  /** A snapshot of every defect drawn so far, in time order. */
  public List<DefectEvent> defects() {
    return List.copyOf(defects);
  }

  private FurnaceSimulation furnace(String id) {
    FurnaceSimulation f = furnaces.get(id);
    if (f == null) {
      throw new IllegalArgumentException("unknown furnace " + id);
    }
    return f;
  }
}
