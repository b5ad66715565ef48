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
import java.util.List;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable path's last leg: a consumer group on {@code vitrum.readings} that asks each record's
 * Sensor entity to record its readings ({@code mapAsyncPartitioned} by tag, so one tag's batches
 * arrive in order while many tags are in flight) and commits an offset only after the entity
 * answered for it and everything before it. At least once: after a crash the records since the last
 * commit come again, and the readings an entity already has come back as {@code
 * not-newer-than-last}: counted as duplicates and dropped, never quarantined. Readings an entity
 * refuses for another reason are quarantined (source {@code sensor}) so nothing vanishes. An ask
 * that keeps failing (the journal is down) fails the stream, which restarts from the last commit.
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
                    .mapAsyncPartitioned(
                        settings.parallelism(),
                        message -> message.record().key(),
                        (message, tag) -> deliver(message))
                    .via(Committer.flow(committer)))
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.ignore(), Keep.left())
        .run(system);
  }

  private CompletionStage<ConsumerMessage.CommittableOffset> deliver(
      ConsumerMessage.CommittableMessage<String, byte[]> message) {
    ConsumerRecord<String, byte[]> record = message.record();
    handle.connected(kafka.bootstrapServers() + "/" + kafka.readings());
    ReadingsRecord readings;
    try {
      readings = ReadingsRecord.decode(record.value());
    } catch (IllegalArgumentException e) {
      return quarantine(record, "malformed-payload", e.getMessage(), null)
          .thenApply(done -> message.committableOffset());
    }
    List<Sensor.Sample> samples = new ArrayList<>(readings.samples().size());
    for (ReadingsRecord.Sample s : readings.samples()) {
      samples.add(new Sensor.Sample(s.ts(), s.value()));
    }
    long start = System.nanoTime();
    return Patterns.retry(
            () -> ask(readings.tag(), samples),
            settings.attempts(),
            Duration.ofMillis(500),
            system.classicSystem().scheduler(),
            system.executionContext())
        .thenCompose(ack -> settle(record, readings, ack, start))
        .thenApply(done -> message.committableOffset());
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

  private CompletionStage<Done> settle(
      ConsumerRecord<String, byte[]> record,
      ReadingsRecord readings,
      Sensor.ReadingsAck ack,
      long start) {
    metrics.stage("delivery", Duration.ofNanos(System.nanoTime() - start));
    if (!readings.samples().isEmpty()) {
      long newest = readings.samples().get(readings.samples().size() - 1).epochMillis();
      metrics.stage("reading-age", Duration.ofMillis(Math.max(0, clock.millis() - newest)));
    }
    metrics.readings(SOURCE, "delivered", ack.accepted());
    handle.received(ack.accepted());
    if (!readings.samples().isEmpty()) {
      ReadingsRecord.Sample last = readings.samples().get(readings.samples().size() - 1);
      latest.put(readings.tag(), last.value(), last.ts());
    }
    List<CompletionStage<Done>> writes = new ArrayList<>();
    long duplicates = 0;
    for (Sensor.RejectedSample r : ack.rejected()) {
      if (r.rejection().code() == RejectionCode.NOT_NEWER_THAN_LAST) {
        duplicates++;
      } else {
        writes.add(
            quarantine(
                record,
                r.rejection().code().wire(),
                r.rejection().reason(),
                new ReadingsRecord(
                    readings.tag(),
                    readings.source(),
                    List.of(new ReadingsRecord.Sample(r.ts().toEpochMilli(), r.value())))));
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
      ConsumerRecord<String, byte[]> record, String reason, String detail, ReadingsRecord reading) {
    metrics.quarantined(SOURCE, reason);
    QuarantineRecord q =
        reading == null
            ? QuarantineRecord.of(
                clock.instant(),
                SOURCE,
                reason,
                detail,
                record.key(),
                null,
                Double.NaN,
                record.value())
            : QuarantineRecord.of(
                clock.instant(),
                SOURCE,
                reason,
                detail,
                reading.tag(),
                reading.samples().get(0).ts(),
                reading.samples().get(0).value(),
                reading.encode());
    return quarantine
        .send(new ProducerRecord<>(kafka.quarantine(), SOURCE, q.encode()))
        .thenApply(m -> Done.getInstance());
  }
}
