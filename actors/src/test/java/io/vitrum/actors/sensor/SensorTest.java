package io.vitrum.actors.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.testing.TestConfigs;
import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.AnomalyLevel;
import io.vitrum.core.plant.ReadingCheck;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogCapturingExtension.class)
class SensorTest {
  private static final String TAG = "F1.crown.T3";
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static ActorTestKit testKit;
  private static final SensorSettings SETTINGS =
      new SensorSettings(
          Duration.ofMinutes(1),
          5,
          Duration.ofMinutes(10),
          new ReadingCheck.TimeBounds(Instant.parse("2000-01-01T00:00:00Z"), Duration.ofMinutes(5)),
          3,
          4);
  private static final SensorConfig CONFIG =
      new SensorConfig("F1", "degC", 0, 1800, new AlarmLimits(1400.0, 1600.0, 5));

  private EventSourcedBehaviorTestKit<Sensor.Command, Sensor.Event, Sensor.State> kit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(TestConfigs.eventSourcedUnitTest());
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private Behavior<Sensor.Command> sensor(String tag) {
    return Sensor.create(
        tag,
        SETTINGS,
        new EntityMetrics(new SimpleMeterRegistry(), "sensor"),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @BeforeEach
  void setUp() {
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(), sensor(TAG), TestConfigs.unserializedCommands());
    kit.clear();
  }

  private CommandResultWithReply<Sensor.Command, Sensor.Event, Sensor.State, Confirmation>
      configure(SensorConfig config) {
    return kit.runCommand(replyTo -> new Sensor.Configure(config, replyTo));
  }

  private CommandResultWithReply<Sensor.Command, Sensor.Event, Sensor.State, Sensor.ReadingsAck>
      record(boolean checkpoint, double... values) {
    List<Sensor.Sample> samples =
        IntStream.range(0, values.length)
            .mapToObj(i -> new Sensor.Sample(NOW.minusSeconds(values.length - i), values[i]))
            .toList();
    return kit.runCommand(replyTo -> new Sensor.RecordReadings(samples, checkpoint, replyTo));
  }

  private Sensor.SensorView view() {
    return kit.<Sensor.SensorView>runCommand(Sensor.GetState::new).reply();
  }

  @Test
  void configuresAndIsIdempotent() {
    var first = configure(CONFIG);
    assertInstanceOf(Confirmation.Accepted.class, first.reply());
    assertEquals(CONFIG, first.eventOfType(Sensor.SensorConfigured.class).config());
    assertInstanceOf(Sensor.Configured.class, first.state());

    var again = configure(CONFIG);
    assertEquals(new Confirmation.Accepted("unchanged"), again.reply());
    assertTrue(again.hasNoEvents());
  }

  @Test
  void rejectsAnInvalidConfigurationWithoutPersisting() {
    var result = configure(new SensorConfig("F2", "degC", 100, 0, null));
    Confirmation.Rejected rejected = assertInstanceOf(Confirmation.Rejected.class, result.reply());
    assertEquals(RejectionCode.INVALID_CONFIG, rejected.rejection().code());
    String reason = rejected.rejection().reason();
    assertTrue(reason.contains("does not match"), reason);
    assertTrue(reason.contains("min must be below max"), reason);
    assertTrue(result.hasNoEvents());
    assertInstanceOf(Sensor.Unconfigured.class, result.state());
  }

  @Test
  void rejectsReadingsWhileUnconfigured() {
    var result = record(false, 1500);
    assertEquals(0, result.reply().accepted());
    assertEquals(RejectionCode.NOT_CONFIGURED, result.reply().rejected().get(0).rejection().code());
    assertTrue(result.hasNoEvents());
  }

  @Test
  void acceptsReadingsWithoutAnEventPerReading() {
    configure(CONFIG);
    var result = record(false, 1500, 1510, 1520);
    assertEquals(3, result.reply().accepted());
    assertTrue(result.hasNoEvents(), "below the checkpoint threshold nothing is journaled");
    Sensor.SensorView view = view();
    assertEquals(1520, view.window().lastValue());
    assertEquals(3, view.window().accepted());
    assertEquals(1510, view.window().stats().current().mean(), 1e-9);
  }

  @Test
  void rejectsBadReadingsIndividuallyAndKeepsTheGoodOnes() {
    configure(CONFIG);
    var result = record(false, 1500, Double.NaN, -5, 1900, 1505);
    assertEquals(2, result.reply().accepted());
    List<String> codes =
        result.reply().rejected().stream().map(r -> r.rejection().code().wire()).toList();
    assertEquals(List.of("not-finite", "below-physical-min", "above-physical-max"), codes);
    assertEquals(List.of(1, 2, 3), result.reply().rejected().stream().map(r -> r.index()).toList());
    assertEquals(1505, view().window().lastValue());
    assertEquals(3, view().window().rejected());
  }

  @Test
  void rejectsReadingsFromTheFutureAndOutOfOrder() {
    configure(CONFIG);
    List<Sensor.Sample> samples =
        List.of(
            new Sensor.Sample(NOW, 1500),
            new Sensor.Sample(NOW.minusSeconds(10), 1501),
            new Sensor.Sample(NOW.plus(Duration.ofHours(1)), 1502));
    Sensor.ReadingsAck ack =
        kit.<Sensor.ReadingsAck>runCommand(
                replyTo -> new Sensor.RecordReadings(samples, false, replyTo))
            .reply();
    assertEquals(1, ack.accepted());
    assertEquals(
        List.of("not-newer-than-last", "timestamp-in-future"),
        ack.rejected().stream().map(r -> r.rejection().code().wire()).toList());
  }

  @Test
  void aTimestampFromBeforeTheEarliestAcceptedIsRejectedNotACrash() {
    configure(CONFIG);
    Sensor.ReadingsAck ack =
        kit.<Sensor.ReadingsAck>runCommand(
                replyTo ->
                    new Sensor.RecordReadings(
                        List.of(
                            new Sensor.Sample(Instant.parse("-999999999-01-01T00:00:00Z"), 1500),
                            new Sensor.Sample(NOW, 1501)),
                        false,
                        replyTo))
            .reply();
    assertEquals(1, ack.accepted(), "the good reading in the same batch is kept");
    assertEquals(RejectionCode.TIMESTAMP_TOO_OLD, ack.rejected().get(0).rejection().code());
    assertEquals(1501, view().window().lastValue());
  }

  @Test
  void aUnitThatCannotBeStoredIsAnInvalidConfiguration() {
    var result = configure(new SensorConfig("F1", "deg\ud800", 0, 1800, null));
    Confirmation.Rejected rejected = assertInstanceOf(Confirmation.Rejected.class, result.reply());
    assertEquals(RejectionCode.INVALID_CONFIG, rejected.rejection().code());
    assertTrue(result.hasNoEvents());
  }

  @Test
  void passivationCheckpointsReadingsNotYetCheckpointed() {
    String tag = "F1.crown.T9";
    ActorRef<Sensor.Command> sensor = testKit.spawn(sensor(tag));
    TestProbe<Object> probe = testKit.createTestProbe();
    sensor.tell(new Sensor.Configure(CONFIG, probe.getRef().narrow()));
    probe.expectMessageClass(Confirmation.Accepted.class);
    sensor.tell(
        new Sensor.RecordReadings(
            List.of(new Sensor.Sample(NOW.minusSeconds(2), 1500), new Sensor.Sample(NOW, 1510)),
            false,
            probe.getRef().narrow()));
    assertEquals(2, probe.expectMessageClass(Sensor.ReadingsAck.class).accepted());

    sensor.tell(Sensor.Passivate.INSTANCE);
    probe.expectTerminated(sensor);
    ActorRef<Sensor.Command> again = testKit.spawn(sensor(tag));
    again.tell(new Sensor.GetState(probe.getRef().narrow()));
    Sensor.SensorView view = probe.expectMessageClass(Sensor.SensorView.class);
    assertEquals(1510, view.window().lastValue(), "nothing accepted is lost by passivation");
    assertEquals(2, view.window().accepted());
  }

  @Test
  void aFailedCheckpointTellsTheSenderItsReadingsWereNotStored() {
    configure(CONFIG);
    kit.persistenceTestKit().failNextPersisted();
    Sensor.ReadingsAck ack = record(true, 1500, 1510).reply();
    assertEquals(0, ack.accepted());
    assertEquals(2, ack.rejected().size());
    assertEquals(RejectionCode.PERSIST_FAILED, ack.rejected().get(0).rejection().code());
    assertNull(view().window().lastValue(), "the entity restarted from its last checkpoint");
  }

  @Test
  void checkpointsWhenAskedAndAfterEnoughReadings() {
    configure(CONFIG);
    var asked = record(true, 1500);
    assertEquals(1, asked.events().size());
    assertEquals(1500, asked.eventOfType(Sensor.WindowCheckpointed.class).window().lastValue());

    var many =
        kit.<Sensor.ReadingsAck>runCommand(
            replyTo ->
                new Sensor.RecordReadings(
                    IntStream.range(0, 5)
                        .mapToObj(i -> new Sensor.Sample(NOW.minusMillis(500 - i * 10L), 1501 + i))
                        .toList(),
                    false,
                    replyTo));
    assertEquals(5, many.reply().accepted());
    assertEquals(1, many.events().size(), "5 readings reach checkpoint-every-readings");
  }

  @Test
  void raisesAndClearsTheAnomalyWithHysteresis() {
    configure(CONFIG);
    var raised = record(false, 1590, 1605, 1598);
    Sensor.AnomalyRaised event = raised.eventOfType(Sensor.AnomalyRaised.class);
    assertEquals(AnomalyLevel.HIGH, event.level());
    assertEquals(1605, event.value());
    assertEquals(AnomalyLevel.HIGH, view().anomaly(), "1598 is inside the deadband");

    var cleared =
        kit.<Sensor.ReadingsAck>runCommand(
            replyTo ->
                new Sensor.RecordReadings(List.of(new Sensor.Sample(NOW, 1590)), false, replyTo));
    assertInstanceOf(Sensor.AnomalyCleared.class, cleared.events().get(0));
    assertEquals(AnomalyLevel.NORMAL, view().anomaly());
  }

  @Test
  void tagsAnomalyTransitionsAndNothingElseWithTheSensorsSlice() throws Exception {
    configure(CONFIG);
    record(true, 1590, 1605);
    kit.<Sensor.ReadingsAck>runCommand(
        replyTo -> new Sensor.RecordReadings(List.of(new Sensor.Sample(NOW, 1590)), true, replyTo));

    String tag = Sensor.anomalyTags(SETTINGS).tagFor("Sensor|" + TAG);
    assertTrue(Sensor.anomalyTags(SETTINGS).tags().contains(tag), tag);
    List<Object> tagged = new ArrayList<>();
    for (String any : Sensor.anomalyTags(SETTINGS).tags()) {
      List<Object> events =
          PersistenceQuery.get(testKit.system())
              .getReadJournalFor(
                  PersistenceTestKitReadJournal.class, PersistenceTestKitReadJournal.Identifier())
              .currentEventsByTag(any, Offset.noOffset())
              .map(EventEnvelope::event)
              .runWith(Sink.seq(), testKit.system())
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
      assertTrue(any.equals(tag) || events.isEmpty(), any + " holds " + events);
      tagged.addAll(events);
    }
    assertEquals(2, tagged.size(), tagged.toString());
    assertInstanceOf(Sensor.AnomalyRaised.class, tagged.get(0));
    assertInstanceOf(Sensor.AnomalyCleared.class, tagged.get(1));
  }

  @Test
  void recoversConfigurationAnomalyAndCheckpointedWindow() {
    configure(CONFIG);
    record(true, 1500, 1620);
    kit.restart();
    Sensor.SensorView view = view();
    assertEquals(CONFIG, view.config());
    assertEquals(AnomalyLevel.HIGH, view.anomaly());
    assertEquals(1620, view.window().lastValue());
    assertEquals(2, view.window().accepted());
  }

  @Test
  void recoversFromSnapshotsAfterManyCheckpoints() {
    configure(CONFIG);
    for (int i = 0; i < 8; i++) {
      int k = i;
      kit.<Sensor.ReadingsAck>runCommand(
          replyTo ->
              new Sensor.RecordReadings(
                  List.of(new Sensor.Sample(NOW.minusSeconds(100 - k), 1500 + k)), true, replyTo));
    }
    kit.restart();
    assertEquals(1507, view().window().lastValue());
    assertEquals(8, view().window().accepted());
  }

  @Test
  void anUnconfiguredViewHasNoValues() {
    Sensor.SensorView view = view();
    assertNull(view.config());
    assertNull(view.window().lastValue());
  }
}
