package io.vitrum.http.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.live.LiveEvents;
import io.vitrum.core.live.LiveTopic;
import io.vitrum.http.auth.HsSecret;
import io.vitrum.http.testing.Schemas;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes of one cluster in this JVM: a WebSocket client on node A receives what happens on node
 * B, both published there through {@link LiveEvents} and raised by a furnace entity that B hosts.
 */
@ExtendWith(LogCapturingExtension.class)
class WsTwoNodeTest {
  private static final Duration ASK = Duration.ofSeconds(10);
  private static WsTestNode a;
  private static WsTestNode b;

  @BeforeAll
  static void start() throws Exception {
    HsSecret secret = HsSecret.random();
    a = WsTestNode.start("WsTwoNodeTest", ConfigFactory.empty(), secret, Optional.empty());
    b = WsTestNode.start("WsTwoNodeTest", ConfigFactory.empty(), secret, Optional.of(a.address()));
    TestProbe.create(a.system())
        .awaitAssert(
            Duration.ofSeconds(30),
            () -> {
              assertEquals(
                  2,
                  Cluster.get(a.system()).state().getMembers().spliterator().estimateSize(),
                  "both nodes joined");
              return null;
            });
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  @Test
  void aClientOnOneNodeReceivesEventsOfTheOther() throws Exception {
    try (WsTestClient client = a.connect()) {
      client.send("{\"type\":\"auth\",\"token\":\"" + a.token("carol", "*") + "\"}");
      assertEquals("authenticated", client.next().path("type").asText());
      client.send("{\"type\":\"subscribe\",\"topics\":[\"alerts\"]}");
      assertEquals("subscribed", client.next().path("type").asText());

      // Published on B: repeated until B's topic has seen A's subscriber in the receptionist.
      LiveEvents bLive = LiveEvents.get(b.system());
      JsonNode warm =
          TestProbe.create(a.system())
              .awaitAssert(
                  WsTestClient.WAIT,
                  Duration.ofMillis(200),
                  () -> {
                    bLive
                        .publisher()
                        .publish(
                            "alarm",
                            "W1",
                            "warm-up",
                            true,
                            Map.of(
                                "alarmId",
                                "warm-up",
                                "state",
                                "raised",
                                "at",
                                Instant.now().toString()),
                            LiveTopic.global(LiveTopic.ALERTS));
                    return client.received().stream()
                        .filter(m -> m.path("type").asText().equals("alarm"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no alarm from node B yet"));
                  });
      assertEquals("W1", warm.path("furnace").asText());

      String onB = furnaceHostedOn(b);
      ClusterSharding.get(b.system())
          .entityRefFor(Furnace.ENTITY_KEY, onB)
          .ask(
              (ActorRef<Confirmation> r) ->
                  new Furnace.RaiseAlarm("remote", "test", "high", "on B", Instant.now(), r),
              ASK)
          .toCompletableFuture()
          .get(ASK.toSeconds(), TimeUnit.SECONDS);
      JsonNode alarm =
          client.next(
              m ->
                  m.path("type").asText().equals("alarm")
                      && m.path("furnace").asText().equals(onB));
      assertEquals("remote", alarm.path("data").path("alarmId").asText());
      assertTrue(Schemas.validate("WsServerMessage", alarm).isEmpty());
    }
  }

  /** Starts furnaces until one lives on {@code node}, and returns its id. */
  private static String furnaceHostedOn(WsTestNode node) throws Exception {
    ClusterSharding sharding = ClusterSharding.get(node.system());
    for (int i = 0; i < 40; i++) {
      sharding
          .entityRefFor(Furnace.ENTITY_KEY, "R" + i)
          .ask(Furnace.GetState::new, ASK)
          .toCompletableFuture()
          .get(ASK.toSeconds(), TimeUnit.SECONDS);
    }
    TestProbe<ShardRegion.CurrentShardRegionState> probe = node.testKit().createTestProbe();
    sharding.shardState().tell(new GetShardRegionState(Furnace.ENTITY_KEY, probe.getRef()));
    Set<String> local =
        probe.receiveMessage(ASK).getShards().stream()
            .flatMap(s -> s.getEntityIds().stream())
            .collect(Collectors.toSet());
    return local.stream()
        .filter(id -> id.startsWith("R"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no furnace landed on " + node.address()));
  }
}
