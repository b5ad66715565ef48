package io.vitrum.streams.ingest;

import io.vitrum.core.ingest.ReadingValidator;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import io.vitrum.streams.ingest.kafka.ReadingsRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.kafka.ProducerMessage;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.javadsl.Producer;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every source's messages take: validation ({@link ReadingValidator}, against the current
 * tag map), then accepted readings to Kafka {@code vitrum.readings} (batched: several readings of a
 * tag share a record keyed by the tag) and bad input to {@code vitrum.quarantine}, and only after
 * Kafka acknowledged all of a message's records is the message acknowledged to its source. Kafka
 * write latency backpressures the source through the bounded number of batches in flight; a failure
 * restarts the source with backoff, and unacknowledged messages come again.
 */
public final class IngestPipeline {
  private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

  /** Quarantined readings carry the whole original message only up to this size. */
  public static final int MAX_QUARANTINED_PAYLOAD = 8192;

  private final ActorSystem<?> system;
  private final KafkaSettings kafka;
  private final IngestSettings settings;
  private final Supplier<TagMap> tagMap;
  private final IngestStatus status;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final ProducerSettings<String, byte[]> producer;

  public IngestPipeline(
      ActorSystem<?> system,
      KafkaSettings kafka,
      IngestSettings settings,
      Supplier<TagMap> tagMap,
      IngestStatus status,
      IngestMetrics metrics,
      Clock clock) {
    this.system = system;
    this.kafka = kafka;
    this.settings = settings;
    this.tagMap = tagMap;
    this.status = status;
    this.metrics = metrics;
    this.clock = clock;
    this.producer = kafka.producer(system);
  }

  /** Runs {@code source} through validation into Kafka until the kill switch is pulled. */
  public <A> UniqueKillSwitch run(IngestSource<A> source) {
    RestartSettings restart =
        RestartSettings.create(settings.restartMinBackoff(), settings.restartMaxBackoff(), 0.2);
    log.info("Ingest from {} into {}", source.name(), kafka.readings());
    return RestartSource.withBackoff(
            restart, () -> source.inbound().via(toKafka(source.name())).mapConcat(acks -> acks))
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(source.acknowledgements(), Keep.left())
        .run(system);
  }

  /**
   * Validation and the writes to Kafka: emits, per batch written, the acknowledgement tokens of its
   * messages in order.
   */
  public <A> Flow<Inbound<A>, List<A>, NotUsed> toKafka(String sourceName) {
    return Flow.<Inbound<A>>create()
        .statefulMap(
            () -> new ReadingValidator(settings.bounds(), settings.maxRangeFractionPerSecond()),
            (validator, in) -> Pair.create(validator, judge(validator, in)),
            validator -> Optional.empty())
        .groupedWeightedWithin(
            settings.batchMaxReadings(),
            j -> (long) Math.max(1, j.accepted().size()),
            settings.batchMaxDelay())
        .map(this::message)
        .via(Producer.flexiFlow(producer.withParallelism(settings.producerParallelism())))
        .map(
            result -> {
              Batch<A> batch = result.passThrough();
              metrics.stage(
                  "kafka-write", Duration.ofNanos(System.nanoTime() - batch.startNanos()));
              return batch.acks();
            });
  }

  /** A batch's records, and what to hand back once they are written. */
  private record Batch<A>(List<A> acks, long startNanos) {}

  /** One message after validation. */
  private record Judged<A>(
      String source, List<SourceReading> accepted, List<QuarantineRecord> quarantined, A ack) {}

  private <A> Judged<A> judge(ReadingValidator validator, Inbound<A> in) {
    Instant now = clock.instant();
    if (in.malformed() != null) {
      return new Judged<>(
          in.source(), List.of(), List.of(quarantine(in, in.malformed(), null, now, -1)), in.ack());
    }
    TagMap map = tagMap.get();
    List<SourceReading> accepted = new ArrayList<>(in.readings().size());
    List<QuarantineRecord> quarantined = new ArrayList<>(0);
    for (int i = 0; i < in.readings().size(); i++) {
      SourceReading r = in.readings().get(i);
      Optional<Rejection> why = validator.check(map, r, now);
      if (why.isEmpty()) {
        accepted.add(r);
      } else {
        quarantined.add(quarantine(in, why.get(), r, now, i));
      }
    }
    metrics.readings(in.source(), "accepted", accepted.size());
    return new Judged<>(in.source(), accepted, quarantined, in.ack());
  }

  private QuarantineRecord quarantine(
      Inbound<?> in, Rejection why, SourceReading r, Instant now, int index) {
    String reason = why.code().wire();
    metrics.quarantined(in.source(), reason);
    metrics.readings(in.source(), "quarantined", r == null ? 0 : 1);
    status.quarantined(
        in.source(), reason, r == null ? null : r.tag(), why.code() == RejectionCode.UNKNOWN_TAG);
    if (r == null) {
      return QuarantineRecord.of(
          now, in.source(), reason, why.reason(), null, null, Double.NaN, in.payload());
    }
    boolean whole = in.payload().length <= MAX_QUARANTINED_PAYLOAD || in.readings().size() == 1;
    byte[] payload = whole ? in.payload() : rendering(r);
    String detail =
        whole
            ? why.reason()
            : why.reason()
                + " (reading "
                + index
                + " of a "
                + in.payload().length
                + "-byte message of "
                + in.readings().size()
                + " readings)";
    return QuarantineRecord.of(
        now, in.source(), reason, detail, r.tag(), r.ts(), r.value(), payload);
  }

  private static byte[] rendering(SourceReading r) {
    String json =
        "{\"tag\":\""
            + r.tag().replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"ts\":\""
            + r.ts()
            + "\",\"value\":"
            + (Double.isFinite(r.value()) ? Double.toString(r.value()) : "\"" + r.value() + "\"")
            + (r.unit() == null ? "" : ",\"unit\":\"" + r.unit().replace("\"", "\\\"") + "\"")
            + ",\"quality\":\""
            + r.quality()
            + "\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private <A> ProducerMessage.Envelope<String, byte[], Batch<A>> message(List<Judged<A>> batch) {
    Map<String, List<ReadingsRecord.Sample>> byTag = new LinkedHashMap<>();
    Map<String, String> sourceOf = new LinkedHashMap<>();
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    List<A> acks = new ArrayList<>(batch.size());
    for (Judged<A> j : batch) {
      for (SourceReading r : j.accepted()) {
        byTag
            .computeIfAbsent(r.tag(), t -> new ArrayList<>())
            .add(new ReadingsRecord.Sample(r.ts().toEpochMilli(), r.value()));
        sourceOf.putIfAbsent(r.tag(), j.source());
        status.accepted(r.tag(), r.ts());
      }
      for (QuarantineRecord q : j.quarantined()) {
        records.add(new ProducerRecord<>(kafka.quarantine(), q.source(), q.encode()));
      }
      acks.add(j.ack());
    }
    byTag.forEach(
        (tag, samples) ->
            records.add(
                new ProducerRecord<>(
                    kafka.readings(),
                    tag,
                    new ReadingsRecord(tag, sourceOf.get(tag), samples).encode())));
    Batch<A> pass = new Batch<>(acks, System.nanoTime());
    return records.isEmpty()
        ? ProducerMessage.passThrough(pass)
        : ProducerMessage.multi(records, pass);
  }
}
