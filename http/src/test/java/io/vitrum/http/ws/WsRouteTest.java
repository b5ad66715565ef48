package io.vitrum.http.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.live.LiveEvents;
import io.vitrum.actors.live.LivePublisher;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.twin.Twin;
import io.vitrum.core.live.LiveTopic;
import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.http.auth.HsSecret;
import io.vitrum.http.testing.Schemas;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WebSocket against the node's real route on a real port, with the JDK's WebSocket client:
 * authentication, subscriptions and scope, refused messages, events from the real entities, and a
 * slow client next to a fast one. Every message the server sends is checked against the schemas of
 * {@code openapi/websocket.yaml}.
 */
@ExtendWith(LogCapturingExtension.class)
class WsRouteTest {
  private static final int MAX_CONFLATED = 64;
  private static final int MAX_RELIABLE = 32;
  private static final Duration ASK = Duration.ofSeconds(10);

  private static WsTestNode node;

  @BeforeAll
  static void start() throws Exception {
    node =
        WsTestNode.start(
            "WsRouteTest",
            ConfigFactory.parseString(
                """
                vitrum.ws.auth-timeout = 3s
                vitrum.ws.heartbeat-interval = 300ms
                vitrum.ws.max-message-size = 1KiB
                vitrum.ws.buffer.max-conflated = %d
                vitrum.ws.buffer.max-reliable = %d
                pekko.http.server.socket-options.so-send-buffer-size = 8KiB
                """
                    .formatted(MAX_CONFLATED, MAX_RELIABLE)),
            HsSecret.random(),
            Optional.empty());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static WsTestClient authenticated(String... furnaces) throws Exception {
    WsTestClient client = node.connect();
    client.send("{\"type\":\"auth\",\"token\":\"" + node.token("alice", furnaces) + "\"}");
    JsonNode reply = client.next();
    assertEquals("authenticated", reply.path("type").asText(), reply.toString());
    return client;
  }

  private static void subscribe(WsTestClient client, String... topics) throws Exception {
    StringBuilder list = new StringBuilder();
    for (String t : topics) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(t).append('"');
    }
    client.send("{\"type\":\"subscribe\",\"topics\":[" + list + "]}");
    JsonNode reply = client.nextOfType("subscribed");
    assertEquals(topics.length, reply.path("topics").size(), reply.toString());
  }

  private static void assertSchemaValid(WsTestClient client) {
    for (JsonNode message : client.received()) {
      Set<ValidationMessage> problems = Schemas.validate("WsServerMessage", message);
      assertTrue(problems.isEmpty(), message + " -> " + problems);
    }
  }

  private static Confirmation furnace(
      String id,
      java.util.function.Function<
              org.apache.pekko.actor.typed.ActorRef<Confirmation>, Furnace.Command>
          cmd)
      throws Exception {
    return ClusterSharding.get(node.system())
        .entityRefFor(Furnace.ENTITY_KEY, id)
        .ask(cmd::apply, ASK)
        .toCompletableFuture()
        .get(ASK.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void authenticatesByMessageAndDeliversEventsOfTheRealEntities() throws Exception {
    try (WsTestClient client = authenticated("F1")) {
      subscribe(client, "furnace/F1", "alerts", "sensors/F1.crown.T1", "twin/F1");

      furnace(
          "F1",
          r ->
              new Furnace.ChangeSetpoint(
                  "crownTemperature", 1570, SetpointOrigin.OPERATOR, "alice", "test", r));
      JsonNode setpoint = client.nextOfType("furnace");
      assertEquals("furnace/F1", setpoint.path("topic").asText());
      assertEquals("setpoint", setpoint.path("data").path("change").asText());
      assertEquals(1570.0, setpoint.path("data").path("value").asDouble());

      furnace("F1", r -> new Furnace.SetAutonomyMode(AutonomyMode.AUTONOMOUS, "alice", "test", r));
      assertEquals(
          "autonomy-mode", client.nextOfType("furnace").path("data").path("change").asText());

      furnace("F1", r -> new Furnace.RaiseAlarm("a1", "test", "high", "too hot", Instant.now(), r));
      JsonNode first = client.nextOfType("alarm");
      JsonNode second = client.nextOfType("alarm");
      assertEquals(
          Set.of("alerts", "furnace/F1"),
          Set.of(first.path("topic").asText(), second.path("topic").asText()));
      assertEquals("raised", first.path("data").path("state").asText());

      ClusterSharding sharding = ClusterSharding.get(node.system());
      sharding
          .entityRefFor(Sensor.ENTITY_KEY, "F1.crown.T1")
          .ask(
              (org.apache.pekko.actor.typed.ActorRef<Confirmation> r) ->
                  new Sensor.Configure(
                      new SensorConfig("F1", "degC", 0, 1800, AlarmLimits.NONE), r),
              ASK)
          .toCompletableFuture()
          .get(ASK.toSeconds(), TimeUnit.SECONDS);
      sharding
          .entityRefFor(Sensor.ENTITY_KEY, "F1.crown.T1")
          .ask(
              (org.apache.pekko.actor.typed.ActorRef<Sensor.ReadingsAck> r) ->
                  new Sensor.RecordReadings(
                      List.of(
                          new Sensor.Sample(Instant.now().minusMillis(20), 1500),
                          new Sensor.Sample(Instant.now().minusMillis(10), 1501.5)),
                      false,
                      r),
              ASK)
          .toCompletableFuture()
          .get(ASK.toSeconds(), TimeUnit.SECONDS);
      // The reading is published on both topics, in either order.
      Map<String, JsonNode> readings = new HashMap<>();
      while (readings.size() < 2) {
        JsonNode m = client.nextOfType("sensor");
        readings.put(m.path("topic").asText(), m);
      }
      JsonNode reading = readings.get("sensors/F1.crown.T1");
      assertEquals(1501.5, reading.path("data").path("value").asDouble(), "the batch's latest");
      assertEquals("F1.crown.T1", readings.get("furnace/F1").path("data").path("tag").asText());

      sharding
          .entityRefFor(Twin.ENTITY_KEY, "F1")
          .ask(
              (org.apache.pekko.actor.typed.ActorRef<Confirmation> r) ->
                  new Twin.Sync(Map.of(), Map.of(), Instant.now(), r),
              ASK)
          .toCompletableFuture()
          .get(ASK.toSeconds(), TimeUnit.SECONDS);
      JsonNode twin = client.nextOfType("twin");
      assertEquals("twin/F1", twin.path("topic").asText());
      assertEquals(1, twin.path("data").path("syncs").asLong());

      assertTrue(client.nextOfType("heartbeat").path("ts").asLong() > 0);
      client.send("{\"type\":\"unsubscribe\",\"topics\":[\"twin/F1\"]}");
      assertEquals("twin/F1", client.nextOfType("unsubscribed").path("topics").get(0).asText());
      assertSchemaValid(client);
    }
  }

  @Test
  void authenticatesByTheSubprotocolHeaderWithoutEchoingTheToken() throws Exception {
    String token = node.token("bob", "*");
    try (WsTestClient client = node.connect(List.of("vitrum.v1", "bearer." + token))) {
      assertEquals("vitrum.v1", client.subprotocol());
      JsonNode hello = client.next();
      assertEquals("authenticated", hello.path("type").asText());
      assertEquals("bob", hello.path("subject").asText());
      subscribe(client, "furnace/F9");
      assertSchemaValid(client);
    }
  }

  @Test
  void aTokenValidForAMonthKeepsItsConnection() throws Exception {
    // Longer than the scheduler's longest delay (about 24.8 days): the expiry timer is set in
    // steps.
    try (WsTestClient client = node.connect()) {
      client.send(
          "{\"type\":\"auth\",\"token\":\""
              + node.token(Duration.ofDays(30), "carol", "*")
              + "\"}");
      JsonNode hello = client.next();
      assertEquals("authenticated", hello.path("type").asText(), hello.toString());
      subscribe(client, "alerts");
    }
  }

  @Test
  void aBadTokenIsAnsweredAndClosed() throws Exception {
    double before = WsMetrics.get(node.system()).disconnects(WsMetrics.Reason.INVALID_TOKEN);
    try (WsTestClient client = node.connect()) {
      client.send("{\"type\":\"auth\",\"token\":\"not.a.jwt\"}");
      JsonNode error = client.next();
      assertEquals("error", error.path("type").asText());
      assertEquals("invalid-token", error.path("code").asText());
      client.awaitClose();
      assertSchemaValid(client);
    }
    try (WsTestClient client = node.connect(List.of("vitrum.v1", "bearer.x.y.z"))) {
      assertEquals("invalid-token", client.next().path("code").asText());
      client.awaitClose();
    }
    awaitCount(
        () -> WsMetrics.get(node.system()).disconnects(WsMetrics.Reason.INVALID_TOKEN), before + 2);
  }

  @Test
  void unauthenticatedClientsAreRefusedThenClosedAfterTheAuthTimeout() throws Exception {
    try (WsTestClient client = node.connect()) {
      client.send("{\"type\":\"subscribe\",\"topics\":[\"alerts\"]}");
      assertEquals("unauthenticated", client.next().path("code").asText());
      JsonNode timeout = client.next();
      assertEquals("unauthenticated", timeout.path("code").asText());
      client.awaitClose();
      assertSchemaValid(client);
    }
    awaitCount(() -> WsMetrics.get(node.system()).disconnects(WsMetrics.Reason.AUTH_TIMEOUT), 1);
  }

  @Test
  void furnacesOutsideTheScopeAreNotFoundAndGlobalTopicsAreFiltered() throws Exception {
    try (WsTestClient client = authenticated("S1")) {
      client.send(
          "{\"type\":\"subscribe\",\"topics\":[\"furnace/S2\",\"sensors/S2.crown.T1\",\"twin/S2\","
              + "\"weather\",\"alerts\"]}");
      Map<String, String> errors = new HashMap<>();
      for (int i = 0; i < 4; i++) {
        JsonNode e = client.nextOfType("error");
        errors.put(e.path("topic").asText(), e.path("code").asText());
      }
      assertEquals(
          Map.of(
              "furnace/S2", "not-found",
              "sensors/S2.crown.T1", "not-found",
              "twin/S2", "not-found",
              "weather", "unknown-topic"),
          errors);
      assertEquals(
          List.of("alerts"),
          List.of(client.nextOfType("subscribed").path("topics").get(0).asText()));

      furnace("S2", r -> new Furnace.RaiseAlarm("x", "test", "high", "hidden", Instant.now(), r));
      furnace("S1", r -> new Furnace.RaiseAlarm("y", "test", "high", "seen", Instant.now(), r));
      JsonNode alarm = client.nextOfType("alarm");
      assertEquals("S1", alarm.path("furnace").asText());
      assertTrue(
          client.received().stream().noneMatch(m -> m.path("furnace").asText().equals("S2")));
      assertSchemaValid(client);
    }
  }

  @Test
  void malformedTooLargeAndBinaryMessagesGetAnErrorAndTheConnectionGoesOn() throws Exception {
    try (WsTestClient client = authenticated("*")) {
      for (String bad :
          List.of(
              "not json",
              "[1,2]",
              "{\"type\":\"nope\"}",
              "{\"type\":\"subscribe\",\"topics\":\"alerts\"}",
              "{\"type\":\"subscribe\",\"topics\":[\"alerts\"" + " ".repeat(2000) + "]}")) {
        client.send(bad);
        JsonNode error = client.next();
        assertEquals("invalid-message", error.path("code").asText(), bad);
      }
      subscribe(client, "alerts");
      assertSchemaValid(client);
    }
    WsTestClient binary = authenticated("*");
    try (binary) {
      java.lang.reflect.Field f = WsTestClient.class.getDeclaredField("socket");
      f.setAccessible(true);
      ((java.net.http.WebSocket) f.get(binary))
          .sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true)
          .get(10, TimeUnit.SECONDS);
      assertEquals("invalid-message", binary.next().path("code").asText());
      subscribe(binary, "incidents");
    }
  }

  @Test
  void aSlowClientIsConflatedAndBoundedWhileAFastOneGetsTheLatestValues() throws Exception {
    WsMetrics metrics = WsMetrics.get(node.system());
    LivePublisher live = LiveEvents.get(node.system()).publisher();
    int keys = 40;
    int rounds = 300;
    try (WsTestClient fast = authenticated("L1");
        WsTestClient slow = authenticated("L1")) {
      subscribe(fast, "furnace/L1");
      subscribe(slow, "furnace/L1", "alerts");
      slow.pause();
      double conflatedBefore = metrics.conflated();

      Map<String, Double> last = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < keys; k++) {
          String tag = "L1.zone.T" + k;
          double value = round * 1000 + k;
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("tag", tag);
          data.put("value", value);
          data.put("readingTs", Instant.now().toString());
          data.put("anomaly", "NORMAL");
          data.put("accepted", 1);
          live.publish("sensor", "L1", tag, false, data, LiveTopic.furnace("L1"));
          last.put(tag, value);
        }
        Thread.sleep(1); // paces the publisher; asserts nothing about time
      }

      Map<String, Double> seen = new HashMap<>();
      long deadline = System.nanoTime() + WsTestClient.WAIT.toNanos();
      while (!seen.equals(last) && System.nanoTime() < deadline) {
        JsonNode m = fast.nextOfType("sensor");
        seen.put(m.path("data").path("tag").asText(), m.path("data").path("value").asDouble());
      }
      assertEquals(last, seen, "the fast client ends with the latest value of every key");

      assertTrue(
          metrics.highWater() <= MAX_CONFLATED + MAX_RELIABLE,
          "no client's buffer held more than its bound: " + metrics.highWater());
      assertTrue(metrics.conflated() > conflatedBefore, "the slow client's telemetry conflated");
      assertTrue(
          slow.received().size() < keys * rounds / 2,
          "the slow client took only part: " + slow.received().size());

      // Alerts are never conflated: the slow client cannot take them and is disconnected.
      double slowBefore = metrics.disconnects(WsMetrics.Reason.SLOW_CONSUMER);
      for (int i = 0; i < MAX_RELIABLE * 20; i++) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alarmId", "flood-" + i);
        data.put("state", "raised");
        data.put("at", Instant.now().toString());
        live.publish("alarm", "L1", "flood-" + i, true, data, LiveTopic.global(LiveTopic.ALERTS));
      }
      awaitCount(() -> metrics.disconnects(WsMetrics.Reason.SLOW_CONSUMER), slowBefore + 1);
      slow.resume();
      JsonNode error = slow.next(m -> m.path("type").asText().equals("error"));
      assertEquals("slow-consumer", error.path("code").asText());
      slow.awaitClose();
      assertTrue(slow.received().stream().anyMatch(m -> m.path("type").asText().equals("sensor")));
      assertSchemaValid(slow);

      // The fast client is still served.
      live.publish(
          "sensor",
          "L1",
          "L1.zone.T0",
          false,
          Map.of(
              "tag",
              "L1.zone.T0",
              "value",
              -1.0,
              "readingTs",
              Instant.now().toString(),
              "anomaly",
              "NORMAL",
              "accepted",
              1),
          LiveTopic.furnace("L1"));
      assertEquals(
          -1.0,
          fast.next(m -> m.path("data").path("value").asDouble() == -1.0)
              .path("data")
              .path("value")
              .asDouble());
      assertSchemaValid(fast);
    }
  }

  @Test
  void theClientMessagesOfTheseTestsMatchTheirSchemas() {
    for (String client :
        List.of(
            "{\"type\":\"auth\",\"token\":\"a.b.c\"}",
            "{\"type\":\"subscribe\",\"topics\":[\"furnace/F1\",\"alerts\",\"sensors/F1.crown.T1\"]}",
            "{\"type\":\"unsubscribe\",\"topics\":[\"twin/F1\"]}")) {
      JsonNode node;
      try {
        node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(client);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      assertEquals(Set.of(), Schemas.validate("WsClientMessage", node), client);
    }
    JsonNode bad;
    try {
      bad =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree("{\"type\":\"subscribe\",\"topics\":[\"weather\"]}");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertTrue(!Schemas.validate("WsClientMessage", bad).isEmpty(), "an unknown topic");
  }

  /** Waits, at most {@link WsTestClient#WAIT}, until {@code value} reaches {@code atLeast}. */
  static void awaitCount(java.util.function.DoubleSupplier value, double atLeast) {
    TestProbe.create(node.system())
        .awaitAssert(
            WsTestClient.WAIT,
            () -> {
              assertTrue(
                  value.getAsDouble() >= atLeast,
                  "reached " + value.getAsDouble() + ", not " + atLeast);
              return null;
            });
  }
}
