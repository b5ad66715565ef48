package io.vitrum.streams.history;

import io.vitrum.core.history.BlockBuffer;
import io.vitrum.core.history.ClosedBlock;
import io.vitrum.core.plant.TagId;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.ReadingsRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.kafka.ConsumerMessage.CommittableMessage;
import org.apache.pekko.kafka.ConsumerMessage.CommittableOffset;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history writer: its own consumer group on {@code vitrum.readings}, one open block per tag and
 * window in memory ({@link BlockBuffer}), closed blocks made durable by {@link BlockWrites}, and
 * offsets committed only below the oldest reading still in an open block. A crash loses nothing:
 * the readings since the last commit come again and merge into their blocks, where a reading
 * already stored changes nothing. After a failure the stream restarts with an empty buffer from the
 * last commit.
 */
public final class HistoryWriter {
  private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);

  /** How often the blocks are checked for their time when no readings arrive. */
  private static final Duration IDLE_TICK = Duration.ofSeconds(1);

  private final ActorSystem<?> system;
  private final KafkaSettings kafka;
  private final HistorySettings settings;
  private final HistoryStore store;
  private final BlockWrites writes;
  private final HistoryMetrics metrics;
  private final Clock clock;

  /** The blocks being written, by whichever incarnation of the stream wrote last. */
  private final AtomicReference<CompletableFuture<Done>> inFlight =
      new AtomicReference<>(CompletableFuture.completedFuture(Done.getInstance()));

  public HistoryWriter(
      ActorSystem<?> system,
      KafkaSettings kafka,
      HistorySettings settings,
      HistoryStore store,
      HistoryMetrics metrics,
      Clock clock) {
    this.system = system;
    this.kafka = kafka;
    this.settings = settings;
    this.store = store;
    this.writes = new BlockWrites(system, store, settings, metrics, clock);
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Consumes until the kill switch is pulled; restarts from the last commit after a failure. */
  public UniqueKillSwitch start() {
    HistorySettings.Writer w = settings.writer();
    RestartSettings restart =
        RestartSettings.create(w.restartMinBackoff(), w.restartMaxBackoff(), 0.2);
    CommitterSettings committer = CommitterSettings.create(system);
    log.info(
        "Writing {} into history (group {}, blocks of {}, grace {})",
        kafka.readings(),
        w.groupId(),
        w.blocks().length(),
        w.blocks().grace());
    return RestartSource.onFailuresWithBackoff(
            restart,
            () -> {
              Incarnation incarnation = new Incarnation();
              return Consumer.committableSource(
                      kafka.consumer(system, w.groupId()), Subscriptions.topics(kafka.readings()))
                  // About 24 bytes per sample: batches of roughly batch-max-readings readings.
                  .groupedWeightedWithin(
                      w.batchMaxReadings(),
                      message -> (long) (message.record().value().length / 24 + 1),
                      w.batchMaxDelay())
                  // With no readings, an empty batch now and then closes blocks by the clock.
                  .keepAlive(IDLE_TICK, List::of)
                  .mapAsync(1, incarnation::process)
                  .filter(batch -> batch.batchSize() > 0)
                  .via(Committer.batchFlow(committer));
            })
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.ignore(), Keep.left())
        .run(system);
  }

  /** A position that may be committed once the blocks closed before it are durable. */
  private record Checkpoint(long offset, CommittableOffset committable) {}

  /** One run of the stream: its buffer and checkpoints start empty at each (re)start. */
  private final class Incarnation {
    private final BlockBuffer buffer = new BlockBuffer(settings.writer().blocks());
    private final Map<Integer, ArrayDeque<Checkpoint>> checkpoints = new HashMap<>();
    private final Map<Integer, Long> highestRead = new HashMap<>();
    private final Set<String> knownTags = new HashSet<>();

    /** Adds a batch, writes the blocks that are due, then answers what may be committed. */
    CompletionStage<ConsumerMessage.CommittableOffsetBatch> process(
        List<CommittableMessage<String, byte[]>> batch) {
      long now = clock.millis();
      List<CompletableFuture<Done>> newTags = new ArrayList<>();
      Map<Integer, CommittableMessage<String, byte[]>> lastOfPartition = new HashMap<>();
      for (CommittableMessage<String, byte[]> message : batch) {
        ConsumerRecord<String, byte[]> record = message.record();
        lastOfPartition.put(record.partition(), message);
        highestRead.put(record.partition(), record.offset());
        ReadingsRecord readings;
        try {
          readings = ReadingsRecord.decode(record.value());
        } catch (IllegalArgumentException e) {
          // The sensor delivery quarantines such a record; history has nothing to keep of it.
          metrics.block("malformed", 0);
          continue;
        }
        if (knownTags.add(readings.tag())) {
          newTags.add(
              store.putTag(TagId.furnaceOf(readings.tag()), readings.tag()).toCompletableFuture());
        }
        for (ReadingsRecord.Sample s : readings.samples()) {
          buffer.add(
              readings.tag(), s.epochMillis(), s.value(), record.partition(), record.offset(), now);
        }
      }
      lastOfPartition.forEach(
          (partition, message) ->
              checkpoints
                  .computeIfAbsent(partition, p -> new ArrayDeque<>())
                  .addLast(new Checkpoint(message.record().offset(), message.committableOffset())));
      List<ClosedBlock> due = buffer.closeDue(now);
      ConsumerMessage.CommittableOffsetBatch commit = committable();
      metrics.open(buffer.openPoints(), buffer.openBlocks());
      // After the writes before, which a failure elsewhere in a failed incarnation's stream leaves
      // running: a block it read before this write must not be put back over it afterwards.
      CompletableFuture<Done> written =
          inFlight
              .get()
              .handle((done, failure) -> done)
              .thenCompose(d -> CompletableFuture.allOf(newTags.toArray(CompletableFuture[]::new)))
              .thenCompose(v -> writes.write(due))
              .toCompletableFuture();
      inFlight.set(written);
      return written.thenApply(done -> commit);
    }

    /** Per partition, the newest checkpoint at or below what the buffer no longer holds. */
    private ConsumerMessage.CommittableOffsetBatch committable() {
      List<CommittableOffset> offsets = new ArrayList<>();
      checkpoints.forEach(
          (partition, queue) -> {
            long bound = buffer.committable(partition, highestRead.get(partition));
            Checkpoint last = null;
            while (!queue.isEmpty() && queue.peekFirst().offset() <= bound) {
              last = queue.pollFirst();
            }
            if (last != null) {
              offsets.add(last.committable());
            }
          });
      return ConsumerMessage.createCommittableOffsetBatch(offsets);
    }
  }
}
