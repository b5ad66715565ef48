package io.vitrum.streams.features;

/** What the feature stage takes in: readings, and signals about time. */
public sealed interface FeatureInput {

  /** One reading of a tag (a tag's readings arrive in time order). */
  record TagPoint(String tag, long epochMillis, double value) implements FeatureInput {}

  /**
   * The wall clock, now and then: a furnace whose vectors have been held back this long by a silent
   * tag gets them anyway.
   */
  record Tick(long wallMillis) implements FeatureInput {}

  /** Every furnace's vectors up to this instant are due (the end of a replayed range). */
  record AdvanceTo(long epochMillis) implements FeatureInput {}
}
