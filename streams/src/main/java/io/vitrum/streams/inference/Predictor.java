package io.vitrum.streams.inference;

import io.vitrum.core.features.FeatureVector;
import io.vitrum.streams.ml.Ensemble;
import io.vitrum.streams.ml.Forecaster;
import io.vitrum.streams.ml.ModelCard;
import io.vitrum.streams.ml.OnnxModel;
import io.vitrum.streams.ml.SensorGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Runs the served forecaster, GNN and ensemble on a batch of furnaces' windows of minute vectors
 * (one batch per model), and assembles one {@link Prediction} per window. A model that is not
 * served leaves its part out.
 */
public final class Predictor {
  /** Sensors listed per prediction. */
  static final int TOP_SENSORS = 5;

  private final ServedModels models;
  private final InferenceMetrics metrics;

  public Predictor(ServedModels models, InferenceMetrics metrics) {
    this.models = models;
    this.metrics = metrics;
  }

  /** Minute vectors of history the forecaster needs (1 without one). */
  public int history() {
    return models.active("forecaster").map(m -> new Forecaster(m).input().steps()).orElse(1);
  }

  /** Predictions for {@code windows}: each one furnace's last minute vectors, oldest first. */
  public List<Prediction> predict(List<List<FeatureVector>> windows) {
    Optional<Forecaster> forecaster = models.active("forecaster").map(Forecaster::new);
    Optional<SensorGraph> gnn = models.active("gnn").map(SensorGraph::new);
    Optional<Ensemble> ensemble = models.active("ensemble").map(Ensemble::new);
    List<FeatureVector> newest = windows.stream().map(w -> w.get(w.size() - 1)).toList();
    List<Integer> full =
        forecaster
            .map(
                f ->
                    IntStream.range(0, windows.size())
                        .filter(i -> windows.get(i).size() >= f.input().steps())
                        .boxed()
                        .toList())
            .orElse(List.of());
    Forecaster.Forecast[] forecasts = new Forecaster.Forecast[windows.size()];
    forecaster.ifPresent(
        f -> {
          List<List<FeatureVector>> inputs = new ArrayList<>();
          for (int i : full) {
            List<FeatureVector> w = windows.get(i);
            inputs.add(w.subList(w.size() - f.input().steps(), w.size()));
          }
          if (!inputs.isEmpty()) {
            long started = System.nanoTime();
            List<Forecaster.Forecast> out = f.forecast(inputs);
            metrics.batch(ref(f.model()), inputs.size(), System.nanoTime() - started);
            for (int k = 0; k < full.size(); k++) {
              forecasts[full.get(k)] = out.get(k);
            }
          }
        });
    List<SensorGraph.Scores> scores =
        gnn.map(
                g -> {
                  long started = System.nanoTime();
                  List<SensorGraph.Scores> out = g.score(newest);
                  metrics.batch(ref(g.model()), newest.size(), System.nanoTime() - started);
                  return out;
                })
            .orElse(null);
    double[] risks = new double[windows.size()];
    Arrays.fill(risks, Double.NaN);
    ensemble.ifPresent(
        e -> {
          List<Integer> ready = new ArrayList<>();
          List<Ensemble.Members> members = new ArrayList<>();
          for (int i = 0; i < windows.size(); i++) {
            if (forecasts[i] != null && scores != null) {
              ready.add(i);
              members.add(new Ensemble.Members(newest.get(i), forecasts[i], scores.get(i)));
            }
          }
          if (!members.isEmpty()) {
            long started = System.nanoTime();
            double[] out = e.risk(members);
            metrics.batch(ref(e.model()), members.size(), System.nanoTime() - started);
            for (int k = 0; k < ready.size(); k++) {
              risks[ready.get(k)] = out[k];
            }
          }
        });
    List<Prediction> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      FeatureVector v = newest.get(i);
      Map<String, String> versions = new LinkedHashMap<>();
      forecaster.ifPresent(f -> versions.put("forecaster", ref(f.model())));
      gnn.ifPresent(g -> versions.put("gnn", ref(g.model())));
      ensemble.ifPresent(e -> versions.put("ensemble", ref(e.model())));
      out.add(
          new Prediction(
              v.furnace(),
              v.at(),
              versions,
              forecasts[i] == null ? null : forecast(forecasts[i]),
              forecasts[i] == null ? null : forecasts[i].attention(),
              Double.isNaN(risks[i]) ? null : risks[i],
              ensemble.map(Ensemble::alertThreshold).orElse(null),
              scores == null ? null : top(v.furnace(), gnn.get(), scores.get(i)),
              scores == null ? null : (double) scores.get(i).processFault()));
    }
    return out;
  }

  private static Map<String, Map<String, Prediction.Quantiles>> forecast(Forecaster.Forecast f) {
    Map<String, Map<String, Prediction.Quantiles>> out = new LinkedHashMap<>();
    for (int h = 0; h < Forecaster.HORIZONS.size(); h++) {
      Map<String, Prediction.Quantiles> perClass = new LinkedHashMap<>();
      for (int c = 0; c < Forecaster.CLASSES.size(); c++) {
        float[] q = f.quantiles()[h][c];
        perClass.put(Forecaster.CLASSES.get(c), new Prediction.Quantiles(q[0], q[1], q[2]));
      }
      out.put(Forecaster.HORIZONS.get(h) + "m", perClass);
    }
    return out;
  }

  private static List<Prediction.SensorScore> top(
      String furnace, SensorGraph gnn, SensorGraph.Scores scores) {
    return IntStream.range(0, scores.sensors().length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -scores.sensors()[i]))
        .limit(TOP_SENSORS)
        .map(
            i ->
                new Prediction.SensorScore(furnace + "." + gnn.nodes().get(i), scores.sensors()[i]))
        .toList();
  }

  private static String ref(OnnxModel model) {
    ModelCard card = model.card();
    return card.name() + "/" + card.version();
  }
}
