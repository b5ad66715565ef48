package io.vitrum.core.rl;

import java.util.Locale;
import java.util.Objects;

/**
 * What a fired {@link Cusum} shows, for the record of an automatic rollback: the KPI's baseline,
 * the run of samples that carried the statistic over the threshold and the KPI's mean over it.
 *
 * @param kpi the KPI's name
 * @param higherIsWorse whether a rise is a degradation
 * @param baselineMean the KPI's mean before deployment
 * @param baselineStd its standard deviation before deployment
 * @param runMean the KPI's mean over the run, samples {@code runStart} to {@code firedAt}
 * @param runStart the number of the run's first sample
 * @param firedAt the number of the sample at which the detector fired
 * @param statistic the CUSUM statistic then, in baseline deviations
 * @param threshold the threshold it passed
 */
public record DegradationEvidence(
    String kpi,
    boolean higherIsWorse,
    double baselineMean,
    double baselineStd,
    double runMean,
    long runStart,
    long firedAt,
    double statistic,
    double threshold) {
  public DegradationEvidence {
    Objects.requireNonNull(kpi, "kpi");
    if (runStart < 0 || firedAt < runStart) {
      throw new IllegalArgumentException("run " + runStart + " to " + firedAt + " is not a run");
    }
    if (!(baselineStd > 0)) {
      throw new IllegalArgumentException("baseline std " + baselineStd + " is not above 0");
    }
  }

  /**
   * One sentence for operators, e.g. {@code energyPerTonneGj rose to 4.71 against a baseline of
   * 4.52 ± 0.02 over samples 31–42 (CUSUM 5.3 > 5.0)}. The KPI's values are given to the decimal of
   * the baseline deviation's first significant digit.
   */
  public String describe() {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(baselineStd)));
    String value = "%." + decimals + "f";
    return String.format(
        Locale.ROOT,
        "%s %s to "
            + value
            + " against a baseline of "
            + value
            + " ± "
            + value
            + " over samples %d–%d (CUSUM %.1f > %.1f)",
        kpi,
        higherIsWorse ? "rose" : "fell",
        runMean,
        baselineMean,
        baselineStd,
        runStart,
        firedAt,
        statistic,
        threshold);
  }
}
