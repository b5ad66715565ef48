package io.vitrum.loadtests.twin;

import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.SetpointChange;
import io.vitrum.core.twin.TwinState;
import io.vitrum.core.twin.WhatIfOutcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the twin's decision support. {@link #whatIfOneHour} is one what-if of the crown setpoint
 * over a one-hour horizon (baseline and scenario, 10 s steps, defect rates at every step); the
 * target is at most 50 ms. {@link #plantHourAtOneSecondSteps} runs one simulated hour of the
 * furnace at the simulator's 1 s step, so simulated plant time per wall second is 3600 s divided by
 * its time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WhatIfBenchmark {
  private static final double HOUR_S = 3600;

  private DigitalTwin twin;
  private TwinState synced;
  private List<SetpointChange> hotterCrown;
  private FurnaceProcess process;
  private FurnaceState plant;
  private Setpoints nominal;

  @Setup
  public void setUp() {
    twin = DigitalTwin.containerDefaults();
    nominal = Setpoints.nominal();
    synced = twin.start("F1", nominal);
    hotterCrown = List.of(SetpointChange.delta(SetpointParameter.CROWN_TEMPERATURE, 50));
    process = new FurnaceProcess(FurnaceParameters.container300Tpd());
    plant = process.steadyState(nominal, Disturbances.NONE);
  }

  @Benchmark
  public WhatIfOutcome whatIfOneHour() {
    return twin.whatIf(synced, hotterCrown, HOUR_S);
  }

  @Benchmark
  public FurnaceState plantHourAtOneSecondSteps() {
    FurnaceState s = plant;
    for (int i = 0; i < HOUR_S; i++) {
      s = process.step(s, nominal, Disturbances.NONE, 1);
    }
    return s;
  }
}
