package io.vitrum.streams.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.ml.RejectScore;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.KafkaTopics;
import io.vitrum.streams.ml.FramePixels;
import io.vitrum.streams.ml.ModelCard;
import io.vitrum.streams.ml.VisionClassifier;
import io.vitrum.streams.ml.VisionVerdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.kafka.ConsumerMessage.CommittableMessage;
import org.apache.pekko.kafka.ProducerMessage;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.Producer;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reject decision of every inspected item: frames from {@code vitrum.frames} (its own consumer
 * group), micro-batched ({@code groupedWithin}), classified by the vision model on the inference
 * dispatcher, one {@link InspectionDecision} per frame to {@code vitrum.inspection.decisions}.
 * Offsets are committed once the decisions are in Kafka, so a crash repeats decisions, never skips
 * one. A frame the model cannot read is rejected with its reason, never dropped; it does not stop
 * the stream.
 *
 * <p>Each decision is handed to {@code decided} as it is made (the line's reject output, {@link
 * RejectOutput}), before it reaches Kafka: an item is kicked as soon as possible. The node's {@link
 * RecentInspections} keeps the latest with their frames, for the API.
 *
 * <p>Frames with a {@code label} header (the true class: the simulated plant sends it, a plant's
 * later manual inspection could) score the active version and the shadow; each window of {@code
 * score-window} labelled frames is handed to {@code scored} (the Model entity's live quality).
 */
public final class InspectionDecisions {
  private static final Logger log = LoggerFactory.getLogger(InspectionDecisions.class);
  private static final ObjectWriter JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build()
          .writer();

  private final ActorSystem<?> system;
  private final KafkaSettings kafka;
  private final InferenceSettings settings;
  private final ServedModels models;
  private final InferenceMetrics metrics;
  private final BiConsumer<ModelRef, RejectScore> scored;
  private final java.util.function.Consumer<InspectionDecision> decided;
  private final RecentInspections recent;
  private final Map<ModelRef, RejectScore> scores = new HashMap<>();
  private final Clock clock;
  private final Executor executor;

  public InspectionDecisions(
      ActorSystem<?> system,
      KafkaSettings kafka,
      InferenceSettings settings,
      ServedModels models,
      InferenceMetrics metrics,
      BiConsumer<ModelRef, RejectScore> scored,
      java.util.function.Consumer<InspectionDecision> decided,
      Clock clock) {
    this.system = system;
    this.kafka = kafka;
    this.settings = settings;
    this.models = models;
    this.metrics = metrics;
    this.scored = scored;
    this.decided = decided;
    this.recent = RecentInspections.get(system);
    this.clock = clock;
    this.executor =
        system.dispatchers().lookup(DispatcherSelector.fromConfig(InferenceSettings.DISPATCHER));
  }

  /**
   * Runs until the kill switch is pulled; restarts from the last commit after a failure. Creates
   * the decisions topic when it is missing.
   */
  public UniqueKillSwitch start() {
    KafkaTopics.ensure(kafka, List.of(settings.decisionsTopic()))
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                log.warn("Cannot create {}: {}", settings.decisionsTopic(), error.toString());
              }
            });
    log.info(
        "Deciding rejects of {} with {} into {} (group {})",
        kafka.frames(),
        models.activeVersions().get(ServedModels.VISION),
        settings.decisionsTopic(),
        settings.inspectionGroupId());
    RestartSettings restart =
        RestartSettings.create(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    return RestartSource.onFailuresWithBackoff(
            restart,
            () ->
                Consumer.committableSource(
                        kafka.consumer(system, settings.inspectionGroupId()),
                        Subscriptions.topics(kafka.frames()))
                    .groupedWithin(settings.batchMax(), settings.batchDelay())
                    .mapAsync(
                        settings.parallelism(),
                        batch -> CompletableFuture.supplyAsync(() -> envelope(batch), executor))
                    .via(Producer.flexiFlow(kafka.producer(system)))
                    .map(ProducerMessage.Results::passThrough)
                    .via(Committer.flow(CommitterSettings.create(system))))
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.ignore(), Keep.left())
        .run(system);
  }

  private static ModelRef ref(VisionClassifier classifier) {
    ModelCard card = classifier.model().card();
    return new ModelRef(card.name(), card.version());
  }

  private ProducerMessage.Envelope<String, byte[], ConsumerMessage.Committable> envelope(
      List<CommittableMessage<String, byte[]>> batch) {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>(batch.size());
    List<ConsumerRecord<String, byte[]>> frames =
        batch.stream().map(CommittableMessage::record).toList();
    List<InspectionDecision> decisions = decide(frames);
    for (int i = 0; i < decisions.size(); i++) {
      InspectionDecision d = decisions.get(i);
      ConsumerRecord<String, byte[]> frame = frames.get(i);
      decided.accept(d);
      recent.add(RecentInspections.frameId(frame.partition(), frame.offset()), d, frame.value());
      out.add(new ProducerRecord<>(settings.decisionsTopic(), d.furnace(), encode(d)));
    }
    ConsumerMessage.CommittableOffsetBatch offsets =
        ConsumerMessage.createCommittableOffsetBatch(
            batch.stream().map(CommittableMessage::committableOffset).toList());
    return ProducerMessage.multi(out, offsets);
  }

  /**
   * The decisions for {@code frames}, in order: one batch through the active vision model for the
   * readable ones (and through the shadow, scored but never acted on).
   */
  public List<InspectionDecision> decide(List<ConsumerRecord<String, byte[]>> frames) {
    VisionClassifier vision =
        models.vision().orElseThrow(() -> new IllegalStateException("no vision model served"));
    int side = vision.side();
    int pixels = side * side;
    float[] input = new float[frames.size() * pixels];
    String[] unreadable = new String[frames.size()];
    int readable = 0;
    int[] slot = new int[frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      try {
        FramePixels.read(frames.get(i).value(), side, input, readable * pixels);
        slot[i] = readable++;
      } catch (IllegalArgumentException e) {
        unreadable[i] = e.getMessage();
      }
    }
    int count = readable;
    List<VisionVerdict> verdicts;
    try {
      verdicts = run(vision, input, count);
    } catch (RuntimeException e) {
      // Fail safe: the batch's items are rejected with the reason, the stream goes on.
      log.error("{} failed on a batch of {}: {}", ref(vision), count, e.toString());
      for (int i = 0; i < frames.size(); i++) {
        if (unreadable[i] == null) {
          unreadable[i] = "the model failed: " + e.getMessage();
        }
      }
      verdicts = List.of();
    }
    Optional<VisionClassifier> shadow = models.visionShadow().filter(s -> s.side() == side);
    List<VisionVerdict> shadowVerdicts = null;
    if (shadow.isPresent() && !verdicts.isEmpty()) {
      try {
        shadowVerdicts = run(shadow.get(), input, count);
      } catch (RuntimeException e) {
        log.warn("shadow {} failed on a batch: {}", ref(shadow.get()), e.toString());
      }
    }
    Instant now = clock.instant();
    ModelRef active = ref(vision);
    List<InspectionDecision> out = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      ConsumerRecord<String, byte[]> r = frames.get(i);
      String furnace = header(r, "furnace", r.key());
      String line = header(r, "line", furnace);
      long item = parseLong(header(r, "item", "-1"));
      Instant captured = parseInstant(header(r, "ts", null), r.timestamp());
      metrics.captureToDecision(Duration.between(captured, now));
      if (unreadable[i] != null) {
        out.add(
            new InspectionDecision(
                furnace,
                line,
                item,
                captured,
                now,
                InspectionDecision.UNREADABLE,
                null,
                null,
                true,
                active.toString(),
                unreadable[i]));
        continue;
      }
      VisionVerdict v = verdicts.get(slot[i]);
      out.add(
          new InspectionDecision(
              furnace,
              line,
              item,
              captured,
              now,
              v.label(),
              v.probability(),
              v.defectProbability(),
              v.reject(),
              active.toString(),
              null));
      String label = header(r, "label", null);
      if (label != null) {
        boolean defect = !label.equals("none");
        score(active, defect, v.reject());
        if (shadowVerdicts != null) {
          score(ref(shadow.get()), defect, shadowVerdicts.get(slot[i]).reject());
        }
      }
    }
    return out;
  }

  private List<VisionVerdict> run(VisionClassifier classifier, float[] input, int count) {
    if (count == 0) {
      return List.of();
    }
    long started = System.nanoTime();
    List<VisionVerdict> verdicts = classifier.classifyPixels(input, count);
    metrics.batch(ref(classifier).toString(), count, System.nanoTime() - started);
    return verdicts;
  }

  /**
   * Scores a decision of {@code version} against a labelled frame; every {@code score-window}
   * labelled frames, hands the window's score on and starts a new one.
   */
  private void score(ModelRef version, boolean defect, boolean rejected) {
    RejectScore done = null;
    synchronized (scores) {
      RejectScore s = scores.getOrDefault(version, RejectScore.EMPTY).add(defect, rejected);
      if (s.count() >= settings.scoreWindow()) {
        done = s;
        scores.remove(version);
      } else {
        scores.put(version, s);
      }
    }
    if (done != null) {
      scored.accept(version, done);
    }
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name, String fallback) {
    Header h = r.headers().lastHeader(name);
    return h == null ? fallback : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Instant parseInstant(String text, long recordTimestamp) {
    if (text != null) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        // fall back to the record's timestamp
      }
    }
    return Instant.ofEpochMilli(recordTimestamp);
  }

  private static byte[] encode(InspectionDecision d) {
    try {
      return JSON.writeValueAsBytes(d);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + d, e);
    }
  }
}
