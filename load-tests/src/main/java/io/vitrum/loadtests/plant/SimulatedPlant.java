package io.vitrum.loadtests.plant;

import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.sim.DefectEvent;
import io.vitrum.core.sim.FaultKind;
import io.vitrum.core.sim.FaultScenario;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulationListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PlantSimulator} as the plant process drives it: step by step, applying the setpoint
 * writes waiting in the {@link SetpointInbox} and the fault injections and repairs waiting in its
 * {@link InjectedFaults} before each tick, and telling for every step which instruments show a
 * fault. Confined to one thread, like the simulator it owns.
 */
public final class SimulatedPlant {
  private static final Logger log = LoggerFactory.getLogger(SimulatedPlant.class);

  private final PlantSimulator simulator;
  private final SetpointInbox inbox;
  private final InjectedFaults faults;
  private final Duration step;
  private final Map<String, Long> samplingMillis = new HashMap<>();
  private boolean started;

  public SimulatedPlant(PlantSimulator simulator, SetpointInbox inbox) {
    this.simulator = simulator;
    this.inbox = inbox;
    this.step = simulator.config().step();
    this.faults = new InjectedFaults(simulator.faults(), simulator.now());
    for (TagSpec spec : simulator.tags()) {
      samplingMillis.put(spec.tag(), spec.sampling().toMillis());
    }
  }

  /** The simulator, for setup before the loop starts and for tests; not thread-safe. */
  public PlantSimulator simulator() {
    return simulator;
  }

  /**
   * The faults of the control API: the simulator's schedule as it was when this plant was made, and
   * those injected since through it; safe from any thread.
   */
  public InjectedFaults faults() {
    return faults;
  }

  /** The simulation step. */
  public Duration step() {
    return step;
  }

  /** Every furnace's setpoints now. */
  public Map<String, Setpoints> setpoints() {
    Map<String, Setpoints> all = new LinkedHashMap<>();
    for (String furnace : simulator.furnaces()) {
      all.put(furnace, simulator.setpoints(furnace));
    }
    return all;
  }

  /**
   * Applies the writes, fault injections and repairs waiting, then simulates {@code steps} steps.
   * The very first call also yields the readings at the start time as an extra first step, so every
   * tag has a value at once.
   */
  public PlantTick advance(int steps) {
    applyWrites();
    faults.applyTo(simulator);
    List<PlantStep> out = new ArrayList<>(steps + 1);
    if (!started) {
      out.add(simulate(Duration.ZERO));
      started = true;
    }
    for (int i = 0; i < steps; i++) {
      out.add(simulate(step));
    }
    faults.advancedTo(simulator.now());
    return new PlantTick(out, setpoints());
  }

  private void applyWrites() {
    for (SetpointWrite w : inbox.drain()) {
      double before = simulator.setpoints(w.furnace()).get(w.parameter());
      try {
        simulator.setSetpoint(w.furnace(), w.parameter(), w.value());
        log.info(
            "{} setpoint {} {} -> {} {} (via {})",
            w.furnace(),
            w.parameter().key(),
            round(before),
            w.value(),
            w.parameter().unit(),
            w.via());
      } catch (IllegalArgumentException e) {
        log.warn("{} setpoint {} refused: {}", w.furnace(), w.parameter().key(), e.getMessage());
      }
    }
  }

  /** A setpoint as the log shows it: three decimals are more than any instrument resolves. */
  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private PlantStep simulate(Duration span) {
    List<Reading> readings = new ArrayList<>();
    List<DefectEvent> defects = new ArrayList<>();
    simulator.advance(
        span,
        new SimulationListener() {
          @Override
          public void onReading(Reading reading) {
            readings.add(reading);
          }

          @Override
          public void onDefect(DefectEvent defect) {
            defects.add(defect);
          }
        });
    Instant ts = simulator.now();
    return new PlantStep(ts, readings, visibleFaults(ts, readings), defects);
  }

  /** Stuck sensors, and dropouts that swallowed a sample due in this step. */
  private Map<String, SensorStatus> visibleFaults(Instant ts, List<Reading> readings) {
    List<FaultScenario> active = simulator.faults().activeAt(ts);
    if (active.isEmpty()) {
      return Map.of();
    }
    Map<String, SensorStatus> faults = new HashMap<>();
    long elapsed = Duration.between(simulator.config().start(), ts).toMillis();
    for (FaultScenario s : active) {
      if (s.kind() == FaultKind.STUCK_SENSOR) {
        faults.put(s.tag(), SensorStatus.STUCK);
      } else if (s.kind() == FaultKind.SENSOR_DROPOUT
          && elapsed % samplingMillis.getOrDefault(s.tag(), 1L) == 0
          && readings.stream().noneMatch(r -> r.tag().equals(s.tag()))) {
        faults.put(s.tag(), SensorStatus.LOST);
      }
    }
    return faults;
  }
}
