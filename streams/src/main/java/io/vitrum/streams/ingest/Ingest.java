package io.vitrum.streams.ingest;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.MeterRegistry;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.sim.PlantWiring;
import io.vitrum.streams.ingest.frames.FrameIntake;
import io.vitrum.streams.ingest.kafka.ConsumerLag;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.KafkaTopics;
import io.vitrum.streams.ingest.kafka.LatestReadings;
import io.vitrum.streams.ingest.kafka.QuarantineStore;
import io.vitrum.streams.ingest.kafka.SensorDelivery;
import io.vitrum.streams.ingest.kafka.TwinSync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's ingest, assembled: the topics, the tag map (configuring its sensors), the delivery into
 * the entities, the twin sync, frame counting, the quarantine store, consumer-lag reporting and one
 * pipeline per configured source. {@link #start} returns at once; the parts come up in that order
 * in the background (the first tag map waits for the journal to take the sensors' configuration).
 */
public final class Ingest implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Ingest.class);

  private final ActorSystem<?> system;
  private final KafkaSettings kafka;
  private final IngestSettings settings;
  private final IngestStatus status;
  private final IngestMetrics metrics;
  private final TagMapRegistry tagMaps;
  private final FrameIntake frames;
  private final QuarantineStore quarantine;
  private final List<SourceFactory> factories;
  private final Map<String, UniqueKillSwitch> sources = new ConcurrentHashMap<>();
  private final Map<String, List<TagMapRow>> subscribed = new ConcurrentHashMap<>();
  private final List<UniqueKillSwitch> running = new CopyOnWriteArrayList<>();
  private final List<Cancellable> timers = new CopyOnWriteArrayList<>();
  private final IngestPipeline pipeline;
  private volatile ConsumerLag lag;

  private Ingest(
      ActorSystem<?> system,
      KafkaSettings kafka,
      IngestSettings settings,
      MeterRegistry registry,
      Sources sources) {
    this.system = system;
    this.kafka = kafka;
    this.settings = settings;
    this.status = new IngestStatus(Clock.systemUTC());
    this.metrics = new IngestMetrics(registry);
    this.tagMaps = new TagMapRegistry(system, settings.delivery().askTimeout());
    this.frames = new FrameIntake(system, kafka, status, metrics, Clock.systemUTC());
    this.quarantine = QuarantineStore.start(kafka, settings.quarantineCapacity());
    this.factories = sources.factories(status, tagMaps);
    this.pipeline =
        new IngestPipeline(system, kafka, settings, tagMaps, status, metrics, Clock.systemUTC());
  }

  /**
   * Starts ingest over {@code kafka} with the configured {@code sources} (see the class comment).
   * {@code initialTagMap} is the CSV applied first.
   */
  public static Ingest start(
      ActorSystem<?> system,
      KafkaSettings kafka,
      IngestSettings settings,
      String initialTagMap,
      MeterRegistry registry,
      Sources sources) {
    Ingest ingest = new Ingest(system, kafka, settings, registry, sources);
    ingest.boot(initialTagMap);
    return ingest;
  }

  /**
   * The CSV a node starts with: the file of {@code vitrum.ingest.tag-map}, else the simulated
   * plant's.
   */
  public static String initialTagMap(Config config, IngestSettings settings) {
    if (settings.tagMap().isEmpty()) {
      return PlantWiring.csv(config.getInt("vitrum.simulator.furnaces"));
    }
    try {
      return Files.readString(Path.of(settings.tagMap()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tag map " + settings.tagMap(), e);
    }
  }

  private void boot(String csv) {
    KafkaTopics.ensure(kafka)
        .thenCompose(done -> tagMaps.apply(TagMap.parse(csv)))
        .whenComplete(
            (applied, failure) -> {
              if (failure != null) {
                log.error("Ingest cannot start", failure);
                status.handle("delivery").failed(failure);
                return;
              }
              log.info(
                  "Tag map: {} sensors configured, {} setpoint rows, {} refused{}",
                  applied.sensorsConfigured(),
                  applied.setpointRows(),
                  applied.errors().size(),
                  applied.errors().isEmpty() ? "" : ": " + applied.errors());
              startConsumers();
              startSources(tagMaps.get(), false);
              tagMaps.onChange(map -> startSources(map, true));
            });
  }

  private void startConsumers() {
    LatestReadings latest = new LatestReadings();
    running.add(
        new SensorDelivery(
                system,
                kafka,
                settings,
                metrics,
                status.handle("delivery"),
                latest,
                Clock.systemUTC())
            .start());
    running.add(
        TwinSync.start(
            system,
            latest,
            settings.delivery().twinSyncInterval(),
            settings.delivery().askTimeout()));
    running.add(
        frames.follow(
            "vitrum-frames-intake",
            RestartSettings.create(
                settings.restartMinBackoff(), settings.restartMaxBackoff(), 0.2)));
    lag = new ConsumerLag(kafka);
    timers.add(
        system
            .scheduler()
            .scheduleWithFixedDelay(
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                this::measureLag,
                system.executionContext()));
  }

  private void measureLag() {
    ConsumerLag admin = lag;
    if (admin == null) {
      return;
    }
    system
        .executionContext()
        .execute(
            () -> {
              try {
                long records =
                    admin.of(
                        settings.delivery().groupId(), kafka.readings(), Duration.ofSeconds(4));
                status.handle("delivery").lag(records);
                metrics.lag(settings.delivery().groupId(), records);
              } catch (Exception e) {
                log.debug("Cannot measure the delivery lag: {}", e.toString());
              }
            });
  }

  private synchronized void startSources(TagMap map, boolean changed) {
    for (SourceFactory factory : factories) {
      List<TagMapRow> rows = factory.rows(map);
      if (changed && (!factory.followsTagMap() || rows.equals(subscribed.get(factory.name())))) {
        continue;
      }
      subscribed.put(factory.name(), rows);
      UniqueKillSwitch previous = sources.remove(factory.name());
      if (previous != null) {
        previous.shutdown();
      }
      Optional<IngestSource<?>> source = factory.create(map);
      if (source.isPresent()) {
        sources.put(factory.name(), pipeline.run(source.get()));
      }
    }
  }

  /** What the status API reports. */
  public IngestStatus status() {
    return status;
  }

  public TagMapRegistry tagMaps() {
    return tagMaps;
  }

  public FrameIntake frames() {
    return frames;
  }

  public QuarantineStore quarantine() {
    return quarantine;
  }

  public KafkaSettings kafka() {
    return kafka;
  }

  public IngestSettings settings() {
    return settings;
  }

  /** Stops every source and consumer. */
  @Override
  public void close() {
    timers.forEach(Cancellable::cancel);
    List<UniqueKillSwitch> all = new ArrayList<>(sources.values());
    all.addAll(running);
    all.forEach(UniqueKillSwitch::shutdown);
    quarantine.close();
    ConsumerLag admin = lag;
    if (admin != null) {
      admin.close();
    }
  }
}
