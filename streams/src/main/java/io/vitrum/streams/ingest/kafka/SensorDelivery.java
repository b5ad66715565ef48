package io.vitrum.streams.ingest.kafka;

import io.vitrum.actors.sensor.Sensor;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.rejection.RejectionKind;
import io.vitrum.streams.ingest.IngestMetrics;
import io.vitrum.streams.ingest.IngestSettings;
import io.vitrum.streams.ingest.SourceHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable path's last leg: a consumer group on {@code vitrum.readings} that asks each record's
 * Sensor entity to record its readings (records gathered into batches, merged per tag: one ask per
 * tag and batch, many tags at once, one batch at a time so a tag's readings arrive in order) and
 * commits a batch's offsets only after every entity of the batch answered. At least once: after a
 * crash the records since the last commit come again, and the readings an entity already has come
 * back as {@code not-newer-than-last}: counted as duplicates and dropped, never quarantined.
 * Readings an entity refuses for another reason are quarantined (source {@code sensor}) so nothing
 * vanishes. An ask that keeps failing (the journal is down) fails the stream, which restarts from
 * the last commit.
 */
public final class SensorDelivery {
  private static final Logger log = LoggerFactory.getLogger(SensorDelivery.class);

  /** The source name of readings the entities refused. */
  public static final String SOURCE = "sensor";

  private final ActorSystem<?> system;
  private final KafkaSettings kafka;
  private final IngestSettings.Delivery settings;
  private final IngestSettings ingest;
  private final ClusterSharding sharding;
  private final IngestMetrics metrics;
  private final SourceHandle handle;
  private final SendProducer<String, byte[]> quarantine;
  private final Clock clock;
  private final LatestReadings latest;

  public SensorDelivery(
      ActorSystem<?> system,
      KafkaSettings kafka,
      IngestSettings ingest,
      IngestMetrics metrics,
      SourceHandle handle,
      LatestReadings latest,
      Clock clock) {
    this.system = system;
    this.kafka = kafka;
    this.ingest = ingest;
    this.settings = ingest.delivery();
    this.sharding = ClusterSharding.get(system);
    this.metrics = metrics;
    this.handle = handle;
    this.latest = latest;
    this.clock = clock;
    this.quarantine = new SendProducer<>(kafka.producer(system), system);
  }

  /** Consumes until the kill switch is pulled; restarts from the last commit after a failure. */
  public UniqueKillSwitch start() {
    CommitterSettings committer =
        CommitterSettings.create(system)
            .withMaxBatch(settings.commitMaxBatch())
            .withMaxInterval(settings.commitMaxInterval());
    RestartSettings restart =
        RestartSettings.create(ingest.restartMinBackoff(), ingest.restartMaxBackoff(), 0.2);
    log.info(
        "Delivering {} to the Sensor entities (group {})", kafka.readings(), settings.groupId());
    return RestartSource.onFailuresWithBackoff(
            restart,
            () ->
                Consumer.committableSource(
                        kafka.consumer(system, settings.groupId()),
                        Subscriptions.topics(kafka.readings()))
                    // About 24 bytes per sample: batches of roughly batch-max-readings readings.
                    .groupedWeightedWithin(
                        settings.batchMaxReadings(),
                        message -> (long) (message.record().value().length / 24 + 1),
                        settings.batchMaxDelay())
                    .mapAsync(1, this::deliver)
                    .via(Committer.batchFlow(committer)))
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.ignore(), Keep.left())
        .run(system);
  }

  /** A tag's samples of one batch, in log order. */
  private record TagBatch(String tag, String source, List<Sensor.Sample> samples) {}

  /**
   * Delivers one batch: its records merged per tag (one ask per tag, many tags at once, one batch
   * at a time so a tag's asks never overtake each other), and answers with the batch's offsets.
   */
  private CompletionStage<ConsumerMessage.CommittableOffsetBatch> deliver(
      List<ConsumerMessage.CommittableMessage<String, byte[]>> batch) {
    handle.connected(kafka.bootstrapServers() + "/" + kafka.readings());
    Map<String, TagBatch> byTag = new LinkedHashMap<>();
    List<CompletionStage<Done>> quarantined = new ArrayList<>();
    for (ConsumerMessage.CommittableMessage<String, byte[]> message : batch) {
      ConsumerRecord<String, byte[]> record = message.record();
      ReadingsRecord readings;
      try {
        readings = ReadingsRecord.decode(record.value());
      } catch (IllegalArgumentException e) {
        quarantined.add(
            quarantine(
                "malformed-payload",
                e.getMessage(),
                record.key(),
                null,
                Double.NaN,
                record.value()));
        continue;
      }
      TagBatch tagBatch =
          byTag.computeIfAbsent(
              readings.tag(), t -> new TagBatch(t, readings.source(), new ArrayList<>()));
      for (ReadingsRecord.Sample sample : readings.samples()) {
        tagBatch.samples().add(new Sensor.Sample(sample.ts(), sample.value()));
      }
    }
    CompletionStage<Done> asks =
        Source.from(byTag.values())
            .mapAsyncUnordered(settings.parallelism(), this::deliver)
            .runWith(Sink.ignore(), system);
    for (CompletionStage<Done> q : quarantined) {
      asks = asks.thenCombine(q, (a, b) -> a);
    }
    return asks.thenApply(
        done ->
            ConsumerMessage.createCommittableOffsetBatch(
                batch.stream()
                    .map(ConsumerMessage.CommittableMessage::committableOffset)
                    .toList()));
  }

  private CompletionStage<Done> deliver(TagBatch batch) {
    long start = System.nanoTime();
    return Patterns.retry(
            () -> ask(batch.tag(), batch.samples()),
            settings.attempts(),
            Duration.ofMillis(500),
            system.classicSystem().scheduler(),
            system.executionContext())
        .thenCompose(ack -> settle(batch, ack, start));
  }

  private CompletionStage<Sensor.ReadingsAck> ask(String tag, List<Sensor.Sample> samples) {
    return sharding
        .entityRefFor(Sensor.ENTITY_KEY, tag)
        .<Sensor.ReadingsAck>ask(
            replyTo -> new Sensor.RecordReadings(samples, false, replyTo), settings.askTimeout())
        .thenApply(
            ack -> {
              for (Sensor.RejectedSample r : ack.rejected()) {
                if (r.rejection().kind() == RejectionKind.UNAVAILABLE) {
                  throw new IllegalStateException(tag + ": " + r.rejection().reason());
                }
              }
              return ack;
            });
  }

  private CompletionStage<Done> settle(TagBatch batch, Sensor.ReadingsAck ack, long start) {
    metrics.stage("delivery", Duration.ofNanos(System.nanoTime() - start));
    Sensor.Sample last = batch.samples().get(batch.samples().size() - 1);
    metrics.stage(
        "reading-age", Duration.ofMillis(Math.max(0, clock.millis() - last.ts().toEpochMilli())));
    metrics.readings(SOURCE, "delivered", ack.accepted());
    handle.received(ack.accepted());
    latest.put(batch.tag(), last.value(), last.ts());
    List<CompletionStage<Done>> writes = new ArrayList<>();
    long duplicates = 0;
    for (Sensor.RejectedSample r : ack.rejected()) {
      if (r.rejection().code() == RejectionCode.NOT_NEWER_THAN_LAST) {
        duplicates++;
      } else {
        writes.add(
            quarantine(
                r.rejection().code().wire(),
                r.rejection().reason(),
                batch.tag(),
                r.ts(),
                r.value(),
                new ReadingsRecord(
                        batch.tag(),
                        batch.source(),
                        List.of(new ReadingsRecord.Sample(r.ts().toEpochMilli(), r.value())))
                    .encode()));
      }
    }
    metrics.readings(SOURCE, "duplicate", duplicates);
    return CompletableFuture.allOf(
            writes.stream()
                .map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new))
        .thenApply(v -> Done.getInstance());
  }

  private CompletionStage<Done> quarantine(
      String reason,
      String detail,
      String tag,
      java.time.Instant ts,
      double value,
      byte[] payload) {
    metrics.quarantined(SOURCE, reason);
    QuarantineRecord q =
        QuarantineRecord.of(clock.instant(), SOURCE, reason, detail, tag, ts, value, payload);
    return quarantine
        .send(new ProducerRecord<>(kafka.quarantine(), SOURCE, q.encode()))
        .thenApply(m -> Done.getInstance());
  }
}
