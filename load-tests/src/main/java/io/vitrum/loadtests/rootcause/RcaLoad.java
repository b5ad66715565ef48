package io.vitrum.loadtests.rootcause;

import io.vitrum.core.causal.CausalNode;
import io.vitrum.core.causal.EdgeStrengths;
import io.vitrum.core.causal.Evidence;
import io.vitrum.core.causal.GraphPaths;
import io.vitrum.core.causal.NodeKind;
import io.vitrum.core.causal.Ontology;
import io.vitrum.core.causal.PhysicsCheck;
import io.vitrum.core.causal.RankedCause;
import io.vitrum.core.causal.RootCauseAnalysis;
import io.vitrum.core.causal.SignatureEvidence;
import io.vitrum.core.causal.SimulatedIncident;
import io.vitrum.core.causal.Subject;
import io.vitrum.core.causal.TagChange;
import io.vitrum.core.causal.TagSeries;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.sim.FaultKind;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.loadtests.Cli;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Root-cause analysis figures in one run.
 *
 * <p>Accuracy: every scenario of {@link SimulatedIncident#kinds()}, {@code --seeds} seeds each,
 * magnitudes drawn uniformly over the kind's typical range (either sign for a cullet swing and a
 * thermocouple drift), analysed the moment the incident opens and 15 minutes later, with the graph
 * and evidence alone and with the physics check; on the full tag set and twice without {@link
 * #SPARSE_REMOVED}: the same incidents with those series taken out of the evidence (one that opened
 * on a removed tag is counted apart and not ranked, such a plant could not have opened it that
 * way), and the same runs on a plant that never had them ({@link
 * SimulatedIncident#simulate(FaultKind, double, long, Duration, Set)}), where incidents open on
 * what it has, later or on another subject.
 *
 * <p>Latency: {@code rank} over the incidents opened above (full tag set, at opening), on the
 * bundled seed and on a {@link SyntheticOntology} of about {@code --nodes} nodes, without and with
 * the physics check, warm-up first; then where the time of one ranking on the large graph goes
 * (path search over every fault, the signatures of the candidates).
 *
 * <p>Usage, after {@code mvn -B -q -o -DskipTests package -pl load-tests -am}: {@code java -cp
 * "load-tests/target/classes:$(cat load-tests/target/runtime.classpath)"
 * io.vitrum.loadtests.rootcause.RcaLoad [--seeds 10] [--first-seed 1000] [--nodes 10000]
 * [--analyses 200] [--warmup 20] [--threads 2] [--measure-rules true] [--parts
 * accuracy,latency,breakdown]}.
 */
public final class RcaLoad {
  /** Tags a small plant often lacks: flue gas analyser, cullet scale, batch charger weigh belt. */
  static final List<String> SPARSE_REMOVED =
      List.of(
          FurnaceTags.flueCo("F1"), FurnaceTags.culletFraction("F1"), FurnaceTags.batchRate("F1"));

  private static final List<Duration> AFTER = List.of(Duration.ZERO, Duration.ofMinutes(15));
  private static final String OTHER = "(other)";
  private static final String NONE = "(none)";

  /** The instrumentation an analysis sees. */
  enum Plant {
    /** Every tag of the simulator. */
    FULL("full"),
    /**
     * The same incidents with {@link #SPARSE_REMOVED} taken out of the evidence; one that opened on
     * a removed tag is not ranked.
     */
    SPARSE_EVIDENCE("sparse evidence"),
    /**
     * A plant without {@link #SPARSE_REMOVED}: incidents open on what it has ({@link
     * SimulatedIncident#simulate(FaultKind, double, long, Duration, Set)}).
     */
    SPARSE_PLANT("sparse plant");

    private final String label;

    Plant(String label) {
      this.label = label;
    }
  }

  private RcaLoad() {}

  /** What to run. */
  record Options(
      int seeds,
      long firstSeed,
      int nodes,
      int analyses,
      int warmup,
      int threads,
      boolean measureRules,
      Set<String> parts) {}

  /** The parts of the run, in order. */
  static final List<String> PARTS = List.of("accuracy", "latency", "breakdown");

  /** One analysis condition: when it ran and on which plant. */
  record Condition(Duration after, Plant plant) {
    String when() {
      return after.isZero() ? "at opening" : "+" + after.toMinutes() + " min";
    }

    String label() {
      return when() + ", " + plant.label;
    }
  }

  /** One simulated incident analysed under one condition. */
  record Outcome(
      FaultKind kind,
      long seed,
      double magnitude,
      Condition condition,
      Subject subject,
      Instant openedAt,
      boolean skipped,
      List<String> graph,
      List<String> physics) {}

  /** A fresh incident for the latency runs, with its true cause. */
  record Case(String truth, Evidence evidence) {}

  public static void main(String[] args) throws Exception {
    Options o =
        Cli.parseOrExit(
            args,
            RcaLoad::parse,
            "usage: RcaLoad [--seeds 10] [--first-seed 1000] [--nodes 10000] [--analyses 200]"
                + " [--warmup 20] [--threads 2] [--measure-rules true|false]"
                + " [--parts accuracy,latency,breakdown]");
    run(o);
    System.exit(0);
  }

  static Options parse(String[] args) {
    int seeds = 10;
    long firstSeed = 1000;
    int nodes = 10_000;
    int analyses = 200;
    int warmup = 20;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean measureRules = true;
    Set<String> parts = Set.copyOf(PARTS);
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(value);
        case "--first-seed" -> firstSeed = Long.parseLong(value);
        case "--nodes" -> nodes = Integer.parseInt(value);
        case "--analyses" -> analyses = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--measure-rules" -> measureRules = bool(args[i], value);
        case "--parts" -> parts = Set.of(value.split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!PARTS.containsAll(parts)) {
      throw new IllegalArgumentException("--parts is a list of " + String.join(",", PARTS));
    }
    if (seeds < 1 || nodes < 1 || analyses < 1 || warmup < 0 || threads < 1) {
      throw new IllegalArgumentException(
          "need --seeds, --nodes, --analyses, --threads >= 1 and --warmup >= 0");
    }
    return new Options(seeds, firstSeed, nodes, analyses, warmup, threads, measureRules, parts);
  }

  private static boolean bool(String name, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, not " + value);
    };
  }

  static void run(Options o) throws Exception {
    PhysicsCheck physics = new PhysicsCheck(DigitalTwin.containerDefaults());
    RootCauseAnalysis seedRca = new RootCauseAnalysis(Ontology.bundled(), physics);
    System.out.printf(
        Locale.ROOT,
        "RcaLoad: %d seed(s) per scenario from %d, %d thread(s) for accuracy, %d cores%n",
        o.seeds(),
        o.firstSeed(),
        o.threads(),
        Runtime.getRuntime().availableProcessors());
    long began = System.nanoTime();
    boolean accuracy = o.parts().contains("accuracy");
    List<Outcome> outcomes = accuracy ? accuracy(o, seedRca) : List.of();
    List<Case> pool = cases(o);
    if (accuracy) {
      report(outcomes);
      System.out.printf(
          Locale.ROOT, "accuracy section: %.0f s wall%n", (System.nanoTime() - began) / 1e9);
    }
    latency(o, seedRca, physics, pool);
  }

  // ---------------------------------------------------------------- accuracy

  private static List<Outcome> accuracy(Options o, RootCauseAnalysis rca) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(o.threads());
    try {
      List<Future<List<Outcome>>> jobs = new ArrayList<>();
      for (FaultKind kind : SimulatedIncident.kinds()) {
        for (int i = 0; i < o.seeds(); i++) {
          long seed = o.firstSeed() + i;
          double magnitude = magnitude(kind, seed);
          for (Duration after : AFTER) {
            jobs.add(pool.submit(() -> analyse(rca, kind, seed, magnitude, after)));
          }
        }
      }
      List<Outcome> out = new ArrayList<>();
      for (Future<List<Outcome>> job : jobs) {
        out.addAll(job.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  /** The magnitude of scenario {@code kind} in run {@code seed}: uniform over the typical range. */
  static double magnitude(FaultKind kind, long seed) {
    SplittableRandom random = new SplittableRandom(31L * seed + kind.ordinal());
    double m = random.nextDouble(kind.typicalLow(), kind.typicalHigh());
    if (kind == FaultKind.CULLET_SWING || kind == FaultKind.THERMOCOUPLE_DRIFT) {
      m *= random.nextBoolean() ? 1 : -1;
    }
    return m;
  }

  private static List<Outcome> analyse(
      RootCauseAnalysis rca, FaultKind kind, long seed, double magnitude, Duration after) {
    List<Outcome> out = new ArrayList<>();
    var incident = SimulatedIncident.simulate(kind, magnitude, seed, after);
    if (incident.isPresent()) {
      Evidence full = incident.get().evidence();
      out.add(outcome(rca, kind, seed, magnitude, new Condition(after, Plant.FULL), full));
      Condition sparse = new Condition(after, Plant.SPARSE_EVIDENCE);
      Subject subject = full.subject();
      if (subject.isAnomaly() && SPARSE_REMOVED.contains(subject.tag())) {
        out.add(
            new Outcome(
                kind,
                seed,
                magnitude,
                sparse,
                subject,
                full.openedAt(),
                true,
                List.of(),
                List.of()));
      } else {
        out.add(outcome(rca, kind, seed, magnitude, sparse, withoutSparseTags(full)));
      }
    }
    SimulatedIncident.simulate(kind, magnitude, seed, after, Set.copyOf(SPARSE_REMOVED))
        .ifPresent(
            x ->
                out.add(
                    outcome(
                        rca,
                        kind,
                        seed,
                        magnitude,
                        new Condition(after, Plant.SPARSE_PLANT),
                        x.evidence())));
    return out;
  }

  private static Outcome outcome(
      RootCauseAnalysis rca,
      FaultKind kind,
      long seed,
      double magnitude,
      Condition condition,
      Evidence evidence) {
    return new Outcome(
        kind,
        seed,
        magnitude,
        condition,
        evidence.subject(),
        evidence.openedAt(),
        false,
        top3(rca.rank(evidence, EdgeStrengths.SEED, false)),
        top3(rca.rank(evidence, EdgeStrengths.SEED, true)));
  }

  /** {@code evidence} without the series a sparsely instrumented plant lacks. */
  static Evidence withoutSparseTags(Evidence evidence) {
    Map<String, TagSeries> kept = new LinkedHashMap<>(evidence.series());
    SPARSE_REMOVED.forEach(kept::remove);
    return new Evidence(
        evidence.furnace(),
        evidence.subject(),
        evidence.openedAt(),
        evidence.baselineEnd(),
        kept,
        evidence.attributions(),
        evidence.setpoints());
  }

  private static List<String> top3(List<RankedCause> ranked) {
    return ranked.stream().limit(3).map(RankedCause::cause).toList();
  }

  private static void report(List<Outcome> outcomes) {
    List<String> kinds = SimulatedIncident.kinds().stream().map(FaultKind::key).toList();
    List<Condition> conditions = new ArrayList<>();
    for (Plant plant : Plant.values()) {
      for (Duration after : AFTER) {
        conditions.add(new Condition(after, plant));
      }
    }
    System.out.println();
    System.out.println(
        "Sparse: without "
            + String.join(", ", SPARSE_REMOVED)
            + ". 'sparse evidence': the full plant's incidents with those series removed before"
            + " ranking (one that opened on a removed tag is not rankable); 'sparse plant': the"
            + " same runs on a plant that never had them, so incidents open on what it has.");
    System.out.println();
    System.out.println(
        "| analysed | plant | opened | not rankable | top-1 graph+evidence | top-3 graph+evidence"
            + " | top-1 with physics | top-3 with physics |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Condition c : conditions) {
      List<Outcome> all = of(outcomes, c);
      List<Outcome> ranked = all.stream().filter(x -> !x.skipped()).toList();
      int n = ranked.size();
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %d | %s | %s | %s | %s |%n",
          c.when(),
          c.plant().label,
          all.size(),
          all.size() - n,
          share(hits(ranked, false, 1), n),
          share(hits(ranked, false, 3), n),
          share(hits(ranked, true, 1), n),
          share(hits(ranked, true, 3), n));
    }
    openings(outcomes);

    System.out.println();
    System.out.println(
        "Top-1 per true cause, graph+evidence / with physics, of the ranked incidents");
    StringBuilder head = new StringBuilder("| true cause |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Condition c : conditions) {
      head.append(' ').append(c.label()).append(" |");
      rule.append("---|");
    }
    System.out.println(head);
    System.out.println(rule);
    for (String kind : kinds) {
      StringBuilder row = new StringBuilder("| " + kind + " |");
      for (Condition c : conditions) {
        List<Outcome> ranked =
            of(outcomes, c).stream()
                .filter(x -> !x.skipped() && x.kind().key().equals(kind))
                .toList();
        row.append(
            String.format(
                Locale.ROOT,
                " %d / %d of %d |",
                hits(ranked, false, 1),
                hits(ranked, true, 1),
                ranked.size()));
      }
      System.out.println(row);
    }

    for (Condition c : conditions) {
      for (boolean withPhysics : List.of(false, true)) {
        System.out.println();
        System.out.println(
            "Confusion, "
                + c.label()
                + ", "
                + (withPhysics ? "with the physics check" : "graph and evidence alone")
                + ": true cause -> ranked first");
        System.out.println(confusion(of(outcomes, c), kinds, withPhysics));
      }
    }

    System.out.println();
    System.out.println("Incidents at opening: kind, seed, magnitude, full plant's subject, sparse");
    System.out.println("plant's subject and delay");
    for (Outcome x : of(outcomes, new Condition(Duration.ZERO, Plant.FULL))) {
      Outcome sparse = twin(outcomes, x, Plant.SPARSE_PLANT);
      System.out.printf(
          Locale.ROOT,
          "  %-20s %5d %8.3f %-28s %s%n",
          x.kind().key(),
          x.seed(),
          x.magnitude(),
          about(x.subject()),
          sparse == null
              ? "did not open"
              : about(sparse.subject())
                  + String.format(
                      Locale.ROOT,
                      " (+%d min)",
                      Duration.between(x.openedAt(), sparse.openedAt()).toMinutes()));
    }
  }

  /** How the sparse plant's incidents opened against the full plant's, at opening. */
  private static void openings(List<Outcome> outcomes) {
    int full = 0;
    int missing = 0;
    int other = 0;
    List<Long> delays = new ArrayList<>();
    for (Outcome x : of(outcomes, new Condition(Duration.ZERO, Plant.FULL))) {
      full++;
      Outcome sparse = twin(outcomes, x, Plant.SPARSE_PLANT);
      if (sparse == null) {
        missing++;
        continue;
      }
      if (!sparse.subject().equals(x.subject())) {
        other++;
      }
      delays.add(Duration.between(x.openedAt(), sparse.openedAt()).toMinutes());
    }
    List<Long> sorted = delays.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "Sparse plant against the full one, at opening: of %d incidents, %d did not open within"
            + " the 3 h watch, %d opened on another subject; opening delay median %s min, max %s"
            + " min%n",
        full,
        missing,
        other,
        sorted.isEmpty() ? "-" : sorted.get(sorted.size() / 2),
        sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1));
  }

  private static Outcome twin(List<Outcome> outcomes, Outcome x, Plant plant) {
    return outcomes.stream()
        .filter(
            y ->
                y.condition().equals(new Condition(x.condition().after(), plant))
                    && y.kind() == x.kind()
                    && y.seed() == x.seed())
        .findFirst()
        .orElse(null);
  }

  private static String about(Subject subject) {
    return subject.isAnomaly() ? "anomaly " + subject.tag() : subject.defect() + " rise";
  }

  private static String confusion(List<Outcome> outcomes, List<String> kinds, boolean physics) {
    List<String> columns = new ArrayList<>(kinds);
    columns.add(OTHER);
    columns.add(NONE);
    StringBuilder out = new StringBuilder("| true \\ first |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String c : columns) {
      out.append(' ').append(c).append(" |");
      rule.append("---|");
    }
    out.append('\n').append(rule);
    for (String kind : kinds) {
      Map<String, Integer> counts = new HashMap<>();
      for (Outcome x : outcomes) {
        if (x.skipped() || !x.kind().key().equals(kind)) {
          continue;
        }
        List<String> ranked = physics ? x.physics() : x.graph();
        String first = ranked.isEmpty() ? NONE : ranked.get(0);
        counts.merge(kinds.contains(first) || first.equals(NONE) ? first : OTHER, 1, Integer::sum);
      }
      out.append("\n| ").append(kind).append(" |");
      for (String c : columns) {
        int n = counts.getOrDefault(c, 0);
        out.append(' ').append(n == 0 ? "." : Integer.toString(n)).append(" |");
      }
    }
    return out.toString();
  }

  private static List<Outcome> of(List<Outcome> outcomes, Condition c) {
    return outcomes.stream().filter(x -> x.condition().equals(c)).toList();
  }

  private static int hits(List<Outcome> outcomes, boolean physics, int n) {
    int hits = 0;
    for (Outcome x : outcomes) {
      List<String> ranked = physics ? x.physics() : x.graph();
      if (ranked.stream().limit(n).anyMatch(c -> c.equals(x.kind().key()))) {
        hits++;
      }
    }
    return hits;
  }

  private static String share(int hits, int n) {
    return n == 0
        ? "-"
        : String.format(Locale.ROOT, "%d (%.0f %%)", hits, 100.0 * hits / Math.max(1, n));
  }

  // ---------------------------------------------------------------- latency

  /** The incidents of the accuracy runs, full tag set, at opening (simulated again, serially). */
  private static List<Case> cases(Options o) {
    List<Case> out = new ArrayList<>();
    for (FaultKind kind : SimulatedIncident.kinds()) {
      for (int i = 0; i < o.seeds(); i++) {
        long seed = o.firstSeed() + i;
        SimulatedIncident.simulate(kind, magnitude(kind, seed), seed, Duration.ZERO)
            .ifPresent(x -> out.add(new Case(x.fault().rootCause(), x.evidence())));
      }
    }
    return out;
  }

  private static void latency(
      Options o, RootCauseAnalysis seedRca, PhysicsCheck physics, List<Case> pool)
      throws Exception {
    long built = System.nanoTime();
    Ontology seed = seedRca.ontology();
    int units = SyntheticOntology.unitsFor(seed, o.nodes());
    Ontology large = SyntheticOntology.of(seed, units, o.measureRules(), 42);
    double buildMs = (System.nanoTime() - built) / 1e6;
    RootCauseAnalysis largeRca = new RootCauseAnalysis(large, physics);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Synthetic ontology: seed + %d units: %d nodes (%d faults), %d edges, %d measure rules;"
            + " built in %.0f ms. %d incidents in the pool; %d warm-up + %d timed analyses per"
            + " row, serial, without and with the physics check in turn on each incident%n",
        units,
        large.nodes().size(),
        large.nodes(NodeKind.FAULT).size(),
        large.edges().size(),
        large.measures().size(),
        buildMs,
        pool.size(),
        o.warmup(),
        o.analyses());
    if (o.parts().contains("latency")) {
      System.out.println();
      System.out.println(
          "| graph | nodes / edges | physics check | analyses | p50 ms | p99 ms | max ms | p50 CPU"
              + " ms | p99 CPU ms | mean candidates | top-1 |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
      timed(seedRca, "bundled seed", pool, o);
      timed(largeRca, "synthetic", pool, o);
    }
    if (o.parts().contains("breakdown")) {
      breakdown(large, pool, largeRca);
    }
  }

  /**
   * {@code rank} on {@code rca}'s graph over the pool, without and with the physics check in turn
   * on the same incident (so that both rows share the box's load), warm-up first; prints one row
   * each: wall-clock and this thread's CPU time per analysis.
   */
  private static void timed(RootCauseAnalysis rca, String name, List<Case> pool, Options o) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] wall = new long[2][o.analyses()];
    long[][] cpu = new long[2][o.analyses()];
    long[] candidates = new long[2];
    int[] top1 = new int[2];
    for (int n = 0; n < o.warmup() + o.analyses(); n++) {
      Case c = pool.get(n % pool.size());
      for (int mode = 0; mode < 2; mode++) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<RankedCause> ranked = rca.rank(c.evidence(), EdgeStrengths.SEED, mode == 1);
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        int i = n - o.warmup();
        if (i >= 0) {
          wall[mode][i] = t1 - t0;
          cpu[mode][i] = cpu1 - cpu0;
          candidates[mode] += ranked.size();
        }
        if (n < pool.size() && !ranked.isEmpty() && ranked.get(0).cause().equals(c.truth())) {
          top1[mode]++;
        }
      }
    }
    for (int mode = 0; mode < 2; mode++) {
      Arrays.sort(wall[mode]);
      Arrays.sort(cpu[mode]);
      System.out.printf(
          Locale.ROOT,
          "| %s | %d / %d | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %d of %d |%n",
          name,
          rca.ontology().nodes().size(),
          rca.ontology().edges().size(),
          mode == 1 ? "yes" : "no",
          o.analyses(),
          millis(wall[mode], 0.5),
          millis(wall[mode], 0.99),
          millis(wall[mode], 1.0),
          millis(cpu[mode], 0.5),
          millis(cpu[mode], 0.99),
          candidates[mode] / (double) o.analyses(),
          top1[mode],
          Math.min(pool.size(), o.warmup() + o.analyses()));
    }
  }

  /** The nearest-rank percentile {@code p} of {@code sorted} nanoseconds, in milliseconds. */
  private static double millis(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  /**
   * Where one ranking's time goes on the large graph, per incident of the pool: the whole {@code
   * rank} without the physics check, the path search from every fault (what {@code rank} does
   * first) and the process signatures of the candidates; medians for defect-rise and for anomaly
   * incidents, after one warm-up pass.
   */
  private static void breakdown(Ontology large, List<Case> pool, RootCauseAnalysis rca) {
    List<CausalNode> faults = large.nodes(NodeKind.FAULT);
    List<String> parts =
        List.of(
            "whole `rank`, no physics check",
            "path search from every fault, `GraphPaths.between`",
            "process signatures of the candidates, `SignatureEvidence.process`");
    Map<Boolean, List<double[]>> byRise = new HashMap<>();
    Map<Boolean, List<Integer>> candidatesByRise = new HashMap<>();
    for (int pass = 0; pass < 2; pass++) {
      for (Case c : pool) {
        Evidence evidence = c.evidence();
        Set<String> targets = targets(large, evidence.subject());
        double[] ms = new double[parts.size()];
        long t = System.nanoTime();
        rca.rank(evidence, EdgeStrengths.SEED, false);
        ms[0] = lap(t);
        t = System.nanoTime();
        List<String> candidates = new ArrayList<>();
        for (CausalNode f : faults) {
          if (!GraphPaths.between(large, EdgeStrengths.SEED, f.id(), targets).isEmpty()) {
            candidates.add(f.id());
          }
        }
        ms[1] = lap(t);
        Instant windowStart = evidence.end().minus(Duration.ofMinutes(15));
        if (windowStart.isBefore(evidence.baselineEnd())) {
          windowStart = evidence.baselineEnd();
        }
        Map<String, TagChange> changes = SignatureEvidence.changes(evidence, windowStart);
        t = System.nanoTime();
        for (String id : candidates) {
          SignatureEvidence.process(
              large, EdgeStrengths.SEED, large.nodes().get(id), evidence, changes);
        }
        ms[2] = lap(t);
        if (pass == 1) {
          boolean rise = !evidence.subject().isAnomaly();
          byRise.computeIfAbsent(rise, k -> new ArrayList<>()).add(ms);
          candidatesByRise.computeIfAbsent(rise, k -> new ArrayList<>()).add(candidates.size());
        }
      }
    }
    List<double[]> rises = byRise.getOrDefault(true, List.of());
    List<double[]> anomalies = byRise.getOrDefault(false, List.of());
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Where a ranking's time goes on the synthetic graph, one pass over the pool after a"
            + " warm-up pass: %d defect-rise incidents (%.0f candidates of %d faults on average),"
            + " %d anomaly incidents (%.0f candidates)%n",
        rises.size(),
        mean(candidatesByRise.getOrDefault(true, List.of())),
        faults.size(),
        anomalies.size(),
        mean(candidatesByRise.getOrDefault(false, List.of())));
    System.out.println("| part | median ms, defect rises | median ms, anomalies | max ms |");
    System.out.println("|---|---|---|---|");
    for (int i = 0; i < parts.size(); i++) {
      int part = i;
      List<Double> r = rises.stream().map(x -> x[part]).toList();
      List<Double> n = anomalies.stream().map(x -> x[part]).toList();
      List<Double> all = new ArrayList<>(r);
      all.addAll(n);
      System.out.printf(
          Locale.ROOT,
          "| %s | %.2f | %.2f | %.2f |%n",
          parts.get(i),
          median(r),
          median(n),
          max(all));
    }
  }

  private static double lap(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private static double mean(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
  }

  private static Set<String> targets(Ontology ontology, Subject subject) {
    if (subject.isAnomaly()) {
      return ontology.measureOf(subject.tag()).map(m -> Set.of(m.parameter())).orElse(Set.of());
    }
    return ontology.defectsOf(subject.defect()).stream()
        .map(CausalNode::id)
        .collect(Collectors.toSet());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
