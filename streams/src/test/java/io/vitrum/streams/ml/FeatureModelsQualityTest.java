package io.vitrum.streams.ml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.sim.FaultScenario;
import io.vitrum.core.sim.SimulatedFeatures;
import io.vitrum.streams.features.FeatureSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed forecaster and GNN ({@code @prod}) on a plant run they never saw (a fresh seed,
 * random faults), through the engine's own feature stage and ONNX Runtime, against the floors of
 * the models' issue: the forecaster's 60-minute MAE at least 30 % below persistence with 90 %
 * intervals covering 85-95 %; the faulted sensor ranked first for at least 90 % of injected sensor
 * faults.
 */
class FeatureModelsQualityTest {
  private static final long FRESH_SEED = 0x5EED_0F_F4E5L;
  private static final Duration SPAN = Duration.ofHours(24);
  private static final int FURNACES = 4;
  private static final int HORIZON_60 = 2;
  private static final List<Integer> FAULT_OFFSETS_MINUTES = List.of(15, 30, 60);
  private static SimulatedFeatures plant;
  private static Forecaster forecaster;
  private static SensorGraph gnn;

  @BeforeAll
  static void load() {
    ModelIndex index = ModelIndex.read(Path.of("../models"));
    forecaster = new Forecaster(load(index, "forecaster"));
    gnn = new SensorGraph(load(index, "gnn"));
    plant =
        SimulatedFeatures.run(
            FURNACES,
            SPAN,
            FRESH_SEED,
            FeatureSettings.create(ConfigFactory.load()).schema(),
            Duration.ofMinutes(1));
  }

  private static OnnxModel load(ModelIndex index, String name) {
    ModelIndex.Entry e = index.production(name).orElseThrow();
    return OnnxModel.load(e.file(), ModelCard.read(e.card()), 2);
  }

  @AfterAll
  static void close() {
    forecaster.model().close();
    gnn.model().close();
  }

  /** Rejects of each class per 1000 inspected over the 15 minutes ending at {@code v}. */
  static double[] rates(FeatureVector v) {
    String f = v.furnace() + ".insp.";
    double inspected = value(v, f + "inspected:15m:mean");
    double[] out = new double[Forecaster.CLASSES.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = 1000 * value(v, f + "reject." + Forecaster.CLASSES.get(c) + ":15m:mean") / inspected;
    }
    return out;
  }

  private static double value(FeatureVector v, String name) {
    int i = v.names().indexOf(name);
    return i < 0 ? Double.NaN : v.values()[i];
  }

  private static double total(double[] rates) {
    double sum = 0;
    for (double r : rates) {
      sum += r;
    }
    return sum;
  }

  @Test
  void theForecasterBeatsPersistenceWithCalibratedIntervals() {
    int steps = forecaster.input().steps();
    double errModel = 0;
    double errPersistence = 0;
    long samples = 0;
    long inside = 0;
    long targets = 0;
    for (List<FeatureVector> vectors : plant.vectors().values()) {
      List<List<FeatureVector>> windows = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (int t = steps - 1 + 15; t + 60 < vectors.size(); t += 3) {
        windows.add(vectors.subList(t - steps + 1, t + 1));
        at.add(t);
      }
      List<Forecaster.Forecast> forecasts = new ArrayList<>();
      for (int from = 0; from < windows.size(); from += 64) {
        forecasts.addAll(
            forecaster.forecast(windows.subList(from, Math.min(windows.size(), from + 64))));
      }
      for (int k = 0; k < at.size(); k++) {
        int t = at.get(k);
        double[] now = rates(vectors.get(t));
        double actual = total(rates(vectors.get(t + 60)));
        if (!Double.isFinite(actual) || !Double.isFinite(total(now))) {
          continue;
        }
        Forecaster.Forecast f = forecasts.get(k);
        errModel += Math.abs(f.medianTotal(HORIZON_60) - actual);
        errPersistence += Math.abs(total(now) - actual);
        samples++;
        for (int h = 0; h < Forecaster.HORIZONS.size(); h++) {
          double[] later = rates(vectors.get(t + Forecaster.HORIZONS.get(h)));
          for (int c = 0; c < later.length; c++) {
            float[] q = f.quantiles()[h][c];
            targets++;
            inside += later[c] >= q[0] && later[c] <= q[2] ? 1 : 0;
          }
        }
      }
    }
    double mae = errModel / samples;
    double persistence = errPersistence / samples;
    double reduction = 1 - mae / persistence;
    double coverage = (double) inside / targets;
    System.out.printf(
        "forecaster on %d fresh windows: MAE60 %.3f vs persistence %.3f (%.1f %% lower),"
            + " 90 %% interval coverage %.3f%n",
        samples, mae, persistence, 100 * reduction, coverage);
    assertTrue(samples > 1000, "enough windows: " + samples);
    assertTrue(reduction > 0, "no better than persistence at 60 min: " + reduction);
    assertTrue(coverage >= 0.85 && coverage <= 0.95, "90 % intervals cover " + coverage);
    if (reduction < 0.30) {
      assertFalse(
          forecaster.model().card().floorsMet(),
          "the card claims its floors but the MAE is only " + reduction + " below persistence");
    }
  }

  /**
   * As the card's {@code top1SensorFault}: each sensor-fault episode scored at 15, 30 and 60
   * minutes after its start while still active, a hit when its tag scores highest among the tags no
   * other sensor fault holds then; and the process-fault score's AUC, rows under a process fault
   * against rows under none.
   */
  @Test
  void theGnnRanksTheFaultedSensorFirstAndSeesProcessFaults() {
    long hits = 0;
    long evaluations = 0;
    List<Double> processRows = new ArrayList<>();
    List<Double> quietRows = new ArrayList<>();
    for (var e : plant.vectors().entrySet()) {
      List<FeatureVector> vectors = e.getValue();
      List<SensorGraph.Scores> scores = new ArrayList<>();
      for (int from = 0; from < vectors.size(); from += 64) {
        scores.addAll(gnn.score(vectors.subList(from, Math.min(vectors.size(), from + 64))));
      }
      List<FaultScenario> faults = plant.faults().forFurnace(e.getKey());
      for (int row = 15; row < vectors.size(); row++) {
        Instant at = Instant.ofEpochMilli(vectors.get(row).at());
        List<FaultScenario> active = faults.stream().filter(f -> active(f, at)).toList();
        if (active.isEmpty()) {
          quietRows.add((double) scores.get(row).processFault());
        } else if (active.stream().anyMatch(f -> !f.kind().isSensorFault())) {
          processRows.add((double) scores.get(row).processFault());
        }
      }
      for (FaultScenario f : faults) {
        if (f.tag() == null) {
          continue;
        }
        int node = gnn.nodes().indexOf(f.tag().substring(f.tag().indexOf('.') + 1));
        for (int offset : FAULT_OFFSETS_MINUTES) {
          Instant when = f.start().plus(Duration.ofMinutes(offset));
          int row = firstAtOrAfter(vectors, when);
          if (row < 0 || !active(f, Instant.ofEpochMilli(vectors.get(row).at()))) {
            continue;
          }
          Instant at = Instant.ofEpochMilli(vectors.get(row).at());
          float[] s = scores.get(row).sensors().clone();
          for (FaultScenario other : faults) {
            if (other != f
                && other.tag() != null
                && !other.tag().equals(f.tag())
                && active(other, at)) {
              s[gnn.nodes().indexOf(other.tag().substring(other.tag().indexOf('.') + 1))] = -1;
            }
          }
          evaluations++;
          hits += new SensorGraph.Scores(s, 0).top() == node ? 1 : 0;
        }
      }
    }
    double top1 = (double) hits / evaluations;
    double auc = auc(processRows, quietRows);
    System.out.printf(
        "gnn on fresh data: faulted sensor first in %d of %d evaluations (%.3f);"
            + " process-fault AUC %.3f over %d + %d rows%n",
        hits, evaluations, top1, auc, processRows.size(), quietRows.size());
    assertTrue(evaluations >= 20, "enough sensor-fault evaluations: " + evaluations);
    assertTrue(top1 >= 0.5, "the faulted sensor first in only " + top1 + " (chance: 1/43)");
    assertTrue(auc >= 0.9, "process faults told from quiet rows with AUC " + auc);
    if (top1 < 0.90) {
      assertFalse(
          gnn.model().card().floorsMet(),
          "the card claims its floors but the faulted sensor is first in only " + top1);
    }
  }

  private static boolean active(FaultScenario f, Instant at) {
    return !at.isBefore(f.start()) && at.isBefore(f.start().plus(f.duration()));
  }

  private static int firstAtOrAfter(List<FeatureVector> vectors, Instant when) {
    for (int i = 0; i < vectors.size(); i++) {
      if (vectors.get(i).at() >= when.toEpochMilli()) {
        return i;
      }
    }
    return -1;
  }

  /** The probability that a positive scores above a negative (ties count half). */
  private static double auc(List<Double> positives, List<Double> negatives) {
    double sum = 0;
    for (double p : positives) {
      for (double n : negatives) {
        sum += p > n ? 1 : p == n ? 0.5 : 0;
      }
    }
    return sum / ((double) positives.size() * negatives.size());
  }
}
