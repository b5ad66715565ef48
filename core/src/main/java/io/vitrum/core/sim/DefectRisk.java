package io.vitrum.core.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Probability per inspected item of each defect class, split by cause: what the sampler draws
 * defects and their true causes from. Immutable; built once per evaluation of the defect model.
 */
final class DefectRisk {
  private static final InspectionClass[] DEFECTS = {
    InspectionClass.CRACK, InspectionClass.BUBBLE, InspectionClass.STONE, InspectionClass.CHIP
  };

  private final String[][] causes;
  private final double[][] cumulative;
  private final double[] totals;

  private DefectRisk(
      Map<InspectionClass, List<String>> causes, Map<InspectionClass, List<Double>> probs) {
    this.causes = new String[DEFECTS.length][];
    this.cumulative = new double[DEFECTS.length][];
    this.totals = new double[DEFECTS.length];
    for (int c = 0; c < DEFECTS.length; c++) {
      List<String> names = causes.getOrDefault(DEFECTS[c], List.of());
      List<Double> ps = probs.getOrDefault(DEFECTS[c], List.of());
      this.causes[c] = names.toArray(new String[0]);
      this.cumulative[c] = new double[ps.size()];
      double sum = 0;
      for (int i = 0; i < ps.size(); i++) {
        sum += ps.get(i);
        this.cumulative[c][i] = sum;
      }
      this.totals[c] = sum;
    }
  }

  /** The defect classes, in sampling order. */
  static InspectionClass[] defectClasses() {
    return DEFECTS.clone();
  }

  /** Probability per item of class index {@code c} of {@link #defectClasses()}. */
  double total(int c) {
    return totals[c];
  }

  /** The cause whose share of class {@code c} contains {@code u ∈ [0, total(c))}. */
  String causeAt(int c, double u) {
    double[] cum = cumulative[c];
    for (int i = 0; i < cum.length; i++) {
      if (u < cum[i]) {
        return causes[c][i];
      }
    }
    return causes[c][cum.length - 1];
  }

  /** Probability per item of {@code defectClass}, all causes together. */
  double probability(InspectionClass defectClass) {
    for (int c = 0; c < DEFECTS.length; c++) {
      if (DEFECTS[c] == defectClass) {
        return totals[c];
      }
    }
    return 0;
  }

  /** Collects cause contributions; non-positive ones are dropped. */
  static final class Builder {
    private final Map<InspectionClass, List<String>> causes = new EnumMap<>(InspectionClass.class);
    private final Map<InspectionClass, List<Double>> probabilities =
        new EnumMap<>(InspectionClass.class);

    /** Adds {@code probability} per item of {@code defectClass} caused by {@code cause}. */
    Builder add(InspectionClass defectClass, String cause, double probability) {
      if (defectClass.isDefect() && probability > 0 && Double.isFinite(probability)) {
        causes.computeIfAbsent(defectClass, c -> new ArrayList<>()).add(cause);
        probabilities.computeIfAbsent(defectClass, c -> new ArrayList<>()).add(probability);
      }
      return this;
    }

    DefectRisk build() {
      return new DefectRisk(causes, probabilities);
    }
  }
}
