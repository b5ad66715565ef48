package io.vitrum.streams.rootcause;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.incident.Cause;
import io.vitrum.actors.incident.Incident;
import io.vitrum.core.causal.CausalEdge;
import io.vitrum.core.causal.EdgeStrengths;
import io.vitrum.core.causal.Evidence;
import io.vitrum.core.causal.RankedCause;
import io.vitrum.core.causal.RootCauseAnalysis;
import io.vitrum.core.causal.Subject;
import io.vitrum.core.causal.TagSeries;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.streams.graph.KnowledgeGraph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the root-cause analysis of an incident off the entity: gathers the evidence (this node's
 * recent minutes of the furnace's tags, the setpoints in force from the Furnace entity, the learnt
 * edge strengths from the knowledge graph), ranks the causes on a pool of its own (the physics
 * check is CPU-bound) and records the ranking on the Incident entity. An incident is analysed at
 * most once per {@code reanalyse-after}.
 */
public final class RootCauseRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RootCauseRunner.class);
  private static final int KEPT_CAUSES = 6;
  private static final Duration MIN_BASELINE = Duration.ofMinutes(10);

  private final ActorSystem<?> system;
  private final RootCauseAnalysis analysis;
  private final RecentMinutes recent;
  private final KnowledgeGraph graph;
  private final RootCauseSettings settings;
  private final Duration askTimeout;
  private final Clock clock;
  private final ExecutorService pool;
  private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();

  /** A runner; {@code graph} may be null (the seed's strengths are used). */
  public RootCauseRunner(
      ActorSystem<?> system,
      RootCauseAnalysis analysis,
      RecentMinutes recent,
      KnowledgeGraph graph,
      RootCauseSettings settings,
      Duration askTimeout,
      Clock clock) {
    this.system = system;
    this.analysis = analysis;
    this.recent = recent;
    this.graph = graph;
    this.settings = settings;
    this.askTimeout = askTimeout;
    this.clock = clock;
    this.pool =
        Executors.newFixedThreadPool(
            settings.threads(),
            task -> {
              Thread t = new Thread(task, "vitrum-rootcause");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Analyses incident {@code id} of {@code furnace} about {@code subject}, opened at {@code
   * openedAt}, unless it was analysed less than {@code reanalyse-after} ago; completes with the
   * ranking recorded (empty when skipped).
   */
  public CompletionStage<List<RankedCause>> analyse(
      String id, String furnace, Subject subject, Instant openedAt) {
    Instant now = clock.instant();
    Instant last = lastRun.get(id);
    if (last != null && last.plus(settings.reanalyseAfter()).isAfter(now)) {
      return CompletableFuture.completedFuture(List.of());
    }
    lastRun.values().removeIf(t -> t.plus(settings.reanalyseAfter()).isBefore(now));
    lastRun.put(id, now);
    long started = System.nanoTime();
    CompletionStage<EdgeStrengths> strengths =
        graph == null
            ? CompletableFuture.completedFuture(EdgeStrengths.SEED)
            : graph
                .strengths()
                .exceptionally(
                    e -> {
                      log.warn("Knowledge graph unavailable, analysing {} with seed strengths", id);
                      return EdgeStrengths.SEED;
                    });
    return setpoints(furnace)
        .thenCombine(strengths, (sp, st) -> new Inputs(sp, st))
        .thenApplyAsync(
            in -> {
              Instant end = clock.instant();
              Map<String, TagSeries> series =
                  recent.series(furnace, openedAt.minus(settings.lookback()), end);
              Evidence evidence =
                  new Evidence(
                      furnace,
                      subject,
                      openedAt,
                      baselineEnd(series, openedAt),
                      series,
                      Map.of(),
                      in.setpoints());
              return analysis.rank(evidence, in.strengths(), settings.physicsCheck());
            },
            pool)
        .thenCompose(ranked -> record(id, ranked, started));
  }

  /**
   * Where the healthy baseline ends: {@code baseline-gap} before the incident opened, or, on a node
   * whose recent minutes start later than that (it started less than an hour before), halfway
   * between its first minute and the opening, so that a young node still compares with something.
   */
  Instant baselineEnd(Map<String, TagSeries> series, Instant openedAt) {
    Instant wanted = openedAt.minus(settings.baselineGap());
    Instant first = openedAt;
    for (TagSeries s : series.values()) {
      for (int i = 0; i < s.size(); i++) {
        if (Double.isFinite(s.value(i))) {
          if (s.slotStart(i).isBefore(first)) {
            first = s.slotStart(i);
          }
          break;
        }
      }
    }
    if (!first.plus(MIN_BASELINE).isAfter(wanted)) {
      return wanted;
    }
    Instant half = first.plus(Duration.between(first, openedAt).dividedBy(2));
    return half.isAfter(openedAt) ? openedAt : half;
  }

  private CompletionStage<List<RankedCause>> record(
      String id, List<RankedCause> ranked, long started) {
    List<Cause> causes = ranked.stream().limit(KEPT_CAUSES).map(RootCauseRunner::cause).toList();
    return AskPattern.<Incident.Command, Confirmation>ask(
            ClusterSharding.get(system)
                .entityRefFor(Incident.ENTITY_KEY, Incident.lineOfIncident(id).orElseThrow()),
            replyTo -> new Incident.RecordAnalysis(id, causes, clock.instant(), replyTo),
            askTimeout,
            system.scheduler())
        .thenApply(
            reply -> {
              log.info(
                  "Analysed {} in {} ms: {}",
                  id,
                  (System.nanoTime() - started) / 1_000_000,
                  causes.isEmpty()
                      ? "no candidate cause"
                      : causes.get(0).cause()
                          + String.format(Locale.ROOT, " %.2f", causes.get(0).score()));
              return ranked;
            });
  }

  private CompletionStage<Setpoints> setpoints(String furnace) {
    return AskPattern.<Furnace.Command, Furnace.FurnaceView>ask(
            ClusterSharding.get(system).entityRefFor(Furnace.ENTITY_KEY, furnace),
            Furnace.GetState::new,
            askTimeout,
            system.scheduler())
        .thenApply(
            view -> {
              Setpoints s = Setpoints.nominal();
              for (Map.Entry<String, Double> e : view.setpoints().entrySet()) {
                Optional<SetpointParameter> parameter = SetpointParameter.byKey(e.getKey());
                if (parameter.isPresent() && parameter.get().withinBounds(e.getValue())) {
                  s = s.with(parameter.get(), e.getValue());
                }
              }
              return s;
            });
  }

  /** The entity's form of a ranked cause. */
  static Cause cause(RankedCause c) {
    return new Cause(
        c.cause(),
        c.score(),
        c.path(),
        c.pathEdges().stream().map(CausalEdge::key).toList(),
        c.evidence(),
        c.explanation(),
        c.physicsChecked() ? c.physics() : null,
        c.tag());
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private record Inputs(Setpoints setpoints, EdgeStrengths strengths) {}
}
