package io.vitrum.streams.ingest.frames;

import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.IngestMetrics;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceHandle;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Frames into and on {@code vitrum.frames}: {@link #submit} checks an uploaded frame and writes it
 * (value: the image as sent; headers {@code furnace}, {@code line}, {@code item}, {@code ts},
 * {@code format} and, when known, {@code label}); {@link #follow} counts the frames on the topic
 * per furnace (from the plant's cameras as well as uploads) and quarantines those that are not
 * images, with source {@code frames}.
 */
public final class FrameIntake {
  /** The source name of frames in status and quarantine. */
  public static final String SOURCE = "frames";

  private final ActorSystem<?> system;
  private final KafkaSettings kafka;
  private final SendProducer<String, byte[]> producer;
  private final IngestStatus status;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final ConcurrentMap<String, AtomicLong> perFurnace = new ConcurrentHashMap<>();

  public FrameIntake(
      ActorSystem<?> system,
      KafkaSettings kafka,
      IngestStatus status,
      IngestMetrics metrics,
      Clock clock) {
    this.system = system;
    this.kafka = kafka;
    this.producer = new SendProducer<>(kafka.producer(system), system);
    this.status = status;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Thrown (in the failed stage) when a frame is refused; the frame was quarantined. */
  public static final class FrameRefused extends RuntimeException {
    private final transient Rejection rejection;

    FrameRefused(Rejection rejection) {
      super(rejection.reason());
      this.rejection = rejection;
    }

    public Rejection rejection() {
      return rejection;
    }
  }

  /**
   * Checks and writes one frame. Completes once Kafka has it; fails with {@link FrameRefused} (the
   * frame quarantined) when it is not a usable image or its metadata is invalid.
   */
  public CompletionStage<FrameAccepted> submit(byte[] image, FrameMeta meta) {
    FrameImage inspected;
    try {
      if (!FurnaceId.isValid(meta.furnace())) {
        throw new IllegalArgumentException("furnace '" + meta.furnace() + "' is not a furnace id");
      }
      inspected = FrameImage.inspect(image);
    } catch (IllegalArgumentException e) {
      Rejection why = Rejection.of(RejectionCode.MALFORMED_PAYLOAD, e.getMessage());
      return quarantine(image, why, meta.furnace())
          .thenCompose(done -> CompletableFuture.failedFuture(new FrameRefused(why)));
    }
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(kafka.frames(), meta.furnace(), image);
    header(record, "furnace", meta.furnace());
    header(record, "line", meta.furnace());
    header(record, "item", Long.toString(meta.item()));
    header(record, "ts", meta.ts().toString());
    header(record, "format", inspected.format());
    if (meta.label() != null) {
      header(record, "label", meta.label());
    }
    return producer
        .send(record)
        .thenApply(
            m ->
                new FrameAccepted(
                    meta.furnace(),
                    meta.item(),
                    inspected.format(),
                    inspected.width(),
                    inspected.height(),
                    m.partition(),
                    m.offset()));
  }

  /** Counts and checks the frames on the topic (its own consumer group) until stopped. */
  public UniqueKillSwitch follow(String groupId, RestartSettings restart) {
    SourceHandle handle = status.handle(SOURCE);
    return RestartSource.onFailuresWithBackoff(
            restart,
            () ->
                Consumer.plainSource(
                        kafka.consumer(system, groupId), Subscriptions.topics(kafka.frames()))
                    .mapAsync(
                        4,
                        r -> {
                          handle.connected(kafka.bootstrapServers() + "/" + kafka.frames());
                          return check(r, handle);
                        }))
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.ignore(), Keep.left())
        .run(system);
  }

  /** Frames seen on the topic since start, per furnace. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    perFurnace.forEach((f, n) -> out.put(f, n.get()));
    return out;
  }

  private CompletionStage<Object> check(ConsumerRecord<String, byte[]> r, SourceHandle handle) {
    try {
      FrameImage.inspect(r.value());
      handle.received(1);
      perFurnace.computeIfAbsent(String.valueOf(r.key()), k -> new AtomicLong()).incrementAndGet();
      metrics.readings(SOURCE, "accepted", 1);
      return CompletableFuture.completedFuture(r);
    } catch (IllegalArgumentException e) {
      return quarantine(
              r.value(), Rejection.of(RejectionCode.MALFORMED_PAYLOAD, e.getMessage()), r.key())
          .thenApply(d -> r);
    }
  }

  private CompletionStage<Object> quarantine(byte[] image, Rejection why, String furnace) {
    metrics.quarantined(SOURCE, why.code().wire());
    status.quarantined(SOURCE, why.code().wire(), null, false);
    QuarantineRecord q =
        QuarantineRecord.of(
            clock.instant(),
            SOURCE,
            why.code().wire(),
            why.reason() + (furnace == null ? "" : " (furnace " + furnace + ")"),
            null,
            null,
            Double.NaN,
            image);
    return producer
        .send(new ProducerRecord<>(kafka.quarantine(), SOURCE, q.encode()))
        .thenApply(m -> m);
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The value of header {@code name} of {@code record}, or {@code null}. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** When {@code meta} says nothing about the time: now. */
  public Instant now() {
    return clock.instant();
  }
}
