package io.vitrum.streams.features;

import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.ReadingsRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live run of the feature stage: its own consumer group on {@code vitrum.readings}, each
 * furnace's tags from the tag map, vectors handed to {@code sink}. The vectors are derived and
 * recomputed after a restart, so offsets are committed as read (auto commit); a restart starts each
 * furnace's windows afresh.
 */
public final class LiveFeatures {
  private static final Logger log = LoggerFactory.getLogger(LiveFeatures.class);

  /** The label of the live run's vectors. */
  public static final String RUN = "live";

  private static final Duration TICK = Duration.ofSeconds(5);

  private LiveFeatures() {}

  /** Runs until the kill switch is pulled; restarts after a failure. */
  public static UniqueKillSwitch start(
      ActorSystem<?> system,
      KafkaSettings kafka,
      FeatureSettings settings,
      Supplier<TagMap> tagMap,
      Consumer<FeatureVector> sink,
      Clock clock) {
    return start(system, kafka, settings, tagMap, sink, Flow.create(), clock);
  }

  /**
   * As above, the vectors also going through {@code downstream} (the models), which backpressures
   * the stage.
   */
  public static <T> UniqueKillSwitch start(
      ActorSystem<?> system,
      KafkaSettings kafka,
      FeatureSettings settings,
      Supplier<TagMap> tagMap,
      Consumer<FeatureVector> sink,
      Flow<FeatureVector, T, NotUsed> downstream,
      Clock clock) {
    return start(system, kafka, settings, tagMap, sink, downstream, p -> {}, clock);
  }

  /**
   * As above, every reading also handed to {@code readings} as it enters the stage (e.g. the recent
   * minutes root-cause analysis reads); {@code readings} must be cheap and must not block.
   */
  public static <T> UniqueKillSwitch start(
      ActorSystem<?> system,
      KafkaSettings kafka,
      FeatureSettings settings,
      Supplier<TagMap> tagMap,
      Consumer<FeatureVector> sink,
      Flow<FeatureVector, T, NotUsed> downstream,
      Consumer<FeatureInput.TagPoint> readings,
      Clock clock) {
    log.info(
        "Computing live features from {} (group {}, every {})",
        kafka.readings(),
        settings.groupId(),
        settings.schema().interval());
    RestartSettings restart =
        RestartSettings.create(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    return RestartSource.withBackoff(
            restart,
            () ->
                org.apache.pekko.kafka.javadsl.Consumer.plainSource(
                        kafka
                            .consumer(system, settings.groupId())
                            .withProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true"),
                        Subscriptions.topics(kafka.readings()))
                    .mapConcat(LiveFeatures::points)
                    .map(
                        p -> {
                          if (p instanceof FeatureInput.TagPoint point) {
                            readings.accept(point);
                          }
                          return p;
                        })
                    .merge(Source.tick(TICK, TICK, "tick").map(t -> tick(clock)))
                    .via(
                        FeatureStage.flow(
                            RUN,
                            settings.schema(),
                            furnace -> tagsOf(tagMap.get(), furnace),
                            settings.idle())))
        .viaMat(KillSwitches.single(), Keep.right())
        .alsoTo(Sink.foreach(sink::accept))
        .via(downstream)
        .toMat(Sink.ignore(), Keep.left())
        .run(system);
  }

  private static FeatureInput tick(Clock clock) {
    return new FeatureInput.Tick(clock.millis());
  }

  /** The sensor tags of {@code furnace} in the tag map. */
  static List<String> tagsOf(TagMap map, String furnace) {
    return map.sensors().stream()
        .filter(row -> row.furnace().equals(furnace))
        .map(TagMapRow::tag)
        .toList();
  }

  private static List<FeatureInput> points(ConsumerRecord<String, byte[]> record) {
    ReadingsRecord readings;
    try {
      readings = ReadingsRecord.decode(record.value());
    } catch (IllegalArgumentException e) {
      return List.of(); // quarantined by the sensor delivery
    }
    List<FeatureInput> out = new ArrayList<>(readings.samples().size());
    for (ReadingsRecord.Sample s : readings.samples()) {
      out.add(new FeatureInput.TagPoint(readings.tag(), s.epochMillis(), s.value()));
    }
    return out;
  }
}
