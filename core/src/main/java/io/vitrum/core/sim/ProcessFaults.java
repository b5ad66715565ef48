package io.vitrum.core.sim;

import io.vitrum.core.physics.Disturbances;
import java.time.Instant;
import java.util.List;

/**
 * Turns the process faults acting at one instant into the physics' {@link Disturbances}. Faults of
 * one kind add up; the result is kept inside the ranges the physics accepts.
 */
public final class ProcessFaults {
  /** A fully failed lehr fan doubles the cooling rate the ware sees. */
  private static final double FAN_FAILURE_COOLING_GAIN = 1.0;

  /** A fully failed lehr fan leaves this temperature difference across the belt, K. */
  private static final double FAN_FAILURE_UNEVENNESS_K = 20;

  private static final double MIN_BURNER_EFFICIENCY = 0.5;
  private static final double MAX_BATCH_MOISTURE = 0.2;

  private ProcessFaults() {}

  /**
   * The disturbances at {@code t}: {@code baseline} (e.g. a furnace's refractory age) changed by
   * every process fault of {@code active} in proportion to its level at {@code t}.
   */
  public static Disturbances at(Disturbances baseline, List<FaultScenario> active, Instant t) {
    double efficiencyLost = 0;
    double moisture = 0;
    double cullet = 0;
    double fan = 0;
    double wear = 0;
    for (FaultScenario s : active) {
      double level = s.levelAt(t);
      switch (s.kind()) {
        case BURNER_DEGRADATION -> efficiencyLost += level;
        case BATCH_MOISTURE -> moisture += level / 100;
        case CULLET_SWING -> cullet += level;
        case LEHR_FAN_FAILURE -> fan += level;
        case REFRACTORY_WEAR -> wear += level;
        default -> {}
      }
    }
    if (efficiencyLost == 0 && moisture == 0 && cullet == 0 && fan == 0 && wear == 0) {
      return baseline;
    }
    fan = Math.min(1, fan);
    return new Disturbances(
        Math.max(MIN_BURNER_EFFICIENCY, baseline.burnerEfficiency() * (1 - efficiencyLost)),
        Math.min(MAX_BATCH_MOISTURE, baseline.batchMoisture() + moisture),
        baseline.culletOffsetPct() + cullet,
        baseline.lehrCoolingFactor() * (1 + FAN_FAILURE_COOLING_GAIN * fan),
        baseline.lehrUnevennessK() + FAN_FAILURE_UNEVENNESS_K * fan,
        Math.min(1, baseline.refractoryWear() + wear));
  }
}
