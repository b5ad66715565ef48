package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.config.embedded.FreePort;
import io.vitrum.core.sim.DefectEvent;
import io.vitrum.core.sim.InspectionClass;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulatorConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** MIK-1 frames: what goes to Kafka, and that a Kafka outage never holds the simulation up. */
class FramePublisherTest {
  private static final double ITEMS_PER_MINUTE = 330;
  private static final byte[] PGM_HEADER = "P5\n64 64\n255\n".getBytes(StandardCharsets.US_ASCII);

  private static PlantTick aMinuteOfTwoLines() {
    PlantSimulator simulator =
        new PlantSimulator(
            SimulatorConfig.of(2, 3)
                .withStart(Instant.parse("2026-03-01T08:00:00Z"))
                .withItemsPerMinute(ITEMS_PER_MINUTE));
    return new SimulatedPlant(simulator, new SetpointInbox(Set.of("F1", "F2"), 1)).advance(60);
  }

  private static String header(ProducerRecord<String, byte[]> record, String key) {
    Header h = record.headers().lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void everyInspectedItemBecomesOneLabelledPgmFrame() throws Exception {
    PlantTick minute = aMinuteOfTwoLines();
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    try (FramePublisher frames =
        new FramePublisher(
            () -> producer,
            "frames-test",
            "mock",
            List.of("F1", "F2"),
            ITEMS_PER_MINUTE,
            3,
            2000)) {
      frames.start();
      frames.onTick(minute);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (frames.sent() < 660 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }

    List<ProducerRecord<String, byte[]>> records = producer.history();
    assertEquals(660, records.size(), "330 items a minute on each of two lines");
    Map<String, Long> lastItem = new HashMap<>();
    Map<String, Integer> rejects = new HashMap<>();
    for (ProducerRecord<String, byte[]> r : records) {
      assertEquals("frames-test", r.topic());
      assertEquals(r.key(), header(r, "furnace"));
      assertEquals(r.key(), header(r, "line"));
      long item = Long.parseLong(header(r, "item"));
      assertEquals(lastItem.getOrDefault(r.key(), 0L) + 1, item, "items numbered in order");
      lastItem.put(r.key(), item);
      Instant ts = Instant.parse(header(r, "ts"));
      assertEquals(ts.toEpochMilli(), r.timestamp());
      InspectionClass label = InspectionClass.byLabel(header(r, "label")).orElseThrow();
      if (label.isDefect()) {
        rejects.merge(r.key(), 1, Integer::sum);
      }
      byte[] start = new byte[PGM_HEADER.length];
      System.arraycopy(r.value(), 0, start, 0, start.length);
      assertArrayEquals(PGM_HEADER, start);
      assertEquals(PGM_HEADER.length + 64 * 64, r.value().length);
    }
    Map<String, Integer> defects = new HashMap<>();
    for (PlantStep step : minute.steps()) {
      for (DefectEvent d : step.defects()) {
        defects.merge(d.furnace(), 1, Integer::sum);
      }
    }
    assertEquals(defects, rejects, "each rejected item of the simulator is one defect frame");
  }

  @Test
  void whileKafkaIsUnreachableFramesAreDroppedAndCountedNotWaitedFor() {
    int capacity = 5;
    String deadBroker = "127.0.0.1:" + FreePort.pick();
    FramePublisher frames =
        new FramePublisher(
            () -> FramePublisher.kafkaProducer(deadBroker),
            "frames-test",
            deadBroker,
            List.of("F1", "F2"),
            ITEMS_PER_MINUTE,
            3,
            capacity);
    try {
      frames.start();
      frames.onTick(aMinuteOfTwoLines());

      assertEquals(0, frames.sent());
      assertTrue(
          frames.dropped() >= 660 - capacity - 1,
          "all but the queued frames are dropped: " + frames.counters());
    } finally {
      frames.close();
    }
  }
}
