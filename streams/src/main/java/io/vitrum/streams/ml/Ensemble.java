package io.vitrum.streams.ml;

import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.ml.Standardizer;
import java.util.List;

/**
 * The meta-learner: one defect risk per furnace (expected rejects per 1000 inspected items at 60
 * minutes) from its members' outputs, named in the card's input columns:
 *
 * <ul>
 *   <li>{@code forecasterMedianTotal60}, {@code forecasterMedianTotal30}: the forecaster's median
 *       total rate at 60 and 30 minutes
 *   <li>{@code forecasterIntervalTotal60}: the sum over classes of the 90 % interval widths at 60
 *       minutes
 *   <li>{@code rateNow}: the total rate over the last 15 minutes
 *   <li>{@code gnnMaxScore}: the highest sensor-fault score; {@code gnnProcessFault}: the process
 *       fault probability
 * </ul>
 */
public final class Ensemble {
  /** What one furnace's members said. */
  public record Members(
      FeatureVector newest, Forecaster.Forecast forecast, SensorGraph.Scores gnn) {}

  private final OnnxModel model;
  private final List<String> members;
  private final Standardizer standardizer;
  private final double alertThreshold;

  public Ensemble(OnnxModel model) {
    this.model = model;
    TensorCard input = model.card().inputs().get(0);
    this.members = List.copyOf(input.columns());
    this.standardizer = new Standardizer(input.flatMean(), input.flatStd());
    this.alertThreshold = model.card().raw().path("alertThreshold").asDouble(Double.NaN);
    for (String m : members) {
      value(m, null);
    }
  }

  public OnnxModel model() {
    return model;
  }

  /** The members, in input order. */
  public List<String> members() {
    return members;
  }

  /** The risk above which the card suggests an alert ({@code NaN}: none given). */
  public double alertThreshold() {
    return alertThreshold;
  }

  /** The members' values for one furnace, in input order (raw, before normalisation). */
  public double[] inputs(Members m) {
    double[] out = new double[members.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(members.get(i), m);
    }
    return out;
  }

  /** The risk of each furnace, one batch. */
  public double[] risk(List<Members> batch) {
    double[][] raw = new double[batch.size()][];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = inputs(batch.get(i));
    }
    return riskOf(raw);
  }

  /** The risk of each row of raw member values, one batch. */
  public double[] riskOf(double[][] raw) {
    int m = members.size();
    float[] x = new float[raw.length * m];
    for (int i = 0; i < raw.length; i++) {
      for (int k = 0; k < m; k++) {
        x[i * m + k] = standardizer.apply(k, raw[i][k]);
      }
    }
    float[] y =
        model.run(new OnnxModel.Tensor(x, new long[] {raw.length, m})).get(outputName()).values();
    double[] out = new double[raw.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = y[i];
    }
    return out;
  }

  private String outputName() {
    return model.card().outputs().get(0).name();
  }

  /** Member {@code name} of {@code m}; with {@code m} null, only checks the name is known. */
  private static double value(String name, Members m) {
    return switch (name) {
      case "forecasterMedianTotal60" -> m == null ? 0 : m.forecast().medianTotal(2);
      case "forecasterMedianTotal30" -> m == null ? 0 : m.forecast().medianTotal(1);
      case "forecasterIntervalTotal60" -> m == null ? 0 : intervalTotal(m.forecast(), 2);
      case "rateNow" -> m == null ? 0 : rateNow(m.newest());
      case "gnnMaxScore" -> m == null ? 0 : m.gnn().sensors()[m.gnn().top()];
      case "gnnProcessFault" -> m == null ? 0 : m.gnn().processFault();
      default -> throw new IllegalArgumentException("unknown ensemble member " + name);
    };
  }

  private static double intervalTotal(Forecaster.Forecast f, int horizon) {
    double sum = 0;
    for (float[] q : f.quantiles()[horizon]) {
      sum += q[2] - q[0];
    }
    return sum;
  }

  /** The total reject rate per 1000 inspected over the 15 minutes ending at {@code v}. */
  public static double rateNow(FeatureVector v) {
    String prefix = v.furnace() + ".insp.";
    double inspected = value(v, prefix + "inspected:15m:mean");
    double rejects = 0;
    for (String c : Forecaster.CLASSES) {
      rejects += value(v, prefix + "reject." + c + ":15m:mean");
    }
    return 1000 * rejects / inspected;
  }

  private static double value(FeatureVector v, String name) {
    int i = v.names().indexOf(name);
    return i < 0 ? Double.NaN : v.values()[i];
  }
}
