package io.vitrum.streams.ingest.sim;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.twin.Twin;
import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.rejection.RejectionKind;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev run's plant: a {@link PlantSimulator} advanced in real time, its readings delivered to
 * the Sensor entities one batch per sensor per tick (keeping per-sensor order), the twins synced
 * with the latest readings, and the simulated plant following the setpoints the Furnace entities
 * accepted, so a setpoint changed over the API shows up in the readings. Every stage is bounded:
 * the tick source drops ticks while delivery is behind (the simulator then catches up by advancing
 * the missed time), and entity asks run at fixed parallelism. A failed ask is logged and counted as
 * lost for that tick, never fatal.
 */
public final class SimulatorFeed {
  private static final Logger log = LoggerFactory.getLogger(SimulatorFeed.class);
  private static final int CONFIGURE_ATTEMPTS = 10;
  private static final Duration CONFIGURE_RETRY_DELAY = Duration.ofSeconds(2);

  private final SimulatorFeedSettings settings;
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final PlantSimulator plant;
  private long ticks;
  private Instant lastAdvance;

  private SimulatorFeed(SimulatorFeedSettings settings, ActorSystem<?> system) {
    this.settings = settings;
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    this.plant =
        new PlantSimulator(
            SimulatorConfig.of(settings.furnaces(), settings.seed()).withStart(start));
    this.lastAdvance = start;
  }

  /** Configures the simulated sensors, then feeds them until the kill switch is pulled. */
  public static UniqueKillSwitch start(ActorSystem<?> system, SimulatorFeedSettings settings) {
    SimulatorFeed feed = new SimulatorFeed(settings, system);
    log.info(
        "Simulator feed: {} furnaces, {} tags, seed {}",
        settings.furnaces(),
        feed.plant.tags().size(),
        settings.seed());
    return feed.configureSensors()
        .concat(feed.deliveries())
        .viaMat(KillSwitches.single(), Keep.right())
        .mapAsync(settings.parallelism(), Delivery::send)
        .toMat(Sink.ignore(), Keep.left())
        .run(system);
  }

  /** One ask into an entity. */
  @FunctionalInterface
  private interface Delivery {
    CompletionStage<Done> send();
  }

  private Source<Delivery, NotUsed> configureSensors() {
    return Source.from(plant.tags()).map(spec -> () -> configure(spec));
  }

  /**
   * Configures one sensor, retried while the cluster cannot store it yet (a first start creates the
   * journal's keyspace and tables meanwhile): configuring is idempotent, and a sensor left
   * unconfigured would reject every reading of the run.
   */
  private CompletionStage<Done> configure(TagSpec spec) {
    SensorConfig config =
        new SensorConfig(spec.furnace(), spec.unit(), spec.min(), spec.max(), AlarmLimits.NONE);
    return guarded(
        "configure " + spec.tag(),
        Patterns.retry(
            () ->
                sharding
                    .entityRefFor(Sensor.ENTITY_KEY, spec.tag())
                    .<Confirmation>ask(
                        replyTo -> new Sensor.Configure(config, replyTo), settings.askTimeout())
                    .thenApply(SimulatorFeed::storedOrThrow),
            CONFIGURE_ATTEMPTS,
            CONFIGURE_RETRY_DELAY,
            system.classicSystem().scheduler(),
            system.executionContext()));
  }

  private static Confirmation storedOrThrow(Confirmation reply) {
    if (reply instanceof Confirmation.Rejected rejected
        && rejected.rejection().kind() == RejectionKind.UNAVAILABLE) {
      throw new IllegalStateException(rejected.rejection().reason());
    }
    return reply;
  }

  private Source<Delivery, ?> deliveries() {
    return Source.tick(settings.tick(), settings.tick(), NotUsed.getInstance())
        // Ticks are dropped while delivery lags; the next tick advances all the missed time.
        .mapAsync(1, tick -> ++ticks % settings.syncEveryTicks() == 0 ? followSetpoints() : done())
        .mapConcat(ignored -> advance());
  }

  /** Advances the plant to now and turns its readings into sensor batches and twin syncs. */
  private List<Delivery> advance() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    if (!now.isAfter(lastAdvance)) {
      return List.of();
    }
    Map<String, List<Sensor.Sample>> byTag = new LinkedHashMap<>();
    Map<String, Map<String, Double>> latest = new HashMap<>();
    plant.advance(
        Duration.between(lastAdvance, now),
        (Reading r) -> {
          byTag
              .computeIfAbsent(r.tag(), t -> new ArrayList<>())
              .add(new Sensor.Sample(r.ts(), r.value()));
          latest
              .computeIfAbsent(r.tag().substring(0, r.tag().indexOf('.')), f -> new HashMap<>())
              .put(r.tag(), r.value());
        });
    lastAdvance = now;
    List<Delivery> out = new ArrayList<>();
    byTag.forEach((tag, samples) -> out.add(() -> record(tag, samples)));
    if (ticks % settings.syncEveryTicks() == 0) {
      latest.forEach((furnace, readings) -> out.add(() -> sync(furnace, readings, now)));
    }
    return out;
  }

  private CompletionStage<Done> record(String tag, List<Sensor.Sample> samples) {
    return guarded(
        "readings of " + tag,
        sharding
            .entityRefFor(Sensor.ENTITY_KEY, tag)
            .<Sensor.ReadingsAck>ask(
                replyTo -> new Sensor.RecordReadings(samples, false, replyTo),
                settings.askTimeout()));
  }

  private CompletionStage<Done> sync(String furnace, Map<String, Double> readings, Instant at) {
    return guarded(
        "twin sync of " + furnace,
        sharding
            .entityRefFor(Twin.ENTITY_KEY, furnace)
            .<Confirmation>ask(
                replyTo ->
                    new Twin.Sync(readings, plant.setpoints(furnace).toKeyMap(), at, replyTo),
                settings.askTimeout()));
  }

  /** Reads every furnace's accepted setpoints and applies them to the simulated plant. */
  private CompletionStage<Done> followSetpoints() {
    List<CompletableFuture<Furnace.FurnaceView>> views = new ArrayList<>();
    for (String furnace : plant.furnaces()) {
      views.add(
          sharding
              .entityRefFor(Furnace.ENTITY_KEY, furnace)
              .<Furnace.FurnaceView>ask(Furnace.GetState::new, settings.askTimeout())
              .toCompletableFuture());
    }
    return guarded(
        "setpoints",
        CompletableFuture.allOf(views.toArray(CompletableFuture[]::new))
            .thenApply(
                ignored -> {
                  for (CompletableFuture<Furnace.FurnaceView> view : views) {
                    apply(view.join());
                  }
                  return Done.getInstance();
                }));
  }

  private void apply(Furnace.FurnaceView view) {
    for (Map.Entry<String, Double> e : view.setpoints().entrySet()) {
      SetpointParameter p = SetpointParameter.byKey(e.getKey()).orElseThrow();
      if (plant.setpoints(view.furnaceId()).get(p) != e.getValue()) {
        plant.setSetpoint(view.furnaceId(), p, e.getValue());
        log.info("Simulated {} follows {} = {}", view.furnaceId(), p.key(), e.getValue());
      }
    }
  }

  private static CompletionStage<Done> done() {
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  private static CompletionStage<Done> guarded(String what, CompletionStage<?> ask) {
    return ask.handle(
        (reply, failure) -> {
          if (failure != null) {
            log.warn("Simulator feed: {} failed: {}", what, failure.toString());
          }
          return Done.getInstance();
        });
  }
}
