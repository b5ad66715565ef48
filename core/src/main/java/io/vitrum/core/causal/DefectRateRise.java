package io.vitrum.core.causal;

/**
 * Whether a reject class's recent rate stands clearly above its baseline: the count over the recent
 * window is at least {@link #RATIO} times the baseline's expectation for a window that long, and
 * above it by a Poisson excess of {@link #Z} standard deviations. The rate is back to normal below
 * {@link #CLEAR_RATIO} times the expectation.
 */
public final class DefectRateRise {
  public static final double RATIO = 1.5;
  public static final double Z = 5;
  public static final double CLEAR_RATIO = 1.2;

  private DefectRateRise() {}

  /** The expected count of a {@code windowMinutes} window at the baseline's rate (at least 1). */
  public static double expected(
      double baselineCount, double baselineMinutes, double windowMinutes) {
    return Math.max(1, baselineCount * windowMinutes / Math.max(1, baselineMinutes));
  }

  /** The Poisson excess of {@code recent} over {@code expected}, in standard deviations. */
  public static double z(double recent, double expected) {
    return (recent - expected) / Math.sqrt(expected);
  }

  /** Whether {@code recent} rejects are a rise over {@code expected}. */
  public static boolean rose(double recent, double expected) {
    return recent >= RATIO * expected && z(recent, expected) > Z;
  }

  /** Whether {@code recent} rejects are back to normal against {@code expected}. */
  public static boolean normal(double recent, double expected) {
    return recent < CLEAR_RATIO * expected;
  }
}
