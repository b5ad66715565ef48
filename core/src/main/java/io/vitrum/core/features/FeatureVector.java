package io.vitrum.core.features;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A furnace's features at one instant, computed from the readings before it.
 *
 * @param furnace the furnace
 * @param at epoch milliseconds of the instant (aligned to the schema's interval)
 * @param run which run computed it: {@code live}, or a replay's id
 * @param schemaVersion the layout's version
 * @param names the feature names
 * @param values the values, as many as names ({@code NaN}: a window without readings)
 */
public record FeatureVector(
    String furnace, long at, String run, int schemaVersion, List<String> names, double[] values) {
  public FeatureVector {
    Objects.requireNonNull(furnace);
    Objects.requireNonNull(run);
    names = List.copyOf(names);
    if (names.size() != values.length) {
      throw new IllegalArgumentException("a value per name");
    }
  }

  /** Whether both hold the same features at the same instant, bit for bit (the run aside). */
  public boolean sameFeatures(FeatureVector other) {
    return furnace.equals(other.furnace)
        && at == other.at
        && schemaVersion == other.schemaVersion
        && names.equals(other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureVector v && run.equals(v.run) && sameFeatures(v);
  }

  @Override
  public int hashCode() {
    return Objects.hash(furnace, at, run, schemaVersion, names, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "FeatureVector["
        + furnace
        + " @"
        + at
        + " "
        + run
        + " v"
        + schemaVersion
        + ", "
        + values.length
        + " values]";
  }
}
