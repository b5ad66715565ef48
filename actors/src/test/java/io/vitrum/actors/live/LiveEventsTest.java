package io.vitrum.actors.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.vitrum.core.live.LiveTopic;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogCapturingExtension.class)
class LiveEventsTest {
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit =
        ActorTestKit.create(
            ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void publishesRenderedEventsToEachTopicsSubscribers() throws Exception {
    LiveEvents live = LiveEvents.get(testKit.system());
    TestProbe<LiveEvent> furnace = testKit.createTestProbe();
    TestProbe<LiveEvent> alerts = testKit.createTestProbe();
    live.subscribe("furnace/F1", furnace.getRef());
    live.subscribe("alerts", alerts.getRef());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("alarmId", "a1");
    data.put("state", "raised");

    // Subscriptions are asynchronous: publish until the first arrives.
    LiveEvent first = null;
    for (int i = 0; i < 50 && first == null; i++) {
      live.publisher()
          .publish(
              "alarm", "F1", "a1", true, data, LiveTopic.global("alerts"), LiveTopic.furnace("F1"));
      first = alerts.expectMessageClass(LiveEvent.class, Duration.ofSeconds(3));
    }
    LiveEvent onFurnace = furnace.expectMessageClass(LiveEvent.class);
    assertEquals("alerts", first.topic());
    assertEquals("furnace/F1", onFurnace.topic());
    JsonNode json = new ObjectMapper().readTree(first.json());
    assertEquals("alarm", json.path("type").asText());
    assertEquals("alerts", json.path("topic").asText());
    assertEquals("F1", json.path("furnace").asText());
    assertEquals(first.publishedAtMillis(), json.path("ts").asLong());
    assertEquals("a1", json.path("data").path("alarmId").asText());

    live.unsubscribe("furnace/F1", furnace.getRef());
    furnace.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  void liveEventsSurviveSerialization() {
    new SerializationTestKit(testKit.system())
        .verifySerialization(
            new LiveEvent("sensors/F1.crown.T1", "sensor", "F1", "F1.crown.T1", false, "{}", 1L),
            true);
  }

  @Test
  void theNonePublisherRendersNothing() {
    LivePublisher.NONE.publish("sensor", "F1", "k", false, Map.of("v", 1), LiveTopic.furnace("F1"));
  }
}
