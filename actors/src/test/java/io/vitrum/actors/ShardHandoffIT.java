package io.vitrum.actors;

import static io.vitrum.actors.testing.ClusterNodes.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SetpointRecord;
import io.vitrum.actors.testing.CassandraFixture;
import io.vitrum.actors.testing.ClusterNodes;
import io.vitrum.core.plant.SetpointOrigin;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes in one JVM share the furnaces; when the second leaves gracefully, its shards move to
 * the first, whose new entities recover their setpoints from Cassandra.
 */
@ExtendWith({CassandraFixture.class, LogCapturingExtension.class})
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
    Furnace.init(node1.system(), FurnaceSettings.create(config));
    node2 = ActorTestKit.create(SYSTEM, config);
    ClusterNodes.joinAndAwaitUp(node2, ClusterNodes.address(node1));
    Furnace.init(node2.system(), FurnaceSettings.create(config));
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
              Set<String> ids = entityIds(node2);
              assertFalse(ids.isEmpty(), "node 2 hosts none of the furnaces: " + stats);
              return ids;
            });
    assertTrue(expected.keySet().containsAll(onNode2), onNode2.toString());

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
    Set<String> onNode1 = entityIds(node1);
    assertTrue(
        onNode1.containsAll(onNode2),
        "the furnaces of node 2 now live on node 1: " + onNode1 + " vs " + onNode2);
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

  private static Set<String> entityIds(ActorTestKit node) {
    TestProbe<ShardRegion.CurrentShardRegionState> reply = node.createTestProbe();
    ClusterSharding.get(node.system())
        .shardState()
        .tell(new GetShardRegionState(Furnace.ENTITY_KEY, reply.getRef()));
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
