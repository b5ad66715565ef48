package io.vitrum.core.rl;

import java.util.Objects;
import java.util.Optional;

/**
 * One KPI's degradation test after a policy is deployed: a one-sided tabular CUSUM (Page) against
 * its {@link KpiBaseline}, so the engine can roll the policy back on evidence rather than on one
 * bad reading. Each value is standardised, signed so positive is worse ({@link
 * KpiBaseline#deviationsWorse}), and accumulated as {@code S = max(0, S + z − k)}; the detector
 * fires once {@code S > h}. The slack {@code k} absorbs drift smaller than {@code k} deviations,
 * the threshold {@code h} trades false alarms against delay.
 *
 * <p>With the defaults ({@value #DEFAULT_SLACK}, {@value #DEFAULT_THRESHOLD}) a shift of one
 * baseline deviation is detected in about 10 samples and one of 1.5 in about 6, while a KPI that
 * stays at its baseline raises a false alarm once in about 930 samples on average (independent
 * normal samples). Samples should be roughly independent, e.g. averages over periods longer than
 * the furnace's response; correlated ones shorten that in-control run.
 *
 * <p>Immutable: {@link #add} returns the next state. Samples are numbered from 0 in the order
 * counted; non-finite values are not counted but tallied in {@code ignored}. Once fired the state
 * holds: later values leave it unchanged, so the {@link #evidence} stays that of the moment it
 * fired.
 *
 * @param baseline the KPI before deployment
 * @param slack {@code k}, in baseline deviations, at least 0
 * @param threshold {@code h}, in baseline deviations, above 0
 * @param statistic {@code S}, at least 0
 * @param samples finite values counted
 * @param ignored non-finite values passed and not counted
 * @param runStart the number of the first sample of the current run, the samples since {@code S}
 *     was last 0 ({@code samples} while {@code S} is 0: the run is empty)
 * @param runSum the sum of the KPI's values over the current run
 */
public record Cusum(
    KpiBaseline baseline,
    double slack,
    double threshold,
    double statistic,
    long samples,
    long ignored,
    long runStart,
    double runSum) {
  /** The default slack {@code k}: shifts under half a baseline deviation are not accumulated. */
  public static final double DEFAULT_SLACK = 0.5;

  /** The default threshold {@code h}, in baseline deviations. */
  public static final double DEFAULT_THRESHOLD = 5;

  public Cusum {
    Objects.requireNonNull(baseline, "baseline");
    if (!(slack >= 0) || !Double.isFinite(slack)) {
      throw new IllegalArgumentException("slack " + slack + " is not a finite value >= 0");
    }
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold " + threshold + " is not a finite value > 0");
    }
    if (!(statistic >= 0)) {
      throw new IllegalArgumentException("statistic " + statistic + " is below 0");
    }
    if (samples < 0 || ignored < 0 || runStart < 0 || runStart > samples) {
      throw new IllegalArgumentException(
          "counts out of range: " + samples + " samples, " + ignored + " ignored, run " + runStart);
    }
    if ((statistic > 0) != (runStart < samples)) {
      throw new IllegalArgumentException(
          "a run is under way exactly while the statistic is above 0");
    }
  }

  /** A detector that has seen nothing yet. */
  public static Cusum start(KpiBaseline baseline, double slack, double threshold) {
    return new Cusum(baseline, slack, threshold, 0, 0, 0, 0, 0);
  }

  /**
   * The state after {@code value}. A fired state is returned as it is, and a value that is not
   * finite only adds to {@code ignored}.
   */
  public Cusum add(double value) {
    if (fired()) {
      return this;
    }
    if (!Double.isFinite(value)) {
      return new Cusum(
          baseline, slack, threshold, statistic, samples, ignored + 1, runStart, runSum);
    }
    double next = Math.max(0, statistic + baseline.deviationsWorse(value) - slack);
    if (next == 0) {
      return new Cusum(baseline, slack, threshold, 0, samples + 1, ignored, samples + 1, 0);
    }
    return new Cusum(
        baseline, slack, threshold, next, samples + 1, ignored, runStart, runSum + value);
  }

  /** Whether the statistic has passed the threshold: the KPI is worse than its baseline. */
  public boolean fired() {
    return statistic > threshold;
  }

  /** What the detector saw, once it has fired. */
  public Optional<DegradationEvidence> evidence() {
    if (!fired()) {
      return Optional.empty();
    }
    return Optional.of(
        new DegradationEvidence(
            baseline.kpi(),
            baseline.higherIsWorse(),
            baseline.mean(),
            baseline.std(),
            runSum / (samples - runStart),
            runStart,
            samples - 1,
            statistic,
            threshold));
  }
}
