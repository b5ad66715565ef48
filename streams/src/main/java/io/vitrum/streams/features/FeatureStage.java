package io.vitrum.streams.features;

import io.vitrum.core.features.FeatureSchema;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.features.FurnaceFeatures;
import io.vitrum.core.plant.TagId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.function.Creator;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The feature stage: readings in, one feature vector per furnace and interval out, computed in
 * event time ({@link FurnaceFeatures}), so that a live run and a replay of the same readings give
 * the same vectors. Each run of the stage is labelled ({@code live}, a replay's id) and keeps its
 * own state; nothing is shared with the live Sensor entities.
 */
public final class FeatureStage {
  private FeatureStage() {}

  /**
   * The stage of run {@code run}: the vectors of each furnace over {@code
   * expectedTags.apply(furnace)}, emitted early for a furnace whose tags have held them back for
   * {@code idle} of wall-clock time.
   */
  public static Flow<FeatureInput, FeatureVector, NotUsed> flow(
      String run,
      FeatureSchema schema,
      Function<String, List<String>> expectedTags,
      Duration idle) {
    Creator<org.apache.pekko.japi.function.Function<FeatureInput, Iterable<FeatureVector>>> state =
        () -> new Furnaces(run, schema, expectedTags, idle.toMillis())::accept;
    return Flow.<FeatureInput>create().statefulMapConcat(state);
  }

  /** One run's accumulators, one per furnace, created as its first reading arrives. */
  private static final class Furnaces {
    private final String run;
    private final FeatureSchema schema;
    private final Function<String, List<String>> expectedTags;
    private final long idleMillis;
    private final Map<String, FurnaceFeatures> byFurnace = new HashMap<>();
    private final Map<String, Long> lastEmitted = new HashMap<>();
    private long wallMillis;

    Furnaces(
        String run,
        FeatureSchema schema,
        Function<String, List<String>> expectedTags,
        long idleMillis) {
      this.run = run;
      this.schema = schema;
      this.expectedTags = expectedTags;
      this.idleMillis = idleMillis;
    }

    Iterable<FeatureVector> accept(FeatureInput input) {
      if (input instanceof FeatureInput.TagPoint p) {
        String furnace = TagId.furnaceOf(p.tag());
        FurnaceFeatures f =
            byFurnace.computeIfAbsent(
                furnace, id -> new FurnaceFeatures(id, run, schema, expectedTags.apply(id)));
        lastEmitted.putIfAbsent(furnace, wallMillis);
        return emitted(furnace, f.add(p.tag(), p.epochMillis(), p.value()));
      }
      List<FeatureVector> out = new ArrayList<>();
      if (input instanceof FeatureInput.AdvanceTo a) {
        byFurnace.forEach((id, f) -> out.addAll(emitted(id, f.advanceTo(a.epochMillis()))));
      } else if (input instanceof FeatureInput.Tick t) {
        wallMillis = t.wallMillis();
        byFurnace.forEach(
            (id, f) -> {
              if (wallMillis - lastEmitted.get(id) >= idleMillis) {
                out.addAll(emitted(id, f.advanceTo(f.newest())));
              }
            });
      }
      return out;
    }

    private List<FeatureVector> emitted(String furnace, List<FeatureVector> vectors) {
      if (!vectors.isEmpty()) {
        lastEmitted.put(furnace, wallMillis);
      }
      return vectors;
    }
  }
}
