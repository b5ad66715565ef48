package io.vitrum.core.rl;

import io.vitrum.core.physics.DefectClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A furnace's figures averaged over one control interval or a whole episode.
 *
 * @param energyPerTonneGj gas and electric energy per tonne pulled, GJ/t
 * @param gasPerTonneNm3 natural gas per tonne pulled, Nm³/t
 * @param pullRateTpd glass pull, t/day
 * @param defectsPerThousand expected defects per 1000 items, by class
 */
public record IntervalKpis(
    double energyPerTonneGj,
    double gasPerTonneNm3,
    double pullRateTpd,
    Map<DefectClass, Double> defectsPerThousand) {

  public IntervalKpis {
    defectsPerThousand = Collections.unmodifiableMap(new EnumMap<>(defectsPerThousand));
  }

  /** Expected defective items per 1000, all classes. */
  public double totalDefectsPerThousand() {
    return defectsPerThousand.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The figure of {@code defectClass}, 0 when absent. */
  public double defects(DefectClass defectClass) {
    return defectsPerThousand.getOrDefault(defectClass, 0.0);
  }
}
