package io.vitrum.core.physics;

import io.vitrum.core.plant.FurnaceTags;

/**
 * The defect families of container glass (DOMAIN.md §4), each mapped to the reject class the
 * inspection machine counts it under ({@link FurnaceTags#REJECT_CLASSES}).
 */
public enum DefectClass {
  /** Seeds: small gas bubbles left by incomplete fining. */
  SEED("bubble"),
  /** Blisters: large bubbles from refractory or reboil. */
  BLISTER("bubble"),
  /** Stones: crystalline or refractory inclusions, devitrification. */
  STONE("stone"),
  /** Cord: glassy inhomogeneity, counted as an inclusion. */
  CORD("stone"),
  /** Checks and cracks. */
  CRACK("crack"),
  /** Chips at finish or heel. */
  CHIP("chip");

  private final String inspectionClass;

  DefectClass(String inspectionClass) {
    this.inspectionClass = inspectionClass;
  }

  /** The reject class of {@link FurnaceTags#REJECT_CLASSES} this defect is counted under. */
  public String inspectionClass() {
    return inspectionClass;
  }
}
