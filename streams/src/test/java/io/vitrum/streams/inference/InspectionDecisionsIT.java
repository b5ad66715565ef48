package io.vitrum.streams.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.ml.RejectScore;
import io.vitrum.core.sim.FrameRenderer;
import io.vitrum.core.sim.InspectionClass;
import io.vitrum.core.sim.Pgm;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.testing.TestKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Frames on a real Kafka broker through the committed vision model to reject decisions on {@code
 * vitrum.inspection.decisions}: one decision per frame, unreadable frames rejected with their
 * reason (never dropped, the stream goes on), the labelled frames' live score handed on.
 */
@ExtendWith(LogCapturingExtension.class)
class InspectionDecisionsIT {
  private static final int FRAMES = 300;
  private static ActorSystem<Void> system;

  @BeforeAll
  static void start() {
    system = ActorSystem.create(Behaviors.empty(), "InspectionDecisionsIT");
  }

  @AfterAll
  static void stop() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }

  @Test
  void everyFrameGetsOneDecisionAndBadFramesAreRejectedWithTheirReason() throws Exception {
    String prefix = TestKafka.uniquePrefix("decisions");
    Config config =
        ConfigFactory.parseString(
                "vitrum.kafka.bootstrap-servers = \""
                    + TestKafka.bootstrapServers()
                    + "\"\nvitrum.inference.score-window = 100")
            .withFallback(ConfigFactory.load());
    KafkaSettings kafka = KafkaSettings.create(config).withTopicPrefix(prefix);
    InferenceSettings settings =
        InferenceSettings.create(config)
            .withTopicPrefix(prefix)
            .withModelsDir(Path.of("../models"));
    ServedModels models = ServedModels.open(settings);
    Map<ModelRef, RejectScore> scored = new ConcurrentHashMap<>();
    List<InspectionDecision> decided = new CopyOnWriteArrayList<>();

    FrameRenderer renderer = new FrameRenderer();
    SplittableRandom seeds = new SplittableRandom(0xDEC1_5105L);
    List<String> labels = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer =
        TestKafka.producer(TestKafka.bootstrapServers())) {
      for (int i = 0; i < FRAMES + 2; i++) {
        byte[] image;
        String label = null;
        if (i == 100) {
          image = "not an image".getBytes(StandardCharsets.UTF_8);
        } else if (i == 200) {
          image = Pgm.encode(new FrameRenderer(32).render(InspectionClass.NONE, 1));
        } else {
          InspectionClass c = InspectionClass.values()[i % InspectionClass.values().length];
          image = Pgm.encode(renderer.render(c, seeds.nextLong()));
          label = c.label();
        }
        labels.add(label);
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(kafka.frames(), "F1", image);
        r.headers().add("furnace", "F1".getBytes(StandardCharsets.UTF_8));
        r.headers().add("item", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
        r.headers().add("ts", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        if (label != null) {
          r.headers().add("label", label.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(r);
      }
      producer.flush();
    }
    UniqueKillSwitch stage =
        new InspectionDecisions(
                system,
                kafka,
                settings,
                models,
                new InferenceMetrics(new SimpleMeterRegistry()),
                scored::put,
                decided::add,
                Clock.systemUTC())
            .start();
    try {
      List<ConsumerRecord<String, byte[]>> decisions =
          TestKafka.readAll(
              TestKafka.bootstrapServers(),
              settings.decisionsTopic(),
              FRAMES + 2,
              Duration.ofSeconds(90));
      assertEquals(FRAMES + 2, decisions.size(), "one decision per frame");
      JsonMapper json = JsonMapper.builder().build();
      int agree = 0;
      for (ConsumerRecord<String, byte[]> record : decisions) {
        JsonNode d = json.readTree(record.value());
        int item = d.path("item").asInt();
        assertEquals("F1", d.path("furnace").asText());
        assertEquals("vision/1", d.path("model").asText(), d.toString());
        if (item == 100 || item == 200) {
          assertEquals("unreadable", d.path("label").asText(), d.toString());
          assertTrue(d.path("reject").asBoolean(), "an unreadable item is rejected");
          assertTrue(d.path("reason").asText().length() > 5, d.toString());
        } else {
          boolean defect = !labels.get(item).equals("none");
          agree += d.path("reject").asBoolean() == defect ? 1 : 0;
        }
      }
      assertTrue(agree >= FRAMES * 0.97, "decisions agree with the true classes: " + agree);
      long publishedRejects =
          decisions.stream().filter(r -> r.value() != null && rejects(json, r.value())).count();
      assertTrue(
          decided.size() >= FRAMES + 2, "each decision handed to the reject output: " + decided);
      assertEquals(
          publishedRejects,
          decided.stream()
              .filter(InspectionDecision::reject)
              .map(InspectionDecision::item)
              .distinct()
              .count(),
          "the rejects handed on are the ones published");
      RejectScore live = scored.get(new ModelRef("vision", "1"));
      assertTrue(live != null && live.count() == 100, "a live score per 100 labelled frames");
    } finally {
      stage.shutdown();
      models.close();
    }
  }

  private static boolean rejects(JsonMapper json, byte[] decision) {
    try {
      return json.readTree(decision).path("reject").asBoolean();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
