package io.vitrum.streams.inference;

import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.ml.KernelShap;
import io.vitrum.streams.ml.Ensemble;
import io.vitrum.streams.ml.FeatureTensor;
import io.vitrum.streams.ml.Forecaster;
import io.vitrum.streams.ml.SensorGraph;
import io.vitrum.streams.ml.TensorCard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Explains a furnace's latest prediction with KernelSHAP over ONNX Runtime: the forecaster's 60
 * minute median total against its input columns (an absent column takes its training mean for the
 * whole hour, i.e. 0 once normalised) and the ensemble's risk against its members; every coalition
 * of one explanation goes through the model in one batch.
 */
public final class Explainer {
  /** Attributions kept per model. */
  static final int TOP = 5;

  private static final int HORIZON_60 = 2;
  private static final String RATE_UNIT = "rejects per 1000 at 60 min";

  private final ServedModels models;
  private final int samples;

  /**
   * @param samples coalitions per explanation (all of them when the inputs are few enough)
   */
  public Explainer(ServedModels models, int samples) {
    this.models = models;
    this.samples = samples;
  }

  public Explanation explain(Predicted predicted) {
    Prediction p = predicted.prediction();
    List<FeatureVector> window = predicted.window();
    Optional<Forecaster> forecaster = models.active("forecaster").map(Forecaster::new);
    List<Attribution> fa = List.of();
    Double fBase = null;
    List<Integer> attention = List.of();
    Forecaster.Forecast forecast = null;
    if (forecaster.isPresent() && window.size() >= forecaster.get().input().steps()) {
      Forecaster f = forecaster.get();
      List<FeatureVector> steps = window.subList(window.size() - f.input().steps(), window.size());
      KernelShap.Explanation e = forecasterShap(f, steps);
      fa = top(attributions(f.input(), steps.get(steps.size() - 1), e.values()));
      fBase = e.base();
      forecast = f.forecast(List.of(steps)).get(0);
      attention = topMinutes(forecast.attention());
    }
    Optional<Ensemble> ensemble = models.active("ensemble").map(Ensemble::new);
    Optional<SensorGraph> gnn = models.active("gnn").map(SensorGraph::new);
    List<Attribution> ea = List.of();
    Double eBase = null;
    if (ensemble.isPresent() && gnn.isPresent() && forecast != null) {
      Ensemble en = ensemble.get();
      FeatureVector newest = window.get(window.size() - 1);
      double[] raw =
          en.inputs(
              new Ensemble.Members(newest, forecast, gnn.get().score(List.of(newest)).get(0)));
      KernelShap.Explanation e = ensembleShap(en, raw);
      ea = top(memberAttributions(en, raw, e.values()));
      eBase = e.base();
    }
    List<String> summary = new ArrayList<>();
    fa.stream().limit(3).forEach(a -> summary.add(a.text()));
    ea.stream().limit(2).forEach(a -> summary.add("risk: " + a.text()));
    return new Explanation(p, fa, fBase, ea, eBase, attention, summary);
  }

  private KernelShap.Explanation forecasterShap(Forecaster f, List<FeatureVector> steps) {
    FeatureTensor input = f.input();
    int columns = input.columns().size();
    float[] x = new float[input.size()];
    input.write(steps, x, 0);
    return KernelShap.explain(
        columns,
        coalitions -> {
          float[] batch = new float[coalitions.size() * x.length];
          for (int k = 0; k < coalitions.size(); k++) {
            boolean[] z = coalitions.get(k);
            for (int i = 0; i < x.length; i++) {
              batch[k * x.length + i] = z[i % columns] ? x[i] : 0f;
            }
          }
          return f.run(batch, coalitions.size()).stream()
              .mapToDouble(fc -> fc.medianTotal(HORIZON_60))
              .toArray();
        },
        samples,
        steps.get(steps.size() - 1).at());
  }

  private KernelShap.Explanation ensembleShap(Ensemble en, double[] raw) {
    double[] baseline = baseline(en.model().card().inputs().get(0));
    return KernelShap.explain(
        raw.length,
        coalitions -> {
          double[][] rows = new double[coalitions.size()][];
          for (int k = 0; k < rows.length; k++) {
            boolean[] z = coalitions.get(k);
            rows[k] = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
              rows[k][i] = z[i] ? raw[i] : baseline[i];
            }
          }
          return en.riskOf(rows);
        },
        samples,
        1);
  }

  private static double[] baseline(TensorCard input) {
    return input.flatMean();
  }

  private static List<Attribution> attributions(
      FeatureTensor input, FeatureVector newest, double[] phi) {
    List<Attribution> out = new ArrayList<>();
    for (int c = 0; c < phi.length; c++) {
      double value = input.raw(newest, c);
      out.add(attribution(input.columns().get(c), value, input.mean(c), phi[c]));
    }
    return out;
  }

  private static List<Attribution> memberAttributions(Ensemble en, double[] raw, double[] phi) {
    double[] mean = baseline(en.model().card().inputs().get(0));
    List<Attribution> out = new ArrayList<>();
    for (int i = 0; i < phi.length; i++) {
      out.add(attribution(en.members().get(i), raw[i], mean[i], phi[i]));
    }
    return out;
  }

  private static Attribution attribution(String name, double value, double mean, double phi) {
    String text =
        String.format(
            Locale.ROOT,
            "%s %.4g (%+.4g vs usual %.4g): %+.2f %s",
            name,
            value,
            value - mean,
            mean,
            phi,
            RATE_UNIT);
    return new Attribution(name, value, mean, phi, text);
  }

  private static List<Attribution> top(List<Attribution> all) {
    return all.stream()
        .sorted(Comparator.comparingDouble(a -> -Math.abs(a.contribution())))
        .limit(TOP)
        .toList();
  }

  private static List<Integer> topMinutes(float[] attention) {
    int n = attention.length;
    return IntStream.range(0, n)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -attention[i]))
        .limit(TOP)
        .toList();
  }
}
