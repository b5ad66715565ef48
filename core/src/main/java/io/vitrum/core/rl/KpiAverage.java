package io.vitrum.core.rl;

import io.vitrum.core.physics.DefectClass;
import io.vitrum.core.physics.DefectRates;
import io.vitrum.core.physics.FurnaceOutputs;
import java.util.EnumMap;
import java.util.Map;

/** Accumulates samples of a line into the mean {@link IntervalKpis} over them. Not thread-safe. */
public final class KpiAverage {
  private static final double HOURS_PER_DAY = 24;

  private double energy;
  private double gasPerTonne;
  private double pull;
  private final Map<DefectClass, Double> defects = new EnumMap<>(DefectClass.class);
  private long samples;

  /** Adds one sample of {@code outputs} with expected {@code rates}. */
  public void add(FurnaceOutputs outputs, DefectRates rates) {
    energy += outputs.energyPerTonneGj();
    double tonnesPerHour = Math.max(outputs.pullRateTpd(), 1e-9) / HOURS_PER_DAY;
    gasPerTonne += outputs.gasFlowNm3h() / tonnesPerHour;
    pull += outputs.pullRateTpd();
    rates.byClass().forEach((c, v) -> defects.merge(c, v, Double::sum));
    samples++;
  }

  /** Adds a whole interval's mean, weighted as one sample. */
  public void add(IntervalKpis kpis) {
    energy += kpis.energyPerTonneGj();
    gasPerTonne += kpis.gasPerTonneNm3();
    pull += kpis.pullRateTpd();
    kpis.defectsPerThousand().forEach((c, v) -> defects.merge(c, v, Double::sum));
    samples++;
  }

  /** The mean so far. */
  public IntervalKpis mean() {
    if (samples == 0) {
      throw new IllegalStateException("no samples");
    }
    Map<DefectClass, Double> mean = new EnumMap<>(DefectClass.class);
    defects.forEach((c, v) -> mean.put(c, v / samples));
    return new IntervalKpis(energy / samples, gasPerTonne / samples, pull / samples, mean);
  }
}
