package io.vitrum.core.features;

import io.vitrum.core.plant.FurnaceTags;

/**
 * The reject rate a feature vector records: {@code 1000 · Σ insp.reject.<class>:15m:mean /
 * insp.inspected:15m:mean}, rejects per 1000 inspected items over the 15 minutes ending at the
 * vector, summed over the inspection classes; the label the forecaster's forecasts are scored
 * against.
 */
public final class InspectionRate {
  private static final String WINDOW = ":15m:mean";

  private InspectionRate() {}

  /** The total rate of {@code v}, {@code NaN} when it counted nothing inspected. */
  public static double total(FeatureVector v) {
    double inspected = value(v, FurnaceTags.inspected(v.furnace()) + WINDOW);
    if (!(inspected > 0)) {
      return Double.NaN;
    }
    double rejects = 0;
    for (String c : FurnaceTags.REJECT_CLASSES) {
      rejects += value(v, FurnaceTags.rejects(v.furnace(), c) + WINDOW);
    }
    return 1000 * rejects / inspected;
  }

  private static double value(FeatureVector v, String name) {
    int i = v.names().indexOf(name);
    return i < 0 ? Double.NaN : v.values()[i];
  }
}
