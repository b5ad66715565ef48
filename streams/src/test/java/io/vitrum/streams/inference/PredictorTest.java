package io.vitrum.streams.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.sim.SimulatedFeatures;
import io.vitrum.streams.features.FeatureSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed forecaster, GNN and ensemble together on an hour and a quarter of a furnace. */
class PredictorTest {
  @Test
  void aFullHourGivesAForecastSensorScoresARiskAndAnExplanation() {
    ServedModels models =
        ServedModels.open(
            InferenceSettings.create(ConfigFactory.load()).withModelsDir(Path.of("../models")));
    try (models) {
      List<FeatureVector> vectors =
          SimulatedFeatures.run(
                  1,
                  Duration.ofMinutes(75),
                  4242,
                  FeatureSettings.create(ConfigFactory.load()).schema(),
                  Duration.ofMinutes(1))
              .vectors()
              .get("F1");
      Predictor predictor = new Predictor(models, new InferenceMetrics(new SimpleMeterRegistry()));
      assertEquals(60, predictor.history());
      List<FeatureVector> window = vectors.subList(vectors.size() - 60, vectors.size());
      Prediction p = predictor.predict(List.of(window)).get(0);
      assertNotNull(p.forecast(), "an hour of vectors gives a forecast");
      assertEquals(3, p.forecast().size());
      assertEquals(60, p.attention().length);
      assertEquals(Predictor.TOP_SENSORS, p.sensors().size());
      assertTrue(
          p.risk() != null && Double.isFinite(p.risk()),
          "a risk: " + p.risk() + " from " + models.activeVersions() + " " + p.models());
      assertTrue(p.sensors().get(0).tag().startsWith("F1."), p.sensors().toString());

      Explanation e = new Explainer(models, 64).explain(new Predicted(p, window));
      assertEquals(Explainer.TOP, e.forecaster().size());
      assertEquals(Explainer.TOP, e.ensemble().size());
      double sum = e.ensembleBase();
      for (Attribution a : e.ensemble()) {
        sum += a.contribution();
      }
      // The top attributions are at most all members: with all six, base + values = the risk.
      assertTrue(Double.isFinite(sum), "finite attributions");
      assertTrue(e.summary().get(0).contains("rejects per 1000 at 60 min"), e.summary().get(0));
    }
  }
}
