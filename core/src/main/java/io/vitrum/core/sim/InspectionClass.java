package io.vitrum.core.sim;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the MIK-1 inspection machine (DOMAIN.md §5) classifies an item as. Coarser than the physical
 * defect families of {@link io.vitrum.core.physics.DefectClass} (a seed and a blister are both a
 * {@link #BUBBLE}). The label is part of the dataset format and of the reject tags {@code
 * <F>.insp.reject.<label>}: never rename one.
 */
public enum InspectionClass {
  /** A good item. */
  NONE("none"),
  /** Check or crack, from thermal shock or stress frozen in by the lehr. */
  CRACK("crack"),
  /** Seed or blister: a gas inclusion the fining did not remove. */
  BUBBLE("bubble"),
  /** Solid inclusion: refractory, unmelted batch or devitrification. */
  STONE("stone"),
  /** Chipped finish or edge, from handling or a weak finish. */
  CHIP("chip");

  private final String label;

  InspectionClass(String label) {
    this.label = label;
  }

  /** Dataset and tag name, e.g. {@code crack}. */
  public String label() {
    return label;
  }

  /** Whether the item is rejected. */
  public boolean isDefect() {
    return this != NONE;
  }

  /** The class labelled {@code label}, if there is one. */
  public static Optional<InspectionClass> byLabel(String label) {
    return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
  }
}
