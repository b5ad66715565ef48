package io.vitrum.streams.inference;

import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.features.InspectionRate;
import io.vitrum.core.ml.FeatureBins;
import io.vitrum.core.ml.ForecastScore;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.ml.PopulationStability;
import io.vitrum.streams.ml.FeatureTensor;
import io.vitrum.streams.ml.OnnxModel;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The live quality of the models that made each prediction, passed on unchanged: each forecast of
 * the total reject rate 60 minutes ahead is scored when the inspection counts of that minute arrive
 * (against persistence too), every {@code forecast-score-window} scored forecasts one window to
 * {@code scored}; and every {@code drift-window} feature rows a model read, the PSI of each of its
 * input columns against its card's training bins to {@code drifted}.
 */
public final class ModelMonitor {
  /** Where input drift goes. */
  @FunctionalInterface
  public interface DriftReport {
    void report(ModelRef version, Map<String, Double> psi, long rows);
  }

  private static final String FORECASTER = "forecaster";
  private static final String HORIZON = "60m";
  private static final long HOUR = 3_600_000;

  private record Drift(FeatureTensor input, PopulationStability psi) {}

  private final ServedModels models;
  private final InferenceSettings settings;
  private final BiConsumer<ModelRef, ForecastScore.Window> scored;
  private final DriftReport drifted;
  private final Map<ModelRef, ForecastScore> forecasts = new HashMap<>();
  private final Map<ModelRef, Optional<Drift>> drift = new HashMap<>();

  private ModelMonitor(
      ServedModels models,
      InferenceSettings settings,
      BiConsumer<ModelRef, ForecastScore.Window> scored,
      DriftReport drifted) {
    this.models = models;
    this.settings = settings;
    this.scored = scored;
    this.drifted = drifted;
  }

  public static Flow<Predicted, Predicted, NotUsed> flow(
      ServedModels models,
      InferenceSettings settings,
      BiConsumer<ModelRef, ForecastScore.Window> scored,
      DriftReport drifted) {
    return Flow.<Predicted>create()
        .statefulMapConcat(
            () -> {
              ModelMonitor monitor = new ModelMonitor(models, settings, scored, drifted);
              return p -> {
                monitor.observe(p);
                return Collections.singletonList(p);
              };
            });
  }

  private void observe(Predicted predicted) {
    Prediction p = predicted.prediction();
    List<FeatureVector> window = predicted.window();
    FeatureVector newest = window.get(window.size() - 1);
    double actual = InspectionRate.total(newest);
    forecasts.forEach(
        (ref, score) ->
            score.actual(p.furnace(), p.at(), actual).ifPresent(w -> scored.accept(ref, w)));
    String forecaster = p.models().get(FORECASTER);
    if (forecaster != null && p.forecast() != null && p.forecast().containsKey(HORIZON)) {
      double total =
          p.forecast().get(HORIZON).values().stream().mapToDouble(Prediction.Quantiles::p50).sum();
      forecasts
          .computeIfAbsent(
              ModelRef.parse(forecaster),
              ref -> new ForecastScore(HOUR, settings.forecastScoreWindow()))
          .forecast(p.furnace(), p.at(), total, actual);
    }
    for (String version : p.models().values()) {
      ModelRef ref = ModelRef.parse(version);
      drift.computeIfAbsent(ref, this::drift).ifPresent(d -> add(ref, d, newest));
    }
  }

  private Optional<Drift> drift(ModelRef ref) {
    return models
        .active(ref.name())
        .filter(m -> m.card().version().equals(ref.version()))
        .map(OnnxModel::card)
        .flatMap(
            card -> {
              List<FeatureBins> bins = card.inputs().get(0).bins();
              return bins.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      new Drift(
                          new FeatureTensor(card.inputs().get(0)), new PopulationStability(bins)));
            });
  }

  private void add(ModelRef ref, Drift d, FeatureVector v) {
    FeatureTensor input = d.input();
    double[] row = new double[input.columns().size()];
    for (int c = 0; c < row.length; c++) {
      row[c] = input.raw(v, c);
    }
    d.psi().add(row);
    if (d.psi().samples() >= settings.driftWindow()) {
      double[] psi = d.psi().psi();
      Map<String, Double> byColumn = new LinkedHashMap<>();
      for (int c = 0; c < psi.length; c++) {
        byColumn.put(input.columns().get(c), psi[c]);
      }
      drifted.report(ref, byColumn, d.psi().samples());
      d.psi().reset();
    }
  }
}
