package io.vitrum.core.physics;

import io.vitrum.core.plant.FurnaceTags;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected defect rates of a line, per 1000 items, broken down by cause. The contributions of one
 * class sum to its rate, so a sampled defect can be labelled with its true cause by drawing a cause
 * in proportion to them.
 *
 * @param contributions every non-zero cause of every defect class
 */
public record DefectRates(List<CauseContribution> contributions) {
  public DefectRates {
    contributions = List.copyOf(contributions);
  }

  /** Expected defects of {@code defectClass} per 1000 items. */
  public double rate(DefectClass defectClass) {
    double sum = 0;
    for (CauseContribution c : contributions) {
      if (c.defectClass() == defectClass) {
        sum += c.ratePerThousand();
      }
    }
    return sum;
  }

  /** Expected defective items per 1000, all classes together. */
  public double total() {
    double sum = 0;
    for (CauseContribution c : contributions) {
      sum += c.ratePerThousand();
    }
    return sum;
  }

  /** Rate per defect class, every class present. */
  public Map<DefectClass, Double> byClass() {
    Map<DefectClass, Double> out = new EnumMap<>(DefectClass.class);
    for (DefectClass d : DefectClass.values()) {
      out.put(d, rate(d));
    }
    return out;
  }

  /** Rate per cause key for one class. */
  public Map<String, Double> causes(DefectClass defectClass) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (CauseContribution c : contributions) {
      if (c.defectClass() == defectClass) {
        out.merge(c.cause(), c.ratePerThousand(), Double::sum);
      }
    }
    return out;
  }

  /** Rate per inspection reject class, in the order of {@link FurnaceTags#REJECT_CLASSES}. */
  public Map<String, Double> byInspectionClass() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String rejectClass : FurnaceTags.REJECT_CLASSES) {
      out.put(rejectClass, 0.0);
    }
    for (DefectClass d : DefectClass.values()) {
      out.merge(d.inspectionClass(), rate(d), Double::sum);
    }
    return out;
  }
}
