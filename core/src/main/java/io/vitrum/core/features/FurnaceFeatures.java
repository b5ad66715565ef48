package io.vitrum.core.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Computes one furnace's feature vectors from its readings, deterministically in event time: the
 * vector at instant {@code t} (a multiple of the schema's interval) is emitted once every expected
 * tag has a reading at or after {@code t}. A tag's readings arrive in time order, so by then every
 * reading before {@code t} is in, however the tags interleave: a live run and a replay of the same
 * readings give the same vectors. When a tag stays silent, {@link #advanceTo} emits without it.
 * Mutable; owned by one stream stage.
 */
public final class FurnaceFeatures {
  private final String furnace;
  private final String run;
  private final FeatureSchema schema;
  private final List<String> tags;
  private final List<String> names;
  private final Map<String, RecentPoints> recent = new TreeMap<>();
  private final Map<String, Integer> tagIndex = new HashMap<>();
  private long nextAt = Long.MIN_VALUE;

  /**
   * @param furnace the furnace
   * @param run the run label the vectors carry
   * @param schema the layout
   * @param expectedTags the furnace's tags: the vector's columns, and those waited for
   */
  public FurnaceFeatures(
      String furnace, String run, FeatureSchema schema, List<String> expectedTags) {
    this.furnace = Objects.requireNonNull(furnace);
    this.run = Objects.requireNonNull(run);
    this.schema = Objects.requireNonNull(schema);
    this.tags = expectedTags.stream().sorted().distinct().toList();
    this.names = List.copyOf(schema.names(tags)); // immutable: every vector shares this list
    for (String tag : tags) {
      recent.put(tag, new RecentPoints());
      tagIndex.put(tag, tagIndex.size());
    }
  }

  /** Adds a reading (readings of a tag not expected are ignored) and returns the vectors due. */
  public List<FeatureVector> add(String tag, long epochMillis, double value) {
    RecentPoints points = recent.get(tag);
    if (points == null) {
      return List.of();
    }
    long interval = schema.interval().toMillis();
    if (nextAt == Long.MIN_VALUE) {
      nextAt = Math.floorDiv(epochMillis, interval) * interval + interval;
    }
    points.add(epochMillis, value);
    return emitUpTo(watermark());
  }

  /**
   * Emits every vector up to {@code epochMillis} whatever the tags have sent (a silent tag, the end
   * of a replay).
   */
  public List<FeatureVector> advanceTo(long epochMillis) {
    return emitUpTo(epochMillis);
  }

  /** The newest reading's time over the furnace's tags ({@link Long#MIN_VALUE} before any). */
  public long newest() {
    long newest = Long.MIN_VALUE;
    for (RecentPoints p : recent.values()) {
      newest = Math.max(newest, p.newest());
    }
    return newest;
  }

  private long watermark() {
    long min = Long.MAX_VALUE;
    for (RecentPoints p : recent.values()) {
      min = Math.min(min, p.newest());
    }
    return min;
  }

  private List<FeatureVector> emitUpTo(long watermark) {
    if (nextAt == Long.MIN_VALUE || watermark < nextAt) {
      return List.of();
    }
    List<FeatureVector> out = new ArrayList<>();
    long interval = schema.interval().toMillis();
    while (nextAt <= watermark) {
      out.add(vectorAt(nextAt));
      nextAt += interval;
    }
    long keepFrom = nextAt - schema.longestWindow().toMillis();
    for (RecentPoints p : recent.values()) {
      p.dropBefore(keepFrom);
    }
    return out;
  }

  private FeatureVector vectorAt(long at) {
    int windows = schema.windows().size();
    double[] values = new double[names.size()];
    int offset = 0;
    for (String tag : tags) {
      RecentPoints p = recent.get(tag);
      for (Duration window : schema.windows()) {
        p.statistics(at, window.toMillis(), values, offset);
        offset += FeatureSchema.STATISTICS.size();
      }
    }
    DomainFeatures.compute(
        furnace,
        tag -> mean(values, tag, 0),
        tag -> mean(values, tag, windows - 1),
        values,
        offset);
    return new FeatureVector(furnace, at, run, schema.version(), names, values);
  }

  /** The mean of {@code tag} over window {@code window} (in schema order), {@code NaN} if none. */
  private double mean(double[] values, String tag, int window) {
    Integer index = tagIndex.get(tag);
    if (index == null) {
      return Double.NaN;
    }
    int perTag = schema.windows().size() * FeatureSchema.STATISTICS.size();
    return values[index * perTag + window * FeatureSchema.STATISTICS.size()];
  }
}
