package io.vitrum.core.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a furnace's feature vector holds: for each of its tags (in name order) and each window
 * (ending at the vector's instant), the statistics {@link #STATISTICS}; one vector every {@code
 * interval}, at instants aligned to it. The version changes whenever the layout does.
 *
 * @param version the layout's version, carried by every vector
 * @param interval time between vectors
 * @param windows the windows, shortest first
 */
public record FeatureSchema(int version, Duration interval, List<Duration> windows) {
  /** Statistics per tag and window, in order. */
  public static final List<String> STATISTICS = List.of("mean", "std", "min", "max", "slope");

  public FeatureSchema {
    windows = List.copyOf(windows);
    if (interval.isZero() || interval.isNegative() || windows.isEmpty()) {
      throw new IllegalArgumentException("a feature schema needs an interval and windows");
    }
  }

  /** The longest window: how much history a tag's features need. */
  public Duration longestWindow() {
    return windows.stream().max(Duration::compareTo).orElseThrow();
  }

  /**
   * The feature names for {@code tags}: {@code <tag>:<window>:<statistic>}, e.g. {@code
   * F1.crown.T1:1m:mean}, then the furnace's {@link DomainFeatures#NAMES}.
   */
  public List<String> names(List<String> tags) {
    List<String> names =
        new ArrayList<>(
            tags.size() * windows.size() * STATISTICS.size() + DomainFeatures.NAMES.size());
    for (String tag : tags) {
      for (Duration w : windows) {
        for (String s : STATISTICS) {
          names.add(tag + ":" + label(w) + ":" + s);
        }
      }
    }
    names.addAll(DomainFeatures.NAMES);
    return names;
  }

  /** The window's label in feature names: {@code 30s}, {@code 5m}. */
  public static String label(Duration w) {
    return w.toSeconds() % 60 == 0 ? w.toMinutes() + "m" : w.toSeconds() + "s";
  }
}
