package io.vitrum.core.causal;

import io.vitrum.core.sim.FaultKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks the candidate root causes of one incident. Every fault of the ontology with a causal path
 * to what the incident is about (a defect counted under its reject class, or the parameter its
 * anomalous sensor measures) is a candidate; its log-score adds
 *
 * <ul>
 *   <li>the graph: the log of the noisy-OR of its paths' current strengths;
 *   <li>temporal evidence: its signature in the sensors' changes against the healthy baseline, in
 *       the expected directions and before the incident ({@link SignatureEvidence});
 *   <li>the models' attributions: the share of attribution on its sensors;
 *   <li>optionally the physics check: the best {@link #PHYSICS_CHECKED} candidates are simulated on
 *       the twin from their onset and scored by how much of the observed change they reproduce
 *       ({@link PhysicsCheck}).
 * </ul>
 *
 * The scores are the softmax of the log-scores beside an "unexplained" alternative of log-score
 * {@link #UNEXPLAINED_LOG} (about a well-linked cause whose signature barely shows): a cause the
 * sensors do not support cannot take all the belief just by being the only candidate, so the scores
 * of one ranking sum to less than 1 and the rest is {@link #unexplained}. Deterministic and free of
 * I/O; thread-safe.
 */
public final class RootCauseAnalysis {
  /** How many of the best candidates the physics check simulates. */
  public static final int PHYSICS_CHECKED = 4;

  /** The log-score of "none of the candidates": what a cause needs to be believed. */
  public static final double UNEXPLAINED_LOG = 0.5;

  static final double SIGNATURE_WEIGHT = 4;
  static final double ATTRIBUTION_WEIGHT = 1;
  static final double PHYSICS_WEIGHT = 4;
  private static final double GRAPH_FLOOR = 1e-3;

  /** The signature is read as where the tags stand over the last quarter-hour of evidence. */
  private static final Duration RECENT = Duration.ofMinutes(15);

  private static final List<Duration> ONSET_BACKOFFS =
      List.of(Duration.ZERO, Duration.ofMinutes(15), Duration.ofMinutes(30));

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Ontology ontology;
  private final PhysicsCheck physics;

  /** An analysis over {@code ontology}; {@code physics} may be null for graph and evidence only. */
  public RootCauseAnalysis(Ontology ontology, PhysicsCheck physics) {
    this.ontology = ontology;
    this.physics = physics;
  }

  public Ontology ontology() {
    return ontology;
  }

  /**
   * The candidates of {@code evidence}'s incident, best first, with the physics check when {@code
   * checkPhysics} and a {@link PhysicsCheck} was given.
   */
  public List<RankedCause> rank(Evidence evidence, EdgeStrengths strengths, boolean checkPhysics) {
    Instant windowStart = evidence.end().minus(RECENT);
    if (windowStart.isBefore(evidence.baselineEnd())) {
      windowStart = evidence.baselineEnd();
    }
    Map<String, TagChange> changes = SignatureEvidence.changes(evidence, windowStart);
    Set<String> targets = targets(evidence.subject());
    List<Candidate> candidates = new ArrayList<>();
    for (CausalNode fault : ontology.nodes(NodeKind.FAULT)) {
      List<CausalPath> paths = GraphPaths.between(ontology, strengths, fault.id(), targets);
      if (paths.isEmpty()) {
        continue;
      }
      SignatureScore signature = signature(fault, evidence, strengths, changes);
      double attribution = attribution(fault, evidence, signature);
      double graph = GraphPaths.belief(paths);
      double log =
          Math.log(Math.max(GRAPH_FLOOR, graph))
              + SIGNATURE_WEIGHT * signature.score()
              + ATTRIBUTION_WEIGHT * attribution;
      candidates.add(
          new Candidate(fault, paths.get(0), graph, signature, attribution, log, PhysicsFit.NONE));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::log).reversed());
    if (checkPhysics && physics != null) {
      for (int i = 0; i < Math.min(PHYSICS_CHECKED, candidates.size()); i++) {
        candidates.set(i, checked(candidates.get(i), evidence, windowStart));
      }
      candidates.sort(Comparator.comparingDouble(Candidate::log).reversed());
    }
    return ranked(candidates, evidence);
  }

  private Set<String> targets(Subject subject) {
    if (subject.isAnomaly()) {
      return ontology.measureOf(subject.tag()).map(m -> Set.of(m.parameter())).orElse(Set.of());
    }
    return ontology.defectsOf(subject.defect()).stream()
        .map(CausalNode::id)
        .collect(Collectors.toSet());
  }

  private SignatureScore signature(
      CausalNode fault,
      Evidence evidence,
      EdgeStrengths strengths,
      Map<String, TagChange> changes) {
    Optional<FaultKind> kind = kindOf(fault);
    if (kind.isPresent() && kind.get().isSensorFault()) {
      List<String> suspects =
          evidence.subject().isAnomaly()
              ? List.of(evidence.subject().tag())
              : instrumentsOf(fault, evidence.tags());
      return SignatureEvidence.instrument(ontology, evidence, changes, suspects);
    }
    return SignatureEvidence.process(ontology, strengths, fault, evidence, changes);
  }

  private List<String> instrumentsOf(CausalNode fault, List<String> tags) {
    List<String> out = new ArrayList<>();
    for (CausalEdge e : ontology.outgoing(fault.id())) {
      if (e.relation() == Relation.INFLUENCES || e.relation() == Relation.MISREADS) {
        out.addAll(ontology.sensorsOf(e.to(), tags));
      }
    }
    return out;
  }

  private double attribution(CausalNode fault, Evidence evidence, SignatureScore signature) {
    double total = evidence.attributions().values().stream().mapToDouble(Math::abs).sum();
    if (total <= 0) {
      return 0;
    }
    List<String> own =
        signature.tag() != null ? List.of(signature.tag()) : instrumentsOf(fault, evidence.tags());
    double mine =
        own.stream().mapToDouble(t -> Math.abs(evidence.attributions().getOrDefault(t, 0.0))).sum();
    return mine / total;
  }

  private Candidate checked(Candidate c, Evidence evidence, Instant windowStart) {
    Optional<FaultKind> kind = kindOf(c.fault());
    if (kind.isEmpty()) {
      return c;
    }
    PhysicsFit fit = PhysicsFit.NONE;
    for (Instant onset : onsets(c.signature().onset(), evidence, windowStart)) {
      PhysicsFit f =
          kind.get().isSensorFault()
              ? (c.signature().tag() == null
                  ? PhysicsFit.NONE
                  : physics.instrument(c.signature().tag(), evidence, onset))
              : physics.process(kind.get(), evidence, onset);
      if (f.fit() > fit.fit()) {
        fit = f;
      }
    }
    double checkedFit = Math.max(-1, fit.fit());
    return new Candidate(
        c.fault(),
        c.path(),
        c.graph(),
        c.signature(),
        c.attribution(),
        c.log() + PHYSICS_WEIGHT * checkedFit,
        new PhysicsFit(checkedFit, fit.magnitude(), fit.ramp()),
        true);
  }

  /**
   * The onsets the physics check tries: where the signature showed, and up to half an hour earlier
   * (a slowly developing fault shows late), each kept after the baseline and early enough to leave
   * the twin at least one comparison window.
   */
  private static List<Instant> onsets(Instant signature, Evidence evidence, Instant windowStart) {
    Instant latest = evidence.end().minus(PhysicsCheck.WINDOW.multipliedBy(2));
    Instant first = signature != null ? signature : windowStart;
    List<Instant> out = new ArrayList<>();
    for (Duration back : ONSET_BACKOFFS) {
      Instant t = first.minus(back);
      if (t.isAfter(latest)) {
        t = latest;
      }
      if (t.isBefore(evidence.baselineEnd())) {
        t = evidence.baselineEnd();
      }
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private List<RankedCause> ranked(List<Candidate> candidates, Evidence evidence) {
    double max =
        Math.max(UNEXPLAINED_LOG, candidates.stream().mapToDouble(Candidate::log).max().orElse(0));
    double sum =
        Math.exp(UNEXPLAINED_LOG - max)
            + candidates.stream().mapToDouble(c -> Math.exp(c.log() - max)).sum();
    List<RankedCause> out = new ArrayList<>();
    for (Candidate c : candidates) {
      double score = Math.exp(c.log() - max) / sum;
      out.add(
          new RankedCause(
              c.fault().id(),
              c.fault().name(),
              c.fault().nameRu(),
              score,
              c.graph(),
              c.signature().score(),
              c.attribution(),
              c.physicsChecked() ? c.fit().fit() : Double.NaN,
              c.path().nodes(),
              c.path().edges(),
              c.signature().evidence(),
              explain(c, evidence),
              c.signature().tag(),
              c.signature().onset(),
              c.physicsChecked() ? c.fit().magnitude() : Double.NaN));
    }
    return out;
  }

  private String explain(Candidate c, Evidence evidence) {
    StringBuilder text = new StringBuilder();
    text.append(
        c.path().nodes().stream()
            .map(id -> ontology.nodes().get(id).name())
            .collect(Collectors.joining(" → ")));
    text.append(String.format(Locale.ROOT, " (graph belief %.2f).", c.graph()));
    if (c.signature().tag() != null) {
      text.append(" Suspected instrument: ").append(c.signature().tag()).append('.');
    }
    if (c.signature().onset() != null) {
      long minutes = Duration.between(c.signature().onset(), evidence.openedAt()).toMinutes();
      text.append(
          String.format(
              Locale.ROOT,
              " Its signature showed from %s UTC, %s.",
              CLOCK.format(c.signature().onset()),
              minutes >= 0
                  ? minutes + " min before the incident opened"
                  : -minutes + " min after the incident opened"));
    } else {
      text.append(" The sensors did not show its signature.");
    }
    if (c.physicsChecked()) {
      text.append(
          String.format(
              Locale.ROOT,
              " On the twin, with magnitude %.3g developing over %d min, it reproduces %.0f %% of"
                  + " the observed change.",
              c.fit().magnitude(),
              c.fit().ramp().toMinutes(),
              100 * Math.max(0, c.fit().fit())));
    }
    return text.toString();
  }

  /** The belief that none of {@code ranked} explains the incident. */
  public static double unexplained(List<RankedCause> ranked) {
    return Math.max(0, 1 - ranked.stream().mapToDouble(RankedCause::score).sum());
  }

  private static Optional<FaultKind> kindOf(CausalNode fault) {
    for (FaultKind k : FaultKind.values()) {
      if (k.key().equals(fault.id())) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private record Candidate(
      CausalNode fault,
      CausalPath path,
      double graph,
      SignatureScore signature,
      double attribution,
      double log,
      PhysicsFit fit,
      boolean physicsChecked) {
    Candidate(
        CausalNode fault,
        CausalPath path,
        double graph,
        SignatureScore signature,
        double attribution,
        double log,
        PhysicsFit fit) {
      this(fault, path, graph, signature, attribution, log, fit, false);
    }
  }
}
