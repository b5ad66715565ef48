package io.vitrum.core.physics;

/**
 * Process faults acting on a furnace line, as the simulator injects them and as the twin estimates
 * them. {@link #NONE} is the healthy plant; each field says which physical quantity it moves.
 *
 * @param burnerEfficiency share of the gas's heating value released in the combustion space (1
 *     healthy; below 1 degraded burners: more gas for the same crown, more CO, flame on refractory)
 * @param batchMoisture water in the batch above the normal level, mass fraction (0 healthy): extra
 *     evaporation enthalpy on the melt, less glass per charged tonne (level drops), batching upsets
 * @param culletOffsetPct actual cullet fraction minus its setpoint, percentage points (0 healthy):
 *     batch enthalpy, glass yield of the batch, redox swings
 * @param lehrCoolingFactor actual lehr cooling rate over its setpoint (1 healthy; a failed
 *     recirculation fan lets cold air hit the ware: above 1)
 * @param lehrUnevennessK temperature difference across the lehr belt in kelvin (0 healthy; a failed
 *     zone fan): adds restrained stress to every article
 * @param refractoryWear wear of the tank refractory, 0 new to 1 end of campaign: more heat lost
 *     through crown, walls and bottom, more stones, cord and blisters
 */
public record Disturbances(
    double burnerEfficiency,
    double batchMoisture,
    double culletOffsetPct,
    double lehrCoolingFactor,
    double lehrUnevennessK,
    double refractoryWear) {

  /** A healthy line: no fault active. */
  public static final Disturbances NONE = new Disturbances(1, 0, 0, 1, 0, 0);

  public Disturbances {
    if (!(burnerEfficiency > 0 && burnerEfficiency <= 1)) {
      throw new IllegalArgumentException("burnerEfficiency must be in (0, 1]");
    }
    if (!(batchMoisture >= 0 && batchMoisture < 0.5)) {
      throw new IllegalArgumentException("batchMoisture must be in [0, 0.5)");
    }
    if (!Double.isFinite(culletOffsetPct)) {
      throw new IllegalArgumentException("culletOffsetPct must be finite");
    }
    if (!(lehrCoolingFactor > 0 && Double.isFinite(lehrCoolingFactor))) {
      throw new IllegalArgumentException("lehrCoolingFactor must be positive");
    }
    if (!(lehrUnevennessK >= 0 && Double.isFinite(lehrUnevennessK))) {
      throw new IllegalArgumentException("lehrUnevennessK must be non-negative");
    }
    if (!(refractoryWear >= 0 && refractoryWear <= 1)) {
      throw new IllegalArgumentException("refractoryWear must be in [0, 1]");
    }
  }

  public Disturbances withBurnerEfficiency(double value) {
    return new Disturbances(
        value, batchMoisture, culletOffsetPct, lehrCoolingFactor, lehrUnevennessK, refractoryWear);
  }

  public Disturbances withBatchMoisture(double value) {
    return new Disturbances(
        burnerEfficiency,
        value,
        culletOffsetPct,
        lehrCoolingFactor,
        lehrUnevennessK,
        refractoryWear);
  }

  public Disturbances withCulletOffsetPct(double value) {
    return new Disturbances(
        burnerEfficiency, batchMoisture, value, lehrCoolingFactor, lehrUnevennessK, refractoryWear);
  }

  public Disturbances withLehrCoolingFactor(double value) {
    return new Disturbances(
        burnerEfficiency, batchMoisture, culletOffsetPct, value, lehrUnevennessK, refractoryWear);
  }

  public Disturbances withLehrUnevennessK(double value) {
    return new Disturbances(
        burnerEfficiency, batchMoisture, culletOffsetPct, lehrCoolingFactor, value, refractoryWear);
  }

  public Disturbances withRefractoryWear(double value) {
    return new Disturbances(
        burnerEfficiency,
        batchMoisture,
        culletOffsetPct,
        lehrCoolingFactor,
        lehrUnevennessK,
        value);
  }
}
