package io.vitrum.core.causal;

import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.sim.FaultKind;
import io.vitrum.core.sim.FaultScenario;
import io.vitrum.core.sim.ProcessFaults;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.TagQuantities;
import io.vitrum.core.twin.TwinState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The physics check of root-cause analysis: runs a hypothesis on the digital twin from the
 * incident's onset and measures how much of what the plant showed it reproduces.
 *
 * <p>Both sides are compared as changes against the healthy state, in 10-minute means (which
 * average out the firing reversals): the plant's tags against their baseline, the twin's against a
 * twin run without the fault from the same settled state under the same setpoints. Each tag's
 * misfit is scaled by its baseline noise and summed with a Huber loss (squared within three noise
 * widths, linear beyond), so the large changes count most without one of them deciding alone. For a
 * process fault the magnitude is fitted by least squares on a unit run and then simulated exactly,
 * for each of a few development times; for an instrument fault, a linear drift of the one tag from
 * the onset.
 */
public final class PhysicsCheck {
  /** The comparison window: 10-minute means. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  private static final Duration BUCKET = WINDOW;
  private static final double SAMPLE_S = 60;
  private static final List<Duration> RAMPS =
      List.of(Duration.ZERO, Duration.ofMinutes(20), Duration.ofMinutes(60));
  private static final double RELATIVE_NOISE_FLOOR = 2e-4;
  private static final double ABSOLUTE_NOISE_FLOOR = 1e-3;
  private static final Instant ORIGIN = Instant.EPOCH;

  /** Misfits beyond this many noise widths count linearly, not squared. */
  private static final double HUBER_K = 3;

  private final DigitalTwin twin;

  public PhysicsCheck(DigitalTwin twin) {
    this.twin = twin;
  }

  /** How well process fault {@code kind}, starting at {@code onset}, explains {@code evidence}. */
  public PhysicsFit process(FaultKind kind, Evidence evidence, Instant onset) {
    if (kind.isSensorFault()) {
      throw new IllegalArgumentException(kind + " is an instrument fault");
    }
    Observed observed = Observed.of(evidence, onset);
    if (observed == null) {
      return PhysicsFit.NONE;
    }
    TwinState start = twin.start(evidence.furnace(), evidence.setpoints());
    double horizonS = observed.buckets() * BUCKET.toSeconds();
    double[][] healthy = observed.predict(twin.course(start, horizonS, SAMPLE_S, t -> none()));
    double baseCost = observed.cost(healthy, healthy);
    if (baseCost <= 0) {
      return PhysicsFit.NONE;
    }
    PhysicsFit best = PhysicsFit.NONE;
    for (Duration ramp : RAMPS) {
      double unit = kind.typicalHigh();
      double[][] unitRun = run(kind, evidence.furnace(), start, horizonS, ramp, unit, observed);
      double scale = observed.leastSquaresScale(unitRun, healthy);
      double magnitude = limit(kind, scale * unit);
      if (magnitude == 0) {
        continue;
      }
      double[][] fitted = run(kind, evidence.furnace(), start, horizonS, ramp, magnitude, observed);
      double fit = 1 - observed.cost(fitted, healthy) / baseCost;
      if (fit > best.fit()) {
        best = new PhysicsFit(fit, magnitude, ramp);
      }
    }
    return best;
  }

  /** How well a linear drift of sensor {@code tag} from {@code onset} explains {@code evidence}. */
  public PhysicsFit instrument(String tag, Evidence evidence, Instant onset) {
    Observed observed = Observed.of(evidence, onset);
    if (observed == null || !observed.has(tag)) {
      return PhysicsFit.NONE;
    }
    double[][] zero = observed.zeros();
    double baseCost = observed.cost(zero, zero);
    if (baseCost <= 0) {
      return PhysicsFit.NONE;
    }
    double[][] ramp = observed.zeros();
    double[] hours = new double[observed.buckets()];
    for (int k = 0; k < hours.length; k++) {
      hours[k] = (k + 0.5) * BUCKET.toSeconds() / 3600.0;
    }
    observed.setRow(ramp, tag, hours);
    double slope = observed.leastSquaresScale(ramp, zero);
    for (int k = 0; k < hours.length; k++) {
      hours[k] *= slope;
    }
    observed.setRow(ramp, tag, hours);
    return new PhysicsFit(1 - observed.cost(ramp, zero) / baseCost, slope, Duration.ZERO);
  }

  private double[][] run(
      FaultKind kind,
      String furnace,
      TwinState start,
      double horizonS,
      Duration ramp,
      double magnitude,
      Observed observed) {
    FaultScenario scenario =
        FaultScenario.process(
            furnace, kind, ORIGIN, ramp, Duration.ofSeconds((long) horizonS + 3600), magnitude);
    List<FaultScenario> active = List.of(scenario);
    DoubleFunction<Disturbances> at =
        t -> ProcessFaults.at(Disturbances.NONE, active, ORIGIN.plusMillis((long) (t * 1000)));
    return observed.predict(twin.course(start, horizonS, SAMPLE_S, at));
  }

  private static Disturbances none() {
    return Disturbances.NONE;
  }

  /** The magnitude kept within what the physics accepts and the kind can plausibly reach. */
  private static double limit(FaultKind kind, double magnitude) {
    double high = kind.typicalHigh() * 2;
    double low = kind == FaultKind.CULLET_SWING ? -high : 0;
    if (kind == FaultKind.LEHR_FAN_FAILURE || kind == FaultKind.REFRACTORY_WEAR) {
      high = 1;
    }
    if (kind == FaultKind.BURNER_DEGRADATION) {
      high = 0.45;
    }
    double m = Math.max(low, Math.min(high, magnitude));
    return Double.isFinite(m) ? m : 0;
  }

  /** The plant's side: bucketed changes of every process tag after the onset, with noise. */
  private record Observed(
      List<String> tags,
      List<ToDoubleFunction<FurnaceOutputs>> quantities,
      double[][] change,
      double[] noise) {

    static Observed of(Evidence evidence, Instant onset) {
      Map<String, ToDoubleFunction<FurnaceOutputs>> known = TagQuantities.of(evidence.furnace());
      List<String> tags = new ArrayList<>();
      List<ToDoubleFunction<FurnaceOutputs>> quantities = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      List<Double> noises = new ArrayList<>();
      int buckets = -1;
      for (String tag : evidence.tags()) {
        ToDoubleFunction<FurnaceOutputs> q = known.get(tag);
        if (q == null) {
          continue;
        }
        TagSeries s = evidence.series().get(tag);
        int per = (int) Math.max(1, BUCKET.toMillis() / s.step().toMillis());
        int b = s.slotOf(evidence.baselineEnd());
        int from = s.slotOf(onset);
        int count = (s.size() - from) / per;
        if (count < 1 || b < 2 * per) {
          continue;
        }
        buckets = buckets < 0 ? count : Math.min(buckets, count);
        double base = s.mean(0, b);
        List<Double> baseMeans = new ArrayList<>();
        for (int i = 0; i + per <= b; i += per) {
          baseMeans.add(s.mean(i, i + per));
        }
        double noise =
            Math.max(
                Math.max(std(baseMeans), s.std(0, b) / Math.sqrt(per)),
                Math.max(ABSOLUTE_NOISE_FLOOR, RELATIVE_NOISE_FLOOR * Math.abs(base)));
        double[] row = new double[count];
        for (int k = 0; k < count; k++) {
          row[k] = s.mean(from + k * per, from + (k + 1) * per) - base;
        }
        tags.add(tag);
        quantities.add(q);
        rows.add(row);
        noises.add(noise);
      }
      if (tags.isEmpty() || buckets < 1 || !Double.isFinite(base(noises))) {
        return null;
      }
      double[][] change = new double[tags.size()][];
      double[] noise = new double[tags.size()];
      for (int i = 0; i < tags.size(); i++) {
        change[i] = Arrays.copyOf(rows.get(i), buckets);
        noise[i] = noises.get(i);
      }
      return new Observed(tags, quantities, change, noise);
    }

    int buckets() {
      return change[0].length;
    }

    boolean has(String tag) {
      return tags.contains(tag);
    }

    double[][] zeros() {
      return new double[tags.size()][buckets()];
    }

    void setRow(double[][] m, String tag, double[] row) {
      m[tags.indexOf(tag)] = row.clone();
    }

    /** The twin's course as bucket means per tag (absolute values). */
    double[][] predict(List<FurnaceOutputs> course) {
      int per = (int) (BUCKET.toSeconds() / SAMPLE_S);
      double[][] out = new double[tags.size()][buckets()];
      for (int i = 0; i < tags.size(); i++) {
        ToDoubleFunction<FurnaceOutputs> q = quantities.get(i);
        for (int k = 0; k < buckets(); k++) {
          double sum = 0;
          int n = 0;
          for (int j = k * per + 1; j <= (k + 1) * per && j < course.size(); j++) {
            sum += q.applyAsDouble(course.get(j));
            n++;
          }
          out[i][k] = n == 0 ? Double.NaN : sum / n;
        }
      }
      return out;
    }

    /** Robust misfit of predicted changes {@code run - healthy} against the observed ones. */
    double cost(double[][] run, double[][] healthy) {
      double c = 0;
      for (int i = 0; i < tags.size(); i++) {
        for (int k = 0; k < buckets(); k++) {
          double predicted = run[i][k] - healthy[i][k];
          double r = (change[i][k] - predicted) / noise[i];
          if (Double.isFinite(r)) {
            c += huber(r);
          }
        }
      }
      return c;
    }

    /** The factor that best scales the predicted changes of {@code run} onto the observed. */
    double leastSquaresScale(double[][] run, double[][] healthy) {
      double num = 0;
      double den = 0;
      for (int i = 0; i < tags.size(); i++) {
        double w = 1 / (noise[i] * noise[i]);
        for (int k = 0; k < buckets(); k++) {
          double u = run[i][k] - healthy[i][k];
          double d = change[i][k];
          if (Double.isFinite(u) && Double.isFinite(d)) {
            num += w * u * d;
            den += w * u * u;
          }
        }
      }
      return den > 0 ? num / den : 0;
    }

    private static double huber(double r) {
      double a = Math.abs(r);
      return a <= HUBER_K ? a * a : 2 * HUBER_K * a - HUBER_K * HUBER_K;
    }

    private static double std(List<Double> values) {
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double sum = 0;
      for (double v : values) {
        sum += (v - mean) * (v - mean);
      }
      return values.size() < 2 ? 0 : Math.sqrt(sum / (values.size() - 1));
    }

    private static double base(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).sum();
    }
  }
}
