package io.vitrum.core.sim;

import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * One simulated furnace line: its physics, supervisory setpoints, instruments and inspection
 * machine. Mutable, confined to the {@link PlantSimulator} that owns it; not thread-safe.
 *
 * <p>Each step, in this order: apply the faults acting now, advance the physics, inspect the items
 * made in the step and draw their defects, close the inspection minute at a whole minute, then
 * publish every tag that is due.
 */
final class FurnaceSimulation {
  private static final long MINUTE_MILLIS = 60_000;
  private static final long RISK_PERIOD_MILLIS = 10_000;
  private static final double CALIBRATION_SIGMA_K = 1.0;
  private static final int INSPECTED_SLOT = 0;
  private static final int NOT_A_COUNTER = -1;

  private final String id;
  private final FurnaceProcess process;
  private final DefectRiskModel riskModel;
  private final SensorChannel[] channels;
  private final List<ToDoubleFunction<FurnaceOutputs>> truths;
  private final int[] counterSlots;
  private final Map<String, Integer> channelByTag;
  private final InspectionClass[] defectClasses = DefectRisk.defectClasses();
  private final SplittableRandom sensorRandom;
  private final SplittableRandom defectRandom;
  private final Disturbances baseline;
  private final double itemsPerSecond;
  private final List<Integer> faultedChannels = new ArrayList<>();
  private final int[] counts;
  private final int[] published;
  private Setpoints setpoints;
  private Disturbances disturbances;
  private FurnaceState state;
  private DefectRisk risk;
  private double itemBacklog;

  /**
   * A furnace settled at its initial setpoints.
   *
   * @param id the furnace id
   * @param random this furnace's own stream; the furnace's variation, instruments and defects all
   *     derive from it
   * @param itemsPerMinute inspection rate of this line
   */
  FurnaceSimulation(String id, SplittableRandom random, double itemsPerMinute) {
    this.id = id;
    SplittableRandom variation = random.split();
    this.sensorRandom = random.split();
    this.defectRandom = random.split();
    this.process = new FurnaceProcess(FurnaceParameters.container300Tpd());
    this.riskModel = new DefectRiskModel(DefectModel.containerDefaults());
    this.itemsPerSecond = itemsPerMinute / 60.0;
    this.baseline = Disturbances.NONE.withRefractoryWear(variation.nextDouble(0.05, 0.3));
    this.disturbances = baseline;
    this.setpoints = variedSetpoints(variation);
    Map<String, ToDoubleFunction<FurnaceOutputs>> processTags = ProcessTagMap.of(id, variation);
    List<TagSpec> specs = FurnaceTags.of(id);
    this.channels = new SensorChannel[specs.size()];
    this.truths = new ArrayList<>(specs.size());
    this.counterSlots = new int[specs.size()];
    this.channelByTag = new HashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      TagSpec spec = specs.get(i);
      SensorCharacteristics characteristics = SensorCharacteristics.typicalFor(spec);
      double offset =
          characteristics == SensorCharacteristics.COUNTER
              ? 0
              : characteristics.noiseSigma() * CALIBRATION_SIGMA_K * variation.nextGaussian();
      channels[i] = new SensorChannel(spec, characteristics, offset);
      truths.add(processTags.get(spec.tag()));
      counterSlots[i] = counterSlot(id, spec.tag());
      channelByTag.put(spec.tag(), i);
    }
    this.counts = new int[1 + defectClasses.length];
    this.published = new int[1 + defectClasses.length];
    this.state = process.steadyState(setpoints, disturbances);
    this.risk = riskModel.risk(state.outputs(), disturbances);
  }

  /** Initial setpoints: nominal, moved a little per furnace so that no two lines run alike. */
  private static Setpoints variedSetpoints(SplittableRandom random) {
    Setpoints nominal = Setpoints.nominal();
    return nominal
        .with(
            SetpointParameter.CROWN_TEMPERATURE,
            nominal.crownTemperatureC() + random.nextDouble(-10, 10))
        .with(SetpointParameter.PULL_RATE, nominal.pullRateTpd() + random.nextDouble(-20, 20))
        .with(
            SetpointParameter.CULLET_FRACTION,
            nominal.culletFractionPct() + random.nextDouble(-5, 5));
  }

  private int counterSlot(String furnace, String tag) {
    if (tag.equals(FurnaceTags.inspected(furnace))) {
      return INSPECTED_SLOT;
    }
    for (int c = 0; c < defectClasses.length; c++) {
      if (tag.equals(FurnaceTags.rejects(furnace, defectClasses[c].label()))) {
        return 1 + c;
      }
    }
    return NOT_A_COUNTER;
  }

  String id() {
    return id;
  }

  FurnaceState state() {
    return state;
  }

  Setpoints setpoints() {
    return setpoints;
  }

  Disturbances disturbances() {
    return disturbances;
  }

  DefectRisk risk() {
    return risk;
  }

  List<TagSpec> tags() {
    List<TagSpec> specs = new ArrayList<>(channels.length);
    for (SensorChannel c : channels) {
      specs.add(c.spec());
    }
    return specs;
  }

  void setSetpoint(SetpointParameter parameter, double value) {
    setpoints = setpoints.with(parameter, value);
  }

  /**
   * Advances the line by {@code dtSeconds} to {@code elapsedMillis} after the start ({@code ts} in
   * simulated time) under the faults {@code active} of this furnace, and publishes to {@code
   * listener}.
   */
  void step(
      long elapsedMillis,
      Instant ts,
      double dtSeconds,
      List<FaultScenario> active,
      SimulationListener listener) {
    applyFaults(active, ts, elapsedMillis);
    if (dtSeconds > 0) {
      state = process.step(state, setpoints, disturbances, dtSeconds);
      if (elapsedMillis % RISK_PERIOD_MILLIS == 0) {
        risk = riskModel.risk(state.outputs(), disturbances);
      }
      inspect(dtSeconds, ts, listener);
    }
    if (elapsedMillis % MINUTE_MILLIS == 0) {
      System.arraycopy(counts, 0, published, 0, counts.length);
      Arrays.fill(counts, 0);
    }
    publish(elapsedMillis, ts, listener);
  }

  private void applyFaults(List<FaultScenario> active, Instant ts, long elapsedMillis) {
    disturbances = active.isEmpty() ? baseline : ProcessFaults.at(baseline, active, ts);
    if (active.isEmpty() && faultedChannels.isEmpty()) {
      return;
    }
    List<Integer> now = new ArrayList<>();
    for (FaultScenario s : active) {
      if (s.kind().isSensorFault()) {
        Integer index = channelByTag.get(s.tag());
        if (index != null) {
          channels[index].setFault(s.sensorFault(), elapsedMillis);
          now.add(index);
        }
      }
    }
    for (Integer index : faultedChannels) {
      if (!now.contains(index)) {
        channels[index].setFault(null, elapsedMillis);
      }
    }
    faultedChannels.clear();
    faultedChannels.addAll(now);
  }

  private void inspect(double dtSeconds, Instant ts, SimulationListener listener) {
    itemBacklog += itemsPerSecond * dtSeconds;
    int items = (int) itemBacklog;
    if (items == 0) {
      return;
    }
    itemBacklog -= items;
    counts[INSPECTED_SLOT] += items;
    for (int c = 0; c < defectClasses.length; c++) {
      double p = risk.total(c);
      int rejected = Math.min(items, Poisson.sample(items * p, defectRandom));
      counts[1 + c] += rejected;
      for (int k = 0; k < rejected; k++) {
        String cause = risk.causeAt(c, defectRandom.nextDouble() * p);
        listener.onDefect(new DefectEvent(id, ts, defectClasses[c], cause));
      }
    }
  }

  private void publish(long elapsedMillis, Instant ts, SimulationListener listener) {
    FurnaceOutputs outputs = state.outputs();
    for (int i = 0; i < channels.length; i++) {
      SensorChannel channel = channels[i];
      if (!channel.isDue(elapsedMillis)) {
        continue;
      }
      int slot = counterSlots[i];
      double truth = slot == NOT_A_COUNTER ? truths.get(i).applyAsDouble(outputs) : published[slot];
      double value = channel.sample(truth, elapsedMillis, sensorRandom);
      if (!Double.isNaN(value)) {
        listener.onReading(new Reading(channel.tag(), ts, value));
      }
    }
  }
}
