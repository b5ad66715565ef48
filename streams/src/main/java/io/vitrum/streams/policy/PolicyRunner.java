package io.vitrum.streams.policy;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.policy.Deployment;
import io.vitrum.actors.policy.Policy;
import io.vitrum.actors.policy.PolicyVersion;
import io.vitrum.actors.policy.Proposal;
import io.vitrum.actors.policy.Recommendation;
import io.vitrum.actors.policy.RecommendationStatus;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorWindow;
import io.vitrum.actors.twin.Twin;
import io.vitrum.core.features.RunningStats;
import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rl.KpiWindow;
import io.vitrum.core.rl.PolicyAdvisor;
import io.vitrum.core.rl.PolicyKpis;
import io.vitrum.core.twin.TwinState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the deployed policies against the live furnaces. Every {@code kpi-every}, for each furnace
 * whose twin follows the plant: its live KPIs, averaged over the last {@code kpi-window} once that
 * window is full, go to its Policy entity, which keeps them for a deployment's baseline and its
 * degradation test; each applied recommendation gets its measured effect {@code effect-after} it
 * was applied; and every {@code act-every}, a deployed policy that has its baseline, and whose
 * latest change has settled and been watched, is run ({@link PolicyAdvisor}: the twin's state, the
 * shield, the twin's expected effect) and its proposals go to the entity, which applies them
 * through the Furnace in autonomous mode and waits for an operator otherwise. A failed round is
 * logged and tried again at the next tick.
 *
 * <p>Energy and gas per tonne and pull come from the plant's meters (each one's last complete
 * minute, when it read within {@link #METER_MAX_AGE}), the defect rates from the twin. With a meter
 * silent the twin's estimate stands in, and the window starts again whenever the source changes, so
 * that no mean mixes the two.
 */
public final class PolicyRunner {
  private static final Logger log = LoggerFactory.getLogger(PolicyRunner.class);

  /** How old a meter's last reading may be for its KPIs to count as measured. */
  static final Duration METER_MAX_AGE = Duration.ofMinutes(3);

  private final ClusterSharding sharding;
  private final PolicyServingSettings settings;
  private final PolicyAdvisor advisor;
  private final ServedPolicies policies;
  private final Executor executor;
  private final Duration timeout;
  private final Clock clock;
  private final DefectModel defects = DefectModel.containerDefaults();
  private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();
  private final Map<String, SourcedWindow> windows = new ConcurrentHashMap<>();

  /** A furnace's KPI window and whether its samples are metered or the twin's estimate. */
  private record SourcedWindow(boolean metered, KpiWindow window) {}

  public PolicyRunner(
      ClusterSharding sharding,
      PolicyServingSettings settings,
      PolicyAdvisor advisor,
      ServedPolicies policies,
      Executor executor,
      Duration timeout,
      Clock clock) {
    this.sharding = sharding;
    this.settings = settings;
    this.advisor = advisor;
    this.policies = policies;
    this.executor = executor;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Runs a round for every furnace of {@code furnaces} each {@code kpi-every}, until stopped. */
  public UniqueKillSwitch start(ActorSystem<?> system, Supplier<Set<String>> furnaces) {
    return Source.tick(settings.kpiEvery(), settings.kpiEvery(), NotUsed.getInstance())
        .mapConcat(tick -> List.copyOf(furnaces.get()))
        .mapAsyncUnordered(
            2,
            furnace ->
                round(furnace)
                    .exceptionally(
                        failure -> {
                          log.warn("Policy round of {} failed: {}", furnace, failure.toString());
                          return Done.getInstance();
                        }))
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.ignore(), Keep.left())
        .run(system);
  }

  /** One round for {@code furnace}. */
  public CompletionStage<Done> round(String furnace) {
    CompletableFuture<Policy.PolicyView> policy =
        sharding
            .entityRefFor(Policy.ENTITY_KEY, furnace)
            .<Policy.PolicyView>ask(Policy.GetPolicy::new, timeout)
            .toCompletableFuture();
    CompletableFuture<Twin.TwinView> twin =
        sharding
            .entityRefFor(Twin.ENTITY_KEY, furnace)
            .<Twin.TwinView>ask(Twin.GetState::new, timeout)
            .toCompletableFuture();
    CompletableFuture<Furnace.FurnaceView> plant =
        sharding
            .entityRefFor(Furnace.ENTITY_KEY, furnace)
            .<Furnace.FurnaceView>ask(Furnace.GetState::new, timeout)
            .toCompletableFuture();
    Instant now = clock.instant();
    CompletableFuture<OptionalDouble> gas = meter(FurnaceTags.gasFlow(furnace), now);
    CompletableFuture<OptionalDouble> boost = meter(FurnaceTags.boost(furnace), now);
    CompletableFuture<OptionalDouble> pull = meter(FurnaceTags.pullRate(furnace), now);
    return CompletableFuture.allOf(policy, twin, plant, gas, boost, pull)
        .thenCompose(
            v -> {
              TwinState state = twin.join().twin();
              if (state == null || state.syncs() == 0) {
                return CompletableFuture.completedFuture(Done.getInstance());
              }
              Map<String, Double> kpis =
                  PolicyKpis.of(state.furnace().outputs(), state.disturbances(), defects);
              // The sensors' ranges keep gas and boost non-negative; a stopped line pulls nothing.
              boolean metered =
                  gas.join().isPresent() && boost.join().isPresent() && pull.join().orElse(0) > 0;
              if (metered) {
                kpis =
                    PolicyKpis.metered(
                        kpis,
                        gas.join().getAsDouble(),
                        boost.join().getAsDouble(),
                        pull.join().getAsDouble());
              }
              return round(
                  furnace, policy.join(), state, plant.join(), window(furnace, metered, kpis), now);
            });
  }

  /**
   * The mean of {@code tag}'s last complete minute (its last value before it has one), if it read
   * within {@link #METER_MAX_AGE} of {@code now}; empty when it did not or could not be asked.
   */
  private CompletableFuture<OptionalDouble> meter(String tag, Instant now) {
    return sharding
        .entityRefFor(Sensor.ENTITY_KEY, tag)
        .<Sensor.SensorView>ask(Sensor.GetState::new, timeout)
        .toCompletableFuture()
        .handle(
            (view, failure) -> {
              SensorWindow w = view == null ? null : view.window();
              if (w == null
                  || w.lastValue() == null
                  || w.lastTs() == null
                  || w.lastTs().isBefore(now.minus(METER_MAX_AGE))) {
                return OptionalDouble.empty();
              }
              RunningStats minute = w.stats() == null ? null : w.stats().previous();
              return OptionalDouble.of(
                  minute != null && minute.count() > 0 ? minute.mean() : w.lastValue());
            });
  }

  private CompletionStage<Done> round(
      String furnace,
      Policy.PolicyView policy,
      TwinState state,
      Furnace.FurnaceView plant,
      Optional<Map<String, Double>> windowed,
      Instant now) {
    if (windowed.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    Map<String, Double> kpis = windowed.get();
    List<CompletionStage<?>> steps = new ArrayList<>();
    steps.add(ask(furnace, r -> new Policy.ReportKpis(kpis, now, r)));
    for (Recommendation r : policy.recommendations()) {
      if (r.status() == RecommendationStatus.APPLIED
          && r.measuredEffect() == null
          && !r.appliedAt().plus(settings.effectAfter()).isAfter(now)) {
        steps.add(
            ask(
                furnace,
                reply -> new Policy.RecordEffect(r.id(), minus(kpis, r.kpisBefore()), reply)));
      }
    }
    Deployment d = policy.deployment();
    Instant last = lastRun.get(furnace);
    if (d != null
        && d.watching()
        && (policy.proposesFrom() == null || !policy.proposesFrom().isAfter(now))
        && (last == null || !last.plus(settings.actEvery()).isAfter(now))) {
      lastRun.put(furnace, now);
      PolicyVersion version =
          policy.versions().stream()
              .filter(v -> v.version().equals(d.version()))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(d.version() + " is not listed"));
      steps.add(
          CompletableFuture.supplyAsync(
                  () ->
                      advisor.decide(
                          policies.policy(version),
                          version.version(),
                          state,
                          setpoints(state.setpoints(), plant.setpoints())),
                  executor)
              .thenCompose(
                  decision -> {
                    List<Proposal> proposals =
                        decision.advice().stream()
                            .map(
                                a ->
                                    new Proposal(
                                        a.parameter().key(),
                                        a.current(),
                                        a.proposed(),
                                        a.expectedEffect(),
                                        a.reason()))
                            .toList();
                    if (proposals.isEmpty()) {
                      return CompletableFuture.completedFuture(null);
                    }
                    return ask(
                        furnace, r -> new Policy.Recommend(version.version(), proposals, kpis, r));
                  }));
    }
    return CompletableFuture.allOf(
            steps.stream()
                .map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new))
        .thenApply(v -> Done.getInstance());
  }

  /**
   * The mean KPIs of {@code furnace} over its window with {@code kpis} added, the window started
   * again when {@code metered} differs from its samples'.
   */
  private Optional<Map<String, Double>> window(
      String furnace, boolean metered, Map<String, Double> kpis) {
    SourcedWindow w =
        windows.compute(
            furnace,
            (f, old) -> {
              if (old != null && old.metered() == metered) {
                return old;
              }
              if (old != null) {
                log.info(
                    "Policy KPIs of {} now from {}: its KPI window starts again",
                    furnace,
                    metered ? "the plant's meters" : "the twin's estimate (a meter is silent)");
              }
              return new SourcedWindow(metered, new KpiWindow(settings.kpiWindowSamples()));
            });
    synchronized (w.window()) {
      return w.window().add(kpis);
    }
  }

  private CompletionStage<Confirmation> ask(
      String furnace, Function<ActorRef<Confirmation>, Policy.Command> command) {
    return sharding
        .entityRefFor(Policy.ENTITY_KEY, furnace)
        .<Confirmation>ask(command, timeout)
        .thenApply(
            reply -> {
              if (reply instanceof Confirmation.Rejected rejected) {
                log.debug("Policy of {} refused: {}", furnace, rejected.rejection());
              }
              return reply;
            });
  }

  /** The furnace's setpoints in force over the twin's (which may lag a sync behind). */
  static Setpoints setpoints(Setpoints twin, Map<String, Double> furnace) {
    Map<SetpointParameter, Double> byParameter = new EnumMap<>(SetpointParameter.class);
    furnace.forEach(
        (key, value) -> SetpointParameter.byKey(key).ifPresent(p -> byParameter.put(p, value)));
    return twin.withAll(byParameter);
  }

  /** {@code now − before} per KPI named in both. */
  static Map<String, Double> minus(Map<String, Double> now, Map<String, Double> before) {
    Map<String, Double> out = new LinkedHashMap<>();
    now.forEach(
        (k, v) -> {
          Double b = before.get(k);
          if (b != null) {
            out.put(k, v - b);
          }
        });
    return out;
  }
}
