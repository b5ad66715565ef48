package io.vitrum.streams.inference;

import io.vitrum.core.features.FeatureSchema;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.features.FurnaceFeatures;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.TagSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A batch of one furnace's readings through the whole pipeline as a dry run: the feature stage (the
 * live schema, over the furnace's standard tags), the models on the newest minute vector with the
 * hour before it, and the explanation. Changes no entity, publishes nothing.
 */
public final class DryRun {
  /** One reading of the batch. */
  public record Point(String tag, long epochMillis, double value) {}

  /**
   * What the batch gave.
   *
   * @param vectors the feature vectors computed (every interval)
   * @param minuteVectors those on whole minutes, what the models take
   * @param explanation the prediction and why ({@code null} without a minute vector)
   */
  public record Result(int vectors, int minuteVectors, Explanation explanation) {}

  private static final long MINUTE = 60_000;

  private final FeatureSchema schema;
  private final Predictor predictor;
  private final Explainer explainer;

  public DryRun(FeatureSchema schema, Predictor predictor, Explainer explainer) {
    this.schema = schema;
    this.predictor = predictor;
    this.explainer = explainer;
  }

  /** Runs {@code points} (any order) of {@code furnace}. */
  public Result run(String furnace, List<Point> points) {
    List<String> tags = FurnaceTags.of(furnace).stream().map(TagSpec::tag).toList();
    FurnaceFeatures features = new FurnaceFeatures(furnace, "dry-run", schema, tags);
    List<FeatureVector> vectors = new ArrayList<>();
    List<Point> ordered =
        points.stream().sorted(Comparator.comparingLong(Point::epochMillis)).toList();
    for (Point p : ordered) {
      vectors.addAll(features.add(p.tag(), p.epochMillis(), p.value()));
    }
    if (!ordered.isEmpty()) {
      vectors.addAll(features.advanceTo(ordered.get(ordered.size() - 1).epochMillis()));
    }
    List<FeatureVector> minutes = vectors.stream().filter(v -> v.at() % MINUTE == 0).toList();
    if (minutes.isEmpty()) {
      return new Result(vectors.size(), 0, null);
    }
    List<FeatureVector> window =
        minutes.subList(Math.max(0, minutes.size() - predictor.history()), minutes.size());
    Prediction prediction = predictor.predict(List.of(window)).get(0);
    return new Result(
        vectors.size(),
        minutes.size(),
        explainer.explain(new Predicted(prediction, List.copyOf(window))));
  }
}
