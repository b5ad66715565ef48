package io.vitrum.streams.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.features.InspectionRate;
import io.vitrum.core.ml.ForecastScore;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.sim.SimulatedFeatures;
import io.vitrum.streams.features.FeatureSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed forecaster on three hours of a furnace the training never saw: its forecasts scored
 * an hour later against the inspection counts, and its input drift against its card's bins.
 */
class ModelMonitorTest {
  private static final int SCORE_WINDOW = 30;
  private static final int DRIFT_WINDOW = 60;
  private static final Config CONFIG =
      ConfigFactory.parseString(
              "vitrum.inference.forecast-score-window = "
                  + SCORE_WINDOW
                  + "\nvitrum.inference.drift-window = "
                  + DRIFT_WINDOW)
          .withFallback(ConfigFactory.load());

  private static ActorTestKit kit;
  private static ServedModels models;
  private static List<FeatureVector> vectors;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("ModelMonitorTest");
    models =
        ServedModels.open(InferenceSettings.create(CONFIG).withModelsDir(Path.of("../models")));
    vectors =
        SimulatedFeatures.run(
                1,
                Duration.ofMinutes(200),
                9191,
                FeatureSettings.create(CONFIG).schema(),
                Duration.ofMinutes(1))
            .vectors()
            .get("F1");
  }

  @AfterAll
  static void stop() {
    models.close();
    kit.shutdownTestKit();
  }

  private record Reports(
      List<ForecastScore.Window> scores, List<Map<String, Double>> drift, List<Long> rows) {}

  private static Reports monitor(List<Predicted> predicted) throws Exception {
    Reports reports = new Reports(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<Predicted> out =
        Source.from(predicted)
            .via(
                ModelMonitor.flow(
                    models,
                    InferenceSettings.create(CONFIG),
                    (ModelRef ref, ForecastScore.Window w) -> {
                      assertEquals(new ModelRef("forecaster", "1"), ref);
                      reports.scores().add(w);
                    },
                    (ref, psi, rows) -> {
                      if (ref.name().equals("forecaster")) {
                        reports.drift().add(psi);
                        reports.rows().add(rows);
                      }
                    }))
            .runWith(Sink.seq(), kit.system())
            .toCompletableFuture()
            .get(1, TimeUnit.MINUTES);
    assertEquals(predicted, out, "every prediction passes on, unchanged and in order");
    return reports;
  }

  private static List<Predicted> predict(List<FeatureVector> minutes) {
    Predictor predictor = new Predictor(models, new InferenceMetrics(new SimpleMeterRegistry()));
    List<List<FeatureVector>> windows = new ArrayList<>();
    for (int end = 60; end <= minutes.size(); end++) {
      windows.add(minutes.subList(end - 60, end));
    }
    List<Prediction> predictions = predictor.predict(windows);
    List<Predicted> out = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      out.add(new Predicted(predictions.get(i), windows.get(i)));
    }
    return out;
  }

  private static double median60(Prediction p) {
    return p.forecast().get("60m").values().stream().mapToDouble(Prediction.Quantiles::p50).sum();
  }

  @Test
  void eachForecastIsScoredAnHourLaterAgainstTheInspectionCountsThen() throws Exception {
    List<Predicted> predicted = predict(vectors);
    Reports reports = monitor(predicted);

    // The same score computed here, forecast by forecast, from the predictions and the vectors.
    List<double[]> errors = new ArrayList<>();
    for (int i = 0; i + 60 < predicted.size(); i++) {
      Predicted made = predicted.get(i);
      Predicted later = predicted.get(i + 60);
      assertEquals(made.prediction().at() + 3_600_000, later.prediction().at());
      double now = InspectionRate.total(last(made));
      double actual = InspectionRate.total(last(later));
      if (Double.isFinite(now) && Double.isFinite(actual)) {
        double forecast = median60(made.prediction());
        errors.add(new double[] {Math.abs(forecast - actual), Math.abs(now - actual)});
      }
    }
    assertTrue(errors.size() >= 2 * SCORE_WINDOW, errors.size() + " forecasts with labels");
    assertEquals(errors.size() / SCORE_WINDOW, reports.scores().size());
    for (int w = 0; w < reports.scores().size(); w++) {
      double mae = 0;
      double persistence = 0;
      for (double[] e : errors.subList(w * SCORE_WINDOW, (w + 1) * SCORE_WINDOW)) {
        mae += e[0] / SCORE_WINDOW;
        persistence += e[1] / SCORE_WINDOW;
      }
      ForecastScore.Window got = reports.scores().get(w);
      assertEquals(SCORE_WINDOW, got.count());
      assertEquals(mae, got.mae(), 1e-6);
      assertEquals(persistence, got.persistenceMae(), 1e-6);
    }
  }

  @Test
  void aShiftedInputDriftsFurtherFromTheTrainingDistributionAndTheOthersStayAsTheyWere()
      throws Exception {
    Reports plain = monitor(predict(vectors));
    List<FeatureVector> hotter = new ArrayList<>();
    for (FeatureVector v : vectors) {
      double[] values = v.values().clone();
      for (int i = 0; i < values.length; i++) {
        String name = v.names().get(i);
        if (name.startsWith("F1.lehr.Z2:") && name.endsWith(":mean")) {
          values[i] += 40;
        }
      }
      hotter.add(
          new FeatureVector(v.furnace(), v.at(), v.run(), v.schemaVersion(), v.names(), values));
    }
    Reports shifted = monitor(predict(hotter));

    int predictions = vectors.size() - 59;
    assertEquals(predictions / DRIFT_WINDOW, plain.drift().size());
    assertTrue(plain.rows().stream().allMatch(r -> r == DRIFT_WINDOW), plain.rows().toString());
    Map<String, Double> before = plain.drift().get(plain.drift().size() - 1);
    Map<String, Double> after = shifted.drift().get(shifted.drift().size() - 1);
    assertEquals(
        models.active("forecaster").orElseThrow().card().inputs().get(0).columns(),
        List.copyOf(before.keySet()),
        "a PSI per input column, in order");
    System.out.printf(
        "forecaster input PSI, fresh furnace: %s%n 40 degC hotter lehr Z2: %s%n", before, after);
    assertTrue(before.values().stream().allMatch(psi -> psi >= 0 && Double.isFinite(psi)));
    for (String column : List.of("lehr.Z2:1m:mean", "lehr.Z2:5m:mean")) {
      assertTrue(after.get(column) > 0.25, column + " shifted 4 std: PSI " + after.get(column));
      assertTrue(after.get(column) > before.get(column) + 0.25, before + " -> " + after);
    }
    assertEquals(before.get("lehr.Z3:5m:mean"), after.get("lehr.Z3:5m:mean"), 1e-12);
    assertFalse(shifted.drift().isEmpty());
  }

  private static FeatureVector last(Predicted p) {
    return p.window().get(p.window().size() - 1);
  }
}
