package io.vitrum.actors;

import static io.vitrum.actors.testing.ClusterNodes.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SetpointRecord;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorSettings;
import io.vitrum.actors.testing.CassandraFixture;
import io.vitrum.actors.testing.ClusterNodes;
import io.vitrum.actors.twin.Twin;
import io.vitrum.actors.twin.TwinSettings;
import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.SetpointChange;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes in one JVM share furnaces, sensors and twins. A what-if asked on one node of a twin on
 * the other crosses Artery with the real serialization. When the second node leaves gracefully, its
 * shards move to the first, whose new entities recover their state from Cassandra.
 */
@ExtendWith({CassandraFixture.class, LogCapturingExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardHandoffIT {
  private static final String SYSTEM = "ShardHandoffIT";
  private static final int FURNACES = 20;
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

  private static ActorTestKit node1;
  private static ActorTestKit node2;

  @BeforeAll
  static void startCluster() {
    Config config =
        CassandraFixture.nodeConfig(
            ShardHandoffIT.class,
            ConfigFactory.parseString("pekko.cluster.sharding.rebalance-interval = 2s"));
    node1 = ActorTestKit.create(SYSTEM, config);
    ClusterNodes.joinAndAwaitUp(node1, ClusterNodes.address(node1));
    initEntities(node1, config);
    node2 = ActorTestKit.create(SYSTEM, config);
    ClusterNodes.joinAndAwaitUp(node2, ClusterNodes.address(node1));
    initEntities(node2, config);
  }

  private static void initEntities(ActorTestKit node, Config config) {
    Furnace.init(node.system(), FurnaceSettings.create(config));
    Sensor.init(node.system(), SensorSettings.create(config));
    TwinSettings twin = TwinSettings.create(config);
    Twin.init(node.system(), twin, DigitalTwin.container(twin.simulation()));
  }

  @AfterAll
  static void shutdown() {
    if (node2 != null) {
      node2.shutdownTestKit();
    }
    if (node1 != null) {
      node1.shutdownTestKit();
    }
  }

  @Test
  @Order(1)
  void aDayLongWhatIfAskedOnOneNodeOfATwinOnTheOtherAnswersInFull() {
    TestProbe<Object> probe = node1.createTestProbe();
    ClusterSharding sharding1 = ClusterSharding.get(node1.system());
    String remote =
        probe.awaitAssert(
            SETTLE_TIMEOUT,
            Duration.ofMillis(500),
            () -> {
              IntStream.rangeClosed(1, FURNACES)
                  .forEach(
                      i ->
                          ask(
                              sharding1.entityRefFor(Twin.ENTITY_KEY, twinId(i)),
                              Twin.GetState::new));
              Set<String> onNode2 = entityIds(node2, Twin.ENTITY_KEY);
              assertFalse(onNode2.isEmpty(), "no twin lives on node 2 yet");
              return onNode2.iterator().next();
            });

    Twin.WhatIfReply reply =
        ClusterNodes.ask(
            sharding1.entityRefFor(Twin.ENTITY_KEY, remote),
            replyTo ->
                new Twin.WhatIf(
                    List.of(SetpointChange.delta(SetpointParameter.CROWN_TEMPERATURE, 20)),
                    24 * 3600,
                    ClusterNodes.ASK_TIMEOUT,
                    replyTo));
    assertNull(reply.rejection(), () -> reply.rejection().toString());
    assertTrue(reply.scenario().delta().meltTopC() > 1, reply.scenario().delta().toString());
    Twin.ScenarioReply course =
        ClusterNodes.ask(
            sharding1.entityRefFor(Twin.ENTITY_KEY, remote),
            replyTo -> new Twin.GetScenario(reply.scenario().scenarioId(), replyTo));
    assertEquals(reply.scenario(), course.scenario());
    assertEquals(361, course.course().minutes().size(), "both courses crossed the node boundary");
    assertEquals(24 * 60.0, course.course().minutes().get(360), 1e-6);
    assertTrue(entityIds(node2, Twin.ENTITY_KEY).contains(remote), "it was remote all along");
  }

  private static String twinId(int i) {
    return "T" + CassandraFixture.runId() + "-" + i;
  }

  @Test
  @Order(2)
  void entitiesOfALeavingNodeRecoverOnTheRemainingOne() throws Exception {
    TestProbe<Object> probe = node1.createTestProbe();
    Address address1 = ClusterNodes.address(node1);
    Address address2 = ClusterNodes.address(node2);
    probe.awaitAssert(
        SETTLE_TIMEOUT,
        () -> {
          assertEquals(Set.of(address1, address2), members(node1, true));
          return null;
        });

    Map<String, Double> expected = new LinkedHashMap<>();
    IntStream.rangeClosed(1, FURNACES)
        .forEach(i -> expected.put("H" + CassandraFixture.runId() + "-" + i, 1560.0 + i));
    ClusterSharding sharding1 = ClusterSharding.get(node1.system());
    // The first change is the warm-up write (it creates keyspace and tables); a change to the
    // same value again is accepted without a new event, so retrying after a timeout is safe.
    expected.forEach(
        (id, value) -> {
          Confirmation reply =
              probe.awaitAssert(
                  SETTLE_TIMEOUT,
                  Duration.ofMillis(500),
                  () ->
                      ClusterNodes.<Furnace.Command, Confirmation>ask(
                          sharding1.entityRefFor(Furnace.ENTITY_KEY, id),
                          replyTo ->
                              new Furnace.ChangeSetpoint(
                                  "crownTemperature",
                                  value,
                                  SetpointOrigin.OPERATOR,
                                  "alice",
                                  "handoff " + id,
                                  replyTo)));
          assertInstanceOf(Confirmation.Accepted.class, reply, reply.toString());
        });

    Set<String> onNode2 =
        probe.awaitAssert(
            SETTLE_TIMEOUT,
            Duration.ofMillis(500),
            () -> {
              // A rebalance stops the entities of a moved shard; asking starts them where it lives.
              expected
                  .keySet()
                  .forEach(
                      id ->
                          ClusterNodes.<Furnace.Command, Furnace.FurnaceView>ask(
                              sharding1.entityRefFor(Furnace.ENTITY_KEY, id),
                              Furnace.GetState::new));
              ShardRegion.ClusterShardingStats stats = clusterShardingStats();
              assertEquals(
                  Set.of(address1, address2), stats.getRegions().keySet(), stats.toString());
              stats
                  .getRegions()
                  .forEach(
                      (address, region) ->
                          assertFalse(region.getStats().isEmpty(), "no shards on " + address));
              Set<String> ids = entityIds(node2, Furnace.ENTITY_KEY);
              assertFalse(ids.isEmpty(), "node 2 hosts none of the furnaces: " + stats);
              return ids;
            });
    assertTrue(expected.keySet().containsAll(onNode2), onNode2.toString());

    // Sensors and twins live on both nodes too; each gets state that only a checkpoint (on
    // passivation, as the shard hands off) or a journaled event can carry to the other node.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int i = 1; i <= FURNACES; i++) {
      String tag = "H" + CassandraFixture.runId() + "-" + i + ".crown.T1";
      String furnace = "H" + CassandraFixture.runId() + "-" + i;
      double value = 1500.0 + i;
      Confirmation configured =
          ask(
              sharding1.entityRefFor(Sensor.ENTITY_KEY, tag),
              replyTo ->
                  new Sensor.Configure(
                      new SensorConfig(furnace, "degC", 0, 1800, AlarmLimits.NONE), replyTo));
      assertInstanceOf(Confirmation.Accepted.class, configured, configured.toString());
      Sensor.ReadingsAck ack =
          ask(
              sharding1.entityRefFor(Sensor.ENTITY_KEY, tag),
              replyTo ->
                  new Sensor.RecordReadings(
                      List.of(new Sensor.Sample(now, value)), false, replyTo));
      assertEquals(1, ack.accepted(), ack.toString());
      String twin = twinId(i);
      Confirmation synced =
          ask(
              sharding1.entityRefFor(Twin.ENTITY_KEY, twin),
              replyTo -> new Twin.Sync(Map.of(), Map.of(), now, replyTo));
      assertInstanceOf(Confirmation.Accepted.class, synced, synced.toString());
    }
    Set<String> sensorsOnNode2 = entityIds(node2, Sensor.ENTITY_KEY);
    Set<String> twinsOnNode2 = entityIds(node2, Twin.ENTITY_KEY);
    assertFalse(sensorsOnNode2.isEmpty(), "some sensors live on node 2");
    assertFalse(twinsOnNode2.isEmpty(), "some twins live on node 2");

    Cluster.get(node2.system()).manager().tell(Leave.create(address2));
    node2
        .system()
        .getWhenTerminated()
        .toCompletableFuture()
        .get(SETTLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    probe.awaitAssert(
        SETTLE_TIMEOUT,
        () -> {
          assertEquals(Set.of(address1), members(node1, false), "node 2 is removed");
          return null;
        });

    ClusterSharding sharding = ClusterSharding.get(node1.system());
    for (Map.Entry<String, Double> furnace : expected.entrySet()) {
      Furnace.FurnaceView view =
          probe.awaitAssert(
              SETTLE_TIMEOUT,
              Duration.ofMillis(500),
              () ->
                  ask(
                      sharding.entityRefFor(Furnace.ENTITY_KEY, furnace.getKey()),
                      Furnace.GetState::new));
      assertEquals(furnace.getValue(), view.setpoints().get("crownTemperature"), view.toString());
      SetpointRecord record = view.changes().get("crownTemperature");
      assertEquals("alice", record.requestedBy());
      assertEquals("handoff " + furnace.getKey(), record.reason());
    }
    Set<String> onNode1 = entityIds(node1, Furnace.ENTITY_KEY);
    assertTrue(
        onNode1.containsAll(onNode2),
        "the furnaces of node 2 now live on node 1: " + onNode1 + " vs " + onNode2);

    for (String tag : sensorsOnNode2) {
      Sensor.SensorView view =
          ask(sharding.entityRefFor(Sensor.ENTITY_KEY, tag), Sensor.GetState::new);
      assertEquals(1, view.window().accepted(), "the reading came along: " + tag);
      assertEquals(now, view.window().lastTs());
    }
    for (String twin : twinsOnNode2) {
      Twin.TwinView view = ask(sharding.entityRefFor(Twin.ENTITY_KEY, twin), Twin.GetState::new);
      assertEquals(now, view.lastSyncAt(), "the sync came along: " + twin);
    }
  }

  private static ShardRegion.ClusterShardingStats clusterShardingStats() {
    TestProbe<ShardRegion.ClusterShardingStats> reply = node1.createTestProbe();
    ClusterSharding.get(node1.system())
        .shardState()
        .tell(
            new GetClusterShardingStats(Furnace.ENTITY_KEY, Duration.ofSeconds(5), reply.getRef()));
    ShardRegion.ClusterShardingStats stats = reply.receiveMessage(Duration.ofSeconds(10));
    reply.stop();
    return stats;
  }

  private static Set<String> entityIds(ActorTestKit node, EntityTypeKey<?> type) {
    TestProbe<ShardRegion.CurrentShardRegionState> reply = node.createTestProbe();
    ClusterSharding.get(node.system())
        .shardState()
        .tell(new GetShardRegionState(type, reply.getRef()));
    ShardRegion.CurrentShardRegionState state = reply.receiveMessage(Duration.ofSeconds(10));
    reply.stop();
    Set<String> ids = new HashSet<>();
    state.getShards().forEach(shard -> ids.addAll(shard.getEntityIds()));
    return ids;
  }

  /** The addresses of the members that {@code node} sees (only those up, if {@code upOnly}). */
  private static Set<Address> members(ActorTestKit node, boolean upOnly) {
    Set<Address> addresses = new HashSet<>();
    Cluster.get(node.system())
        .state()
        .getMembers()
        .forEach(
            member -> {
              if (!upOnly || member.status() == MemberStatus.up()) {
                addresses.add(member.address());
              }
            });
    return addresses;
  }
}
