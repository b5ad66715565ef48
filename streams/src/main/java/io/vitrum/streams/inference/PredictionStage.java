package io.vitrum.streams.inference;

import io.vitrum.core.features.FeatureVector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.function.Creator;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * Feature vectors in, predictions out: each furnace's vectors on whole minutes are kept for the
 * last {@code history} minutes; every new minute its window goes to the models, micro-batched
 * across furnaces ({@code groupedWithin}) and run on the inference dispatcher ({@code mapAsync},
 * bounded), in order.
 */
public final class PredictionStage {
  private static final long MINUTE = 60_000;

  private PredictionStage() {}

  public static Flow<FeatureVector, Predicted, NotUsed> flow(
      Predictor predictor, InferenceSettings settings, Executor executor) {
    Creator<org.apache.pekko.japi.function.Function<FeatureVector, Iterable<List<FeatureVector>>>>
        windows =
            () -> {
              Map<String, ArrayDeque<FeatureVector>> byFurnace = new HashMap<>();
              return v -> {
                if (v.at() % MINUTE != 0) {
                  return List.of();
                }
                ArrayDeque<FeatureVector> w =
                    byFurnace.computeIfAbsent(v.furnace(), f -> new ArrayDeque<>());
                w.addLast(v);
                while (w.size() > predictor.history()) {
                  w.removeFirst();
                }
                return Collections.singletonList(new ArrayList<>(w));
              };
            };
    return Flow.<FeatureVector>create()
        .statefulMapConcat(windows)
        .groupedWithin(settings.batchMax(), settings.batchDelay())
        .mapAsync(
            settings.parallelism(),
            batch -> CompletableFuture.supplyAsync(() -> predicted(predictor, batch), executor))
        .mapConcat(list -> list);
  }

  private static List<Predicted> predicted(Predictor predictor, List<List<FeatureVector>> batch) {
    List<Prediction> predictions = predictor.predict(batch);
    List<Predicted> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      out.add(new Predicted(predictions.get(i), batch.get(i)));
    }
    return out;
  }
}
