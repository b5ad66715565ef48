package io.vitrum.actors;

import static io.vitrum.actors.testing.ClusterNodes.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Alarm;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SensorAnomalyToFurnaceAlarms;
import io.vitrum.actors.furnace.SetpointRecord;
import io.vitrum.actors.projection.ProjectionSettings;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorSettings;
import io.vitrum.actors.testing.CassandraFixture;
import io.vitrum.actors.testing.ClusterNodes;
import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.AnomalyLevel;
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.plant.SetpointOrigin;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sensor and a furnace on a single-node cluster journal into a real Cassandra; after the whole
 * actor system is gone, a new one on the same keyspace recovers both entities' state.
 */
@ExtendWith({CassandraFixture.class, LogCapturingExtension.class})
class EntityRecoveryIT {
  private static final String SYSTEM = "EntityRecoveryIT";
  private static final String FURNACE_ID = "R" + CassandraFixture.runId();
  private static final String TAG = FURNACE_ID + ".crown.T3";
  private static final SensorConfig SENSOR_CONFIG =
      new SensorConfig(FURNACE_ID, "degC", 0, 1800, new AlarmLimits(1400.0, 1600.0, 5));
  private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);

  private static Config config;
  private static final List<ActorTestKit> nodes = new ArrayList<>();

  @BeforeAll
  static void configure() {
    config = CassandraFixture.nodeConfig(EntityRecoveryIT.class);
  }

  @AfterAll
  static void shutdown() {
    nodes.forEach(ActorTestKit::shutdownTestKit);
  }

  /** A new single-node cluster with the sensor and furnace entities and the alarm projection. */
  private static ActorTestKit startNode() {
    ActorTestKit node = ActorTestKit.create(SYSTEM, config);
    nodes.add(node);
    ClusterNodes.joinAndAwaitUp(node, ClusterNodes.address(node));
    SensorSettings sensorSettings = SensorSettings.create(config);
    Sensor.init(node.system(), sensorSettings);
    Furnace.init(node.system(), FurnaceSettings.create(config));
    SensorAnomalyToFurnaceAlarms.init(
        node.system(),
        Sensor.anomalyTags(sensorSettings),
        ProjectionSettings.create(config, SensorAnomalyToFurnaceAlarms.NAME));
    return node;
  }

  private static EntityRef<Sensor.Command> sensor(ActorTestKit node) {
    return ClusterSharding.get(node.system()).entityRefFor(Sensor.ENTITY_KEY, TAG);
  }

  private static EntityRef<Furnace.Command> furnace(ActorTestKit node) {
    return ClusterSharding.get(node.system()).entityRefFor(Furnace.ENTITY_KEY, FURNACE_ID);
  }

  @Test
  void aNewActorSystemRecoversSensorAndFurnaceFromCassandra() {
    ActorTestKit first = startNode();
    TestProbe<Object> probe = first.createTestProbe();
    EntityRef<Sensor.Command> sensor = sensor(first);
    EntityRef<Furnace.Command> furnace = furnace(first);

    // Warm-up write: the first persist also creates the keyspace and tables, which may outlast
    // an ask. Configure is idempotent, so repeating it after a timeout is safe.
    Confirmation configured =
        probe.awaitAssert(
            RECOVERY_TIMEOUT,
            Duration.ofMillis(500),
            () ->
                ClusterNodes.<Sensor.Command, Confirmation>ask(
                    sensor, replyTo -> new Sensor.Configure(SENSOR_CONFIG, replyTo)));
    assertInstanceOf(Confirmation.Accepted.class, configured);

    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3);
    Sensor.ReadingsAck normal =
        ask(
            sensor,
            replyTo ->
                new Sensor.RecordReadings(
                    List.of(
                        new Sensor.Sample(t0, 1500), new Sensor.Sample(t0.plusMillis(500), 1510)),
                    true,
                    replyTo));
    assertEquals(2, normal.accepted(), normal.toString());
    Instant anomalyTs = t0.plusSeconds(1);
    Sensor.ReadingsAck high =
        ask(
            sensor,
            replyTo ->
                new Sensor.RecordReadings(
                    List.of(new Sensor.Sample(anomalyTs, 1620)), true, replyTo));
    assertEquals(1, high.accepted(), high.toString());

    assertAccepted(
        ask(
            furnace,
            replyTo ->
                new Furnace.ChangeSetpoint(
                    "crownTemperature",
                    1580,
                    SetpointOrigin.OPERATOR,
                    "alice",
                    "seeds rising",
                    replyTo)));
    assertAccepted(
        ask(
            furnace,
            replyTo ->
                new Furnace.ChangeSetpoint(
                    "pullRate", 310, SetpointOrigin.INTEGRATOR, "mes", "order 4711", replyTo)));
    assertAccepted(
        ask(
            furnace,
            replyTo ->
                new Furnace.SetAutonomyMode(
                    AutonomyMode.SUPERVISED, "bob", "trial week", replyTo)));

    // The sensor's anomaly reaches the furnace as an alarm through the projection, after the
    // tagged-event query's eventual-consistency delay.
    Furnace.FurnaceView furnaceBefore =
        probe.awaitAssert(
            Duration.ofSeconds(30),
            () -> {
              Furnace.FurnaceView view = ask(furnace, Furnace.GetState::new);
              assertEquals(1, view.alarms().size(), view.toString());
              return view;
            });
    Sensor.SensorView sensorBefore = ask(sensor, Sensor.GetState::new);
    assertEquals(AnomalyLevel.HIGH, sensorBefore.anomaly());

    first.shutdownTestKit();
    assertTrue(
        first.system().getWhenTerminated().toCompletableFuture().isDone(),
        "the first system is gone");

    ActorTestKit second = startNode();
    TestProbe<Object> probe2 = second.createTestProbe();
    Sensor.SensorView sensorAfter =
        probe2.awaitAssert(
            RECOVERY_TIMEOUT,
            Duration.ofMillis(500),
            () -> ask(sensor(second), Sensor.GetState::new));
    assertEquals(SENSOR_CONFIG, sensorAfter.config());
    assertEquals(1620, sensorAfter.window().lastValue());
    assertEquals(anomalyTs, sensorAfter.window().lastTs());
    assertEquals(3, sensorAfter.window().accepted());
    assertEquals(AnomalyLevel.HIGH, sensorAfter.anomaly());
    assertEquals(anomalyTs, sensorAfter.anomalySince());
    assertEquals(sensorBefore, sensorAfter, "the whole view, window statistics included");

    Furnace.FurnaceView furnaceAfter =
        probe2.awaitAssert(
            RECOVERY_TIMEOUT,
            Duration.ofMillis(500),
            () -> ask(furnace(second), Furnace.GetState::new));
    assertEquals(1580, furnaceAfter.setpoints().get("crownTemperature"));
    assertEquals(310, furnaceAfter.setpoints().get("pullRate"));
    SetpointRecord crown = furnaceAfter.changes().get("crownTemperature");
    assertNotNull(crown, furnaceAfter.toString());
    assertEquals(SetpointOrigin.OPERATOR, crown.origin());
    assertEquals("alice", crown.requestedBy());
    assertEquals("seeds rising", crown.reason());
    SetpointRecord pull = furnaceAfter.changes().get("pullRate");
    assertEquals("mes", pull.requestedBy());
    assertEquals("order 4711", pull.reason());
    assertEquals(AutonomyMode.SUPERVISED, furnaceAfter.autonomyMode());
    Alarm alarm = furnaceAfter.alarms().get(0);
    assertEquals(TAG, alarm.alarmId());
    assertTrue(alarm.active());
    assertEquals(anomalyTs, alarm.raisedAt());
    assertEquals(furnaceBefore, furnaceAfter);
  }

  private static void assertAccepted(Confirmation confirmation) {
    assertInstanceOf(Confirmation.Accepted.class, confirmation, confirmation.toString());
  }
}
