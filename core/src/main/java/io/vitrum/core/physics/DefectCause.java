package io.vitrum.core.physics;

/**
 * Why a defect rate is above its baseline. The {@link #key()} strings are stable: the simulator
 * records them as the true cause of a defect and the causal graph matches on them.
 */
public enum DefectCause {
  /** What the line makes when every driver is at its reference. */
  BASELINE("baseline"),
  /** Melt top (fining) temperature below reference: bubbles rise and dissolve too slowly. */
  FINING_TEMPERATURE_LOW("fining-temperature-low"),
  /** Pull above reference: shorter residence, unmelted batch, faster line. */
  PULL_HIGH("pull-high"),
  /** Lehr cooling through the annealing range faster than reference. */
  LEHR_COOLING_FAST("lehr-cooling-fast"),
  /** Uneven lehr cooling (a failed zone fan). */
  LEHR_COOLING_UNEVEN("lehr-cooling-uneven"),
  /** Gob away from the forming machine's reference temperature: uneven walls, poor finish. */
  GOB_TEMPERATURE_OFF("gob-temperature-off"),
  /** Worn refractory: fall-in, exudation, erosion, porous blocks. */
  REFRACTORY_WEAR("refractory-wear"),
  /** Glass below the liquidus in the forehearth: devitrification. */
  BELOW_LIQUIDUS("below-liquidus"),
  /** Melt too cold to dissolve the batch. */
  MELT_TEMPERATURE_LOW("melt-temperature-low"),
  /** Wet batch: batching upsets. */
  BATCH_MOISTURE("batch-moisture"),
  /** Cullet fraction away from its setpoint: redox and fining shift. */
  CULLET_SWING("cullet-swing"),
  /** Degraded burners: reducing flame, flame on refractory. */
  BURNER_DEGRADATION("burner-degradation");

  private final String key;

  DefectCause(String key) {
    this.key = key;
  }

  /** The stable name, e.g. {@code fining-temperature-low}. */
  public String key() {
    return key;
  }
}
