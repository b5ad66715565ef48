package io.vitrum.actors;

import static io.vitrum.actors.testing.ClusterNodes.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Alarm;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SensorAnomalyToFurnaceAlarms;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.actors.projection.ProjectionSettings;
import io.vitrum.actors.projection.TagSlices;
import io.vitrum.actors.projection.TaggedProjection;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorSettings;
import io.vitrum.actors.testing.CassandraFixture;
import io.vitrum.actors.testing.ClusterNodes;
import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.SensorConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sensor anomalies reach their furnaces as alarms through the at-least-once projection, on a
 * single-node cluster over a real Cassandra: an anomaly shows as an alarm; one raised while the
 * furnace cannot be reached arrives after the node is replaced; and replaying every envelope again
 * (all offsets reset) leaves the furnace exactly as it was, event count included.
 */
@ExtendWith({CassandraFixture.class, LogCapturingExtension.class})
class FurnaceAlarmProjectionIT {
  private static final String SYSTEM = "FurnaceAlarmProjectionIT";
  private static final String RUN = CassandraFixture.runId();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SETTLED = Duration.ofSeconds(3);
  private static final AlarmLimits LIMITS = new AlarmLimits(1400.0, 1600.0, 5);

  private static Config config;
  private static TagSlices tags;
  private final List<ActorTestKit> nodes = new ArrayList<>();

  @BeforeAll
  static void configure() {
    // Tagged events visible after 200 ms instead of 2 s: a single writer node has no clock skew.
    config =
        CassandraFixture.nodeConfig(
            FurnaceAlarmProjectionIT.class,
            ConfigFactory.parseString(
                """
                pekko.persistence.cassandra.events-by-tag.eventual-consistency-delay = 200ms
                pekko.persistence.cassandra.query.refresh-interval = 200ms
                vitrum.projections.defaults {
                  save-offset-after-duration = 200ms
                  restart-backoff { min = 200ms, max = 2s }
                }
                """));
    tags = Sensor.anomalyTags(SensorSettings.create(config));
  }

  @AfterEach
  void shutdownNodes() {
    nodes.forEach(ActorTestKit::shutdownTestKit);
  }

  /** A single-node cluster with sensors and the projection, and furnaces if {@code furnaces}. */
  private ActorTestKit startNode(boolean furnaces) {
    ActorTestKit node = ActorTestKit.create(SYSTEM, config);
    nodes.add(node);
    VitrumMetrics.get(node.system()).registry().add(new SimpleMeterRegistry());
    ClusterNodes.joinAndAwaitUp(node, ClusterNodes.address(node));
    Sensor.init(node.system(), SensorSettings.create(config));
    if (furnaces) {
      Furnace.init(node.system(), FurnaceSettings.create(config));
    }
    SensorAnomalyToFurnaceAlarms.init(
        node.system(), tags, ProjectionSettings.create(config, SensorAnomalyToFurnaceAlarms.NAME));
    return node;
  }

  private static void stop(ActorTestKit node) {
    node.shutdownTestKit();
    assertTrue(node.system().getWhenTerminated().toCompletableFuture().isDone());
  }

  private static EntityRef<Sensor.Command> sensor(ActorTestKit node, String tag) {
    return ClusterSharding.get(node.system()).entityRefFor(Sensor.ENTITY_KEY, tag);
  }

  private static EntityRef<Furnace.Command> furnace(ActorTestKit node, String id) {
    return ClusterSharding.get(node.system()).entityRefFor(Furnace.ENTITY_KEY, id);
  }

  /** Configures sensor {@code tag}; the first one is the warm-up write, retried on a timeout. */
  private static void configureSensor(ActorTestKit node, String tag) {
    String furnaceId = tag.substring(0, tag.indexOf('.'));
    SensorConfig sensorConfig = new SensorConfig(furnaceId, "degC", 0, 1800, LIMITS);
    Confirmation reply =
        node.createTestProbe()
            .awaitAssert(
                TIMEOUT,
                Duration.ofMillis(500),
                () ->
                    ClusterNodes.<Sensor.Command, Confirmation>ask(
                        sensor(node, tag), replyTo -> new Sensor.Configure(sensorConfig, replyTo)));
    assertInstanceOf(Confirmation.Accepted.class, reply, reply.toString());
  }

  /** Records one reading and returns once the sensor persisted what it changed. */
  private static void read(ActorTestKit node, String tag, Instant ts, double value) {
    Sensor.ReadingsAck ack =
        ask(
            sensor(node, tag),
            replyTo ->
                new Sensor.RecordReadings(List.of(new Sensor.Sample(ts, value)), false, replyTo));
    assertEquals(1, ack.accepted(), ack.toString());
  }

  private static Furnace.FurnaceView awaitFurnace(
      ActorTestKit node, String id, java.util.function.Predicate<Furnace.FurnaceView> condition) {
    return node.createTestProbe()
        .awaitAssert(
            TIMEOUT,
            Duration.ofMillis(200),
            () -> {
              Furnace.FurnaceView view = ask(furnace(node, id), Furnace.GetState::new);
              assertTrue(condition.test(view), view.toString());
              return view;
            });
  }

  private static Optional<Alarm> alarm(Furnace.FurnaceView view, String alarmId) {
    return view.alarms().stream().filter(a -> a.alarmId().equals(alarmId)).findFirst();
  }

  private static Instant start() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
  }

  @Test
  void aSensorAnomalyShowsAsAnAlarmOnItsFurnaceAndClears() {
    String furnaceId = "PA" + RUN;
    String tag = furnaceId + ".crown.T1";
    ActorTestKit node = startNode(true);
    configureSensor(node, tag);
    Instant t0 = start();
    read(node, tag, t0, 1500);
    read(node, tag, t0.plusSeconds(1), 1620);

    Furnace.FurnaceView raised =
        awaitFurnace(node, furnaceId, v -> alarm(v, tag).map(Alarm::active).orElse(false));
    Alarm alarm = alarm(raised, tag).orElseThrow();
    assertEquals(tag, alarm.source());
    assertEquals("warning", alarm.severity());
    assertEquals(tag + " is high: 1620.0", alarm.message());
    assertEquals(t0.plusSeconds(1), alarm.raisedAt(), "stamped with the reading's time");

    read(node, tag, t0.plusSeconds(2), 1590);
    awaitFurnace(node, furnaceId, v -> alarm(v, tag).map(a -> !a.active()).orElse(false));
  }

  @Test
  void anAlarmRaisedWhileItsFurnaceIsAwayArrivesOnceTheNodeIsReplaced() {
    String furnaceId = "PB" + RUN;
    String tag = furnaceId + ".regen.L.top";
    // The only node persists the anomaly but hosts no furnaces (as while they restart): every
    // delivery fails and the projection retries with backoff. Then the node goes away.
    ActorTestKit first = startNode(false);
    configureSensor(first, tag);
    Instant t0 = start();
    read(first, tag, t0, 1630);
    first.createTestProbe().expectNoMessage(Duration.ofSeconds(2));
    stop(first);

    ActorTestKit second = startNode(true);
    Furnace.FurnaceView view =
        awaitFurnace(second, furnaceId, v -> alarm(v, tag).map(Alarm::active).orElse(false));
    assertEquals(t0, alarm(view, tag).orElseThrow().raisedAt());
    assertEquals(1, view.alarms().size(), view.toString());
  }

  @Test
  void replayingEveryEnvelopeAgainChangesNothingOnTheFurnace() throws Exception {
    String furnaceId = "PC" + RUN;
    String flapping = furnaceId + ".crown.T1";
    String steady = furnaceId + ".crown.T2";
    ActorTestKit node = startNode(true);
    configureSensor(node, flapping);
    configureSensor(node, steady);
    Instant t0 = start();
    // flapping: raised, cleared, raised again, acknowledged, cleared (no longer listed).
    read(node, flapping, t0, 1620);
    read(node, flapping, t0.plusSeconds(1), 1500);
    read(node, flapping, t0.plusSeconds(2), 1625);
    awaitFurnace(
        node,
        furnaceId,
        v ->
            alarm(v, flapping)
                .map(a -> a.active() && a.raisedAt().equals(t0.plusSeconds(2)))
                .orElse(false));
    Confirmation acked =
        ask(
            furnace(node, furnaceId),
            replyTo -> new Furnace.AcknowledgeAlarm(flapping, "carol", replyTo));
    assertInstanceOf(Confirmation.Accepted.class, acked, acked.toString());
    read(node, flapping, t0.plusSeconds(3), 1500);
    // steady: raised once, still active.
    read(node, steady, t0.plusSeconds(4), 1390);
    Furnace.FurnaceView before =
        awaitFurnace(
            node,
            furnaceId,
            v -> alarm(v, flapping).isEmpty() && alarm(v, steady).map(Alarm::active).orElse(false));
    List<String> eventsBefore = furnaceEvents(node, furnaceId);
    assertEquals(6, eventsBefore.size(), "3 raised, 2 cleared, 1 acknowledged: " + eventsBefore);
    Map<String, Optional<Offset>> offsetsBefore = awaitOffsetsSettled(node);
    stop(node);

    // A new node, every offset reset: the projection hands every anomaly to the furnaces again.
    ActorTestKit replaying = startNode(true);
    ProjectionManagement management = ProjectionManagement.get(replaying.system());
    for (String tag : tags.tags()) {
      ProjectionId id = TaggedProjection.projectionId(SensorAnomalyToFurnaceAlarms.NAME, tag);
      replaying
          .createTestProbe()
          .awaitAssert(
              TIMEOUT,
              Duration.ofMillis(500),
              () -> management.clearOffset(id).toCompletableFuture().get(5, TimeUnit.SECONDS));
    }
    replaying
        .createTestProbe()
        .awaitAssert(
            TIMEOUT,
            Duration.ofMillis(500),
            () -> {
              assertEquals(offsetsBefore, offsets(replaying), "replayed up to the same envelopes");
              return null;
            });

    assertEquals(before, ask(furnace(replaying, furnaceId), Furnace.GetState::new));
    assertEquals(eventsBefore, furnaceEvents(replaying, furnaceId), "no new furnace events");
    Counter raises =
        VitrumMetrics.get(replaying.system())
            .registry()
            .find("vitrum.entity.commands")
            .tags("entity", "furnace", "command", "RaiseAlarm", "outcome", "accepted")
            .counter();
    assertTrue(
        raises != null && raises.count() >= 3,
        "the furnace answered the replayed raises: " + (raises == null ? 0 : raises.count()));
  }

  /** Sequence number and type of each of the furnace's events in the journal. */
  private static List<String> furnaceEvents(ActorTestKit node, String furnaceId) throws Exception {
    return PersistenceQuery.get(node.system())
        .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier())
        .currentEventsByPersistenceId("Furnace|" + furnaceId, 0, Long.MAX_VALUE)
        .map(e -> e.sequenceNr() + ":" + e.event().getClass().getSimpleName())
        .runWith(Sink.seq(), node.system())
        .toCompletableFuture()
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The saved offset of every tag of the projection. */
  private static Map<String, Optional<Offset>> offsets(ActorTestKit node) throws Exception {
    ProjectionManagement management = ProjectionManagement.get(node.system());
    Map<String, Optional<Offset>> offsets = new LinkedHashMap<>();
    for (String tag : tags.tags()) {
      offsets.put(
          tag,
          management
              .<Offset>getOffset(
                  TaggedProjection.projectionId(SensorAnomalyToFurnaceAlarms.NAME, tag))
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS));
    }
    return offsets;
  }

  /**
   * The offsets once they have not changed for {@link #SETTLED} (longer than the tagged events'
   * consistency delay plus a query refresh, so no envelope is still on its way).
   */
  private static Map<String, Optional<Offset>> awaitOffsetsSettled(ActorTestKit node) {
    AtomicReference<Map<String, Optional<Offset>>> seen = new AtomicReference<>();
    AtomicLong since = new AtomicLong();
    return node.createTestProbe()
        .awaitAssert(
            TIMEOUT,
            Duration.ofMillis(500),
            () -> {
              Map<String, Optional<Offset>> now = offsets(node);
              if (!now.equals(seen.getAndSet(now))) {
                since.set(System.nanoTime());
              }
              assertFalse(now.values().stream().allMatch(Optional::isEmpty), now.toString());
              assertTrue(
                  System.nanoTime() - since.get() >= SETTLED.toNanos(), "offsets still moving");
              return now;
            });
  }
}
