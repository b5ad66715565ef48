package io.vitrum.loadtests.sim;

import io.vitrum.core.plant.Reading;
import io.vitrum.core.sim.DefectEvent;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulationListener;
import io.vitrum.core.sim.SimulatorConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the plant simulator on one thread. One operation is one simulated second of the
 * whole plant, so the primary score is simulated seconds per wall-clock second; the secondary
 * {@code readings} score is readings generated per wall-clock second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimulatorBenchmark {

  @Param({"1", "4"})
  public int furnaces;

  private PlantSimulator simulator;

  /** Readings produced, reported by JMH as a rate next to the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Produced {
    public long readings;

    @Setup(Level.Iteration)
    public void reset() {
      readings = 0;
    }
  }

  /** Counts readings and hands everything to the blackhole so nothing is optimised away. */
  private static final class Sink implements SimulationListener {
    private final Blackhole blackhole;
    private final Produced produced;

    Sink(Blackhole blackhole, Produced produced) {
      this.blackhole = blackhole;
      this.produced = produced;
    }

    @Override
    public void onReading(Reading reading) {
      produced.readings++;
      blackhole.consume(reading);
    }

    @Override
    public void onDefect(DefectEvent defect) {
      blackhole.consume(defect);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    simulator = new PlantSimulator(SimulatorConfig.of(furnaces, 42));
  }

  /** One simulated second of the plant. */
  @Benchmark
  public void simulatedSecond(Produced produced, Blackhole blackhole) {
    simulator.advance(Duration.ofSeconds(1), new Sink(blackhole, produced));
  }
}
