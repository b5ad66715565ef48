package io.vitrum.streams.ml;

import io.vitrum.core.features.FeatureVector;
import java.util.ArrayList;
import java.util.List;

/**
 * The defect-rate forecaster over a furnace's last hour of feature vectors: for each horizon (15,
 * 30, 60 min) and reject class (crack, bubble, stone, chip) the 5, 50 and 95 % quantiles of the
 * rate per 1000 inspected items over the 15 minutes ending then, and the attention over the hour.
 */
public final class Forecaster {
  /** Horizons in minutes, in output order. */
  public static final List<Integer> HORIZONS = List.of(15, 30, 60);

  /** Reject classes, in output order. */
  public static final List<String> CLASSES = List.of("crack", "bubble", "stone", "chip");

  /**
   * One forecast: {@code quantiles[h][c][q]} for horizon h, class c, quantile q (5, 50, 95 %), and
   * the attention per step, oldest first.
   */
  public record Forecast(float[][][] quantiles, float[] attention) {
    /** The median total rate (sum over classes) at horizon index {@code h}. */
    public double medianTotal(int h) {
      double sum = 0;
      for (float[] perClass : quantiles[h]) {
        sum += perClass[1];
      }
      return sum;
    }
  }

  private final OnnxModel model;
  private final FeatureTensor input;

  public Forecaster(OnnxModel model) {
    this.model = model;
    this.input = new FeatureTensor(model.card().inputs().get(0));
  }

  public OnnxModel model() {
    return model;
  }

  /** How the input is built from vectors. */
  public FeatureTensor input() {
    return input;
  }

  /** Forecasts for each window ({@link FeatureTensor#steps} vectors, oldest first), one batch. */
  public List<Forecast> forecast(List<List<FeatureVector>> windows) {
    float[] x = new float[windows.size() * input.size()];
    for (int i = 0; i < windows.size(); i++) {
      input.write(windows.get(i), x, i * input.size());
    }
    return run(x, windows.size());
  }

  /** Forecasts for {@code count} samples already in the input layout. */
  public List<Forecast> run(float[] x, int count) {
    var out = model.run(new OnnxModel.Tensor(x, input.shape(count)));
    float[] q = out.get("quantiles").values();
    float[] a = out.get("attention").values();
    int steps = a.length / count;
    int h = HORIZONS.size();
    int c = CLASSES.size();
    List<Forecast> forecasts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[][][] quantiles = new float[h][c][3];
      for (int hi = 0; hi < h; hi++) {
        for (int ci = 0; ci < c; ci++) {
          for (int qi = 0; qi < 3; qi++) {
            quantiles[hi][ci][qi] = q[((i * h + hi) * c + ci) * 3 + qi];
          }
        }
      }
      float[] attention = new float[steps];
      System.arraycopy(a, i * steps, attention, 0, steps);
      forecasts.add(new Forecast(quantiles, attention));
    }
    return forecasts;
  }
}
