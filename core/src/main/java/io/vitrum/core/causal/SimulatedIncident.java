package io.vitrum.core.causal;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.sim.DefectEvent;
import io.vitrum.core.sim.FaultKind;
import io.vitrum.core.sim.FaultScenario;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulationListener;
import io.vitrum.core.sim.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An incident made by the simulator, with its ground truth: one furnace runs healthy for a
 * baseline, one fault is injected at a random time with a random development, and, watching from
 * the fault's start, the incident opens the way the engine opens one: when a reject class's rate
 * over the last quarter of an hour stands clearly above its baseline ({@link DefectRateRise}: 1.5
 * times the rate and a Poisson excess of five standard deviations), or when a sensor leaves its
 * baseline by more than eight noise widths over five minutes (the faulty one for an instrument
 * fault, any for a process fault that has not yet raised a reject class). The evidence is what the
 * history holds then: 1-minute means of every process tag. Used to score root-cause analysis on
 * fresh data.
 *
 * @param fault the injected fault: its kind's key is the true root cause
 * @param evidence what the analysis sees when the incident opens
 */
public record SimulatedIncident(FaultScenario fault, Evidence evidence) {
  private static final String FURNACE = "F1";
  private static final Duration BASELINE = Duration.ofHours(2);
  private static final Duration WATCH = Duration.ofHours(3);
  private static final Duration RATE_WINDOW = Duration.ofMinutes(15);
  private static final double RISE_Z = DefectRateRise.Z;
  private static final double ANOMALY_Z = 8;
  private static final String INSPECTION = FURNACE + ".insp.";

  /**
   * The incident that fault {@code kind} of {@code magnitude} opens in a run seeded {@code seed},
   * if it opens one within three hours; {@code after} more minutes of evidence are collected once
   * it opened (0: the analysis runs the moment it opens).
   */
  public static Optional<SimulatedIncident> simulate(
      FaultKind kind, double magnitude, long seed, Duration after) {
    return simulate(kind, magnitude, seed, after, Set.of());
  }

  /**
   * As {@link #simulate(FaultKind, double, long, Duration)} on a plant that lacks the instruments
   * {@code missing}: the same run, but those tags are never recorded, so the incident opens only on
   * what the plant has (later, on another subject, or not at all) and the evidence holds none of
   * them.
   */
  public static Optional<SimulatedIncident> simulate(
      FaultKind kind, double magnitude, long seed, Duration after, Set<String> missing) {
    SplittableRandom random = new SplittableRandom(seed * 7919 + kind.ordinal());
    SimulatorConfig config = SimulatorConfig.of(1, seed);
    Instant start = config.start();
    Instant faultStart = start.plus(BASELINE).plusSeconds(random.nextInt(0, 20 * 60));
    FaultScenario fault =
        kind.isSensorFault()
            ? FaultScenario.sensor(
                FurnaceTags.crown(FURNACE, 1 + random.nextInt(FurnaceTags.CROWN_THERMOCOUPLES)),
                kind,
                faultStart,
                WATCH,
                magnitude)
            : FaultScenario.process(
                FURNACE,
                kind,
                faultStart,
                Duration.ofMinutes(random.nextInt(0, 31)),
                WATCH,
                magnitude);
    PlantSimulator sim = new PlantSimulator(config);
    sim.inject(fault);
    Recorder recorder = new Recorder(start, missing);
    Instant baselineEnd = start.plus(BASELINE);
    sim.advance(BASELINE, recorder);
    Optional<Instant> opened = Optional.empty();
    Subject subject = null;
    sim.advance(Duration.between(baselineEnd, faultStart), recorder);
    Instant watchFrom =
        baselineEnd.plus(
            Duration.between(baselineEnd, faultStart).toMinutes() + 1, ChronoUnit.MINUTES);
    sim.advance(Duration.between(faultStart, watchFrom), recorder);
    for (int minute = 0; minute <= WATCH.toMinutes() && opened.isEmpty(); minute++) {
      Instant now = watchFrom.plus(Duration.ofMinutes(minute));
      if (minute > 0) {
        sim.advance(Duration.ofMinutes(1), recorder);
      }
      subject =
          kind.isSensorFault()
              ? recorder.anomaly(List.of(fault.tag()), baselineEnd, now)
              : recorder.rise(baselineEnd, now);
      if (subject == null && !kind.isSensorFault()) {
        subject = recorder.anomaly(recorder.tags(), baselineEnd, now);
      }
      if (subject != null) {
        opened = Optional.of(now);
      }
    }
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    if (!after.isZero()) {
      sim.advance(after, recorder);
    }
    Instant end = opened.get().plus(after);
    Evidence evidence =
        new Evidence(
            FURNACE,
            subject,
            opened.get(),
            baselineEnd,
            recorder.series(end),
            Map.of(),
            sim.setpoints(FURNACE));
    return Optional.of(new SimulatedIncident(fault, evidence));
  }

  /** Collects 1-minute sums of every process tag and per-minute rejects per class. */
  private static final class Recorder implements SimulationListener {
    private final Instant start;
    private final Map<String, double[]> sums = new HashMap<>();
    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, int[]> rejects = new HashMap<>();
    private static final int MINUTES = (int) (BASELINE.plus(WATCH).toMinutes() + 120);

    private final Set<String> missing;

    Recorder(Instant start, Set<String> missing) {
      this.start = start;
      this.missing = Set.copyOf(missing);
    }

    @Override
    public void onReading(Reading r) {
      if (r.tag().startsWith(INSPECTION)
          || !Double.isFinite(r.value())
          || missing.contains(r.tag())) {
        return;
      }
      int m = minute(r.ts());
      if (m < 0 || m >= MINUTES) {
        return;
      }
      sums.computeIfAbsent(r.tag(), t -> new double[MINUTES])[m] += r.value();
      counts.computeIfAbsent(r.tag(), t -> new int[MINUTES])[m]++;
    }

    @Override
    public void onDefect(DefectEvent d) {
      int m = minute(d.ts());
      if (m >= 0 && m < MINUTES) {
        rejects.computeIfAbsent(d.defectClass().label(), c -> new int[MINUTES])[m]++;
      }
    }

    /** The reject class whose last quarter-hour stands clearly above its baseline, if any. */
    Subject rise(Instant baselineEnd, Instant now) {
      int b = minute(baselineEnd);
      int n = minute(now);
      int w = (int) RATE_WINDOW.toMinutes();
      Subject best = null;
      double bestZ = RISE_Z;
      for (String defect : FurnaceTags.REJECT_CLASSES) {
        int[] perMinute = rejects.getOrDefault(defect, new int[MINUTES]);
        double base = 0;
        for (int i = 0; i < b; i++) {
          base += perMinute[i];
        }
        double expected = DefectRateRise.expected(base, b, w);
        double recent = 0;
        for (int i = Math.max(b, n - w); i < n; i++) {
          recent += perMinute[i];
        }
        recent *= (double) w / Math.max(1, Math.min(w, n - b));
        double z = DefectRateRise.z(recent, expected);
        if (DefectRateRise.rose(recent, expected) && z > bestZ) {
          bestZ = z;
          best = Subject.defect(defect);
        }
      }
      return best;
    }

    /** The tag of {@code tags} whose last five minutes left the baseline the most, if one did. */
    Subject anomaly(List<String> tags, Instant baselineEnd, Instant now) {
      Map<String, TagSeries> all = series(now);
      Subject best = null;
      double bestZ = ANOMALY_Z;
      for (String tag : tags) {
        TagChange c = TagChange.of(all.get(tag), baselineEnd, now.minus(Duration.ofMinutes(5)));
        if (Math.abs(c.z()) > bestZ) {
          bestZ = Math.abs(c.z());
          best = Subject.anomaly(tag);
        }
      }
      return best;
    }

    List<String> tags() {
      return sums.keySet().stream().sorted().toList();
    }

    Map<String, TagSeries> series(Instant end) {
      int n = minute(end);
      Map<String, TagSeries> out = new HashMap<>();
      for (Map.Entry<String, double[]> e : sums.entrySet()) {
        int[] c = counts.get(e.getKey());
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = c[i] == 0 ? Double.NaN : e.getValue()[i] / c[i];
        }
        out.put(e.getKey(), new TagSeries(e.getKey(), start, Duration.ofMinutes(1), v));
      }
      return out;
    }

    private int minute(Instant t) {
      return (int) Duration.between(start, t).toMinutes();
    }
  }

  /** The kinds an incident can be simulated for: every process fault and thermocouple drift. */
  public static List<FaultKind> kinds() {
    return List.of(
        FaultKind.BURNER_DEGRADATION,
        FaultKind.BATCH_MOISTURE,
        FaultKind.CULLET_SWING,
        FaultKind.LEHR_FAN_FAILURE,
        FaultKind.REFRACTORY_WEAR,
        FaultKind.THERMOCOUPLE_DRIFT);
  }
}
