package io.vitrum.core.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * One rejected item, with the cause that really produced it: the label a root-cause model is scored
 * against.
 *
 * @param furnace the furnace whose glass the item is made of
 * @param ts when the item was inspected
 * @param defectClass what the machine saw; never {@link InspectionClass#NONE}
 * @param trueCause the process cause drawn from the defect model, e.g. {@code lehr-cooling-fast}
 */
public record DefectEvent(
    String furnace, Instant ts, InspectionClass defectClass, String trueCause) {
  public DefectEvent {
    Objects.requireNonNull(furnace, "furnace");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(trueCause, "trueCause");
    if (!Objects.requireNonNull(defectClass, "defectClass").isDefect()) {
      throw new IllegalArgumentException("a defect event needs a defect class");
    }
  }
}
