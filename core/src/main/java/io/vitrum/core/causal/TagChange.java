package io.vitrum.core.causal;

import java.time.Instant;

/**
 * How far one tag moved from its healthy baseline since the fault window began.
 *
 * @param tag the tag
 * @param baseline mean over the baseline
 * @param noise the baseline's spread used to scale the change (floored, never 0)
 * @param shift mean over the fault window minus the baseline mean, in the tag's unit
 * @param z {@code shift / noise}
 * @param onset the first slot after the baseline where the tag stayed beyond three noise widths in
 *     the direction of the shift; null when it never did
 */
public record TagChange(
    String tag, double baseline, double noise, double shift, double z, Instant onset) {

  /** Fraction of the baseline's magnitude below which noise is not believed. */
  private static final double RELATIVE_NOISE_FLOOR = 2e-4;

  private static final double ABSOLUTE_NOISE_FLOOR = 1e-3;
  private static final double ONSET_WIDTHS = 3;
  private static final int ONSET_RUN = 3;

  /**
   * The change of {@code series}: baseline over slots before {@code baselineEnd}, fault window from
   * {@code windowStart} to the end.
   */
  public static TagChange of(TagSeries series, Instant baselineEnd, Instant windowStart) {
    int b = series.slotOf(baselineEnd);
    int w = series.slotOf(windowStart);
    double mean = series.mean(0, b);
    double noise =
        Math.max(
            series.std(0, b),
            Math.max(ABSOLUTE_NOISE_FLOOR, RELATIVE_NOISE_FLOOR * Math.abs(mean)));
    double shift = series.mean(w, series.size()) - mean;
    if (!Double.isFinite(shift)) {
      return new TagChange(series.tag(), mean, noise, 0, 0, null);
    }
    return new TagChange(
        series.tag(), mean, noise, shift, shift / noise, onset(series, b, mean, noise, shift));
  }

  private static Instant onset(TagSeries s, int from, double mean, double noise, double shift) {
    int run = 0;
    double direction = Math.signum(shift);
    for (int i = from; i < s.size(); i++) {
      double v = s.value(i);
      if (Double.isFinite(v) && direction * (v - mean) > ONSET_WIDTHS * noise) {
        run++;
        if (run == ONSET_RUN) {
          return s.slotStart(i - ONSET_RUN + 1);
        }
      } else if (Double.isFinite(v)) {
        run = 0;
      }
    }
    return null;
  }
}
