package io.vitrum.loadtests.sim;

import io.vitrum.core.features.FeatureSchema;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.features.FurnaceFeatures;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.plant.TagSpec;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature vectors of an export run, computed by the engine's own {@link FurnaceFeatures} (the
 * live stage's schema), one file per furnace: {@code features/<furnace>.csv} with the header {@code
 * at,<names>}, {@code at} in epoch milliseconds and each name without its furnace prefix ({@code
 * crown.T1:5m:mean}, {@code domain:energyPerTonne}); an empty cell is {@code NaN}. Every vector
 * whose instant is a multiple of {@code every} is written.
 */
final class FeatureCsv implements Closeable {
  private final Path dir;
  private final FeatureSchema schema;
  private final long everyMillis;
  private final Map<String, List<String>> tagsByFurnace;
  private final Map<String, FurnaceFeatures> features = new HashMap<>();
  private final Map<String, BufferedWriter> writers = new HashMap<>();
  private long written;

  FeatureCsv(Path dir, FeatureSchema schema, long everyMillis, List<TagSpec> tags) {
    this.dir = dir;
    this.schema = schema;
    this.everyMillis = everyMillis;
    Map<String, List<String>> byFurnace = new HashMap<>();
    for (TagSpec t : tags) {
      byFurnace.computeIfAbsent(TagId.furnaceOf(t.tag()), f -> new ArrayList<>()).add(t.tag());
    }
    this.tagsByFurnace = byFurnace;
  }

  /** Adds a reading (a non-finite one is skipped: the engine quarantines it before features). */
  void accept(Reading r) {
    if (!Double.isFinite(r.value())) {
      return;
    }
    String furnace = TagId.furnaceOf(r.tag());
    FurnaceFeatures f =
        features.computeIfAbsent(
            furnace, id -> new FurnaceFeatures(id, "export", schema, tagsByFurnace.get(id)));
    for (FeatureVector v : f.add(r.tag(), r.ts().toEpochMilli(), r.value())) {
      if (v.at() % everyMillis == 0) {
        write(v);
      }
    }
  }

  /** Vectors written so far. */
  long written() {
    return written;
  }

  private void write(FeatureVector v) {
    try {
      BufferedWriter out = writers.get(v.furnace());
      if (out == null) {
        Files.createDirectories(dir);
        out = Files.newBufferedWriter(dir.resolve(v.furnace() + ".csv"), StandardCharsets.UTF_8);
        writers.put(v.furnace(), out);
        out.write("at");
        String prefix = v.furnace() + ".";
        for (String name : v.names()) {
          out.write(',');
          out.write(name.startsWith(prefix) ? name.substring(prefix.length()) : name);
        }
        out.write('\n');
      }
      StringBuilder line = new StringBuilder(v.values().length * 10).append(v.at());
      for (double x : v.values()) {
        line.append(',');
        if (!Double.isNaN(x)) {
          line.append(x);
        }
      }
      out.write(line.append('\n').toString());
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    for (BufferedWriter w : writers.values()) {
      w.close();
    }
  }
}
