package io.vitrum.core.plant;

import java.time.Duration;
import java.util.Objects;

/**
 * What a plant tag measures: its id, quantity, engineering unit, physically possible range (a
 * reading outside it is a sensor or transport fault, not a process state) and sampling period.
 */
public record TagSpec(
    String tag, String quantity, String unit, double min, double max, Duration sampling) {
  public TagSpec {
    if (!TagId.isValid(tag)) {
      throw new IllegalArgumentException("not a valid tag id: " + tag);
    }
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(sampling, "sampling");
    if (!(min < max)) {
      throw new IllegalArgumentException(tag + ": min must be below max");
    }
  }

  /** The furnace this tag belongs to. */
  public String furnace() {
    return TagId.furnaceOf(tag);
  }
}
