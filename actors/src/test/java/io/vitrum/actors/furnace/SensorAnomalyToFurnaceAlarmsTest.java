package io.vitrum.actors.furnace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorWindow;
import io.vitrum.core.features.TumblingWindow;
import io.vitrum.core.plant.AnomalyLevel;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The handler against a probe as the furnace: what it asks, and that it waits for the reply. */
@ExtendWith(LogCapturingExtension.class)
class SensorAnomalyToFurnaceAlarmsTest {
  private static final String TAG = "F7.crown.T3";
  private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private static ActorTestKit testKit;
  private final List<String> askedFurnaces = new ArrayList<>();
  private TestProbe<Furnace.Command> furnace;
  private SensorAnomalyToFurnaceAlarms handler;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create();
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    furnace = testKit.createTestProbe(Furnace.Command.class);
    handler =
        new SensorAnomalyToFurnaceAlarms(
            id -> {
              askedFurnaces.add(id);
              return furnace.getRef();
            },
            TIMEOUT,
            testKit.system().scheduler());
  }

  private static EventEnvelope<Sensor.Event> envelope(long seqNr, Sensor.Event event) {
    return EventEnvelope.create(
        Offset.sequence(seqNr), "Sensor|" + TAG, seqNr, event, AT.toEpochMilli());
  }

  private static Done await(CompletableFuture<Done> done) throws Exception {
    return done.get(5, TimeUnit.SECONDS);
  }

  @Test
  void raisesTheSensorsAlarmOnItsFurnaceAndCompletesOnlyOnTheReply() throws Exception {
    CompletableFuture<Done> done =
        handler
            .process(envelope(3, new Sensor.AnomalyRaised(AnomalyLevel.HIGH, 1620.5, AT)))
            .toCompletableFuture();

    Furnace.RaiseAlarm raise = furnace.expectMessageClass(Furnace.RaiseAlarm.class);
    assertEquals(List.of("F7"), askedFurnaces, "the furnace is the tag's first segment");
    assertEquals(TAG, raise.alarmId());
    assertEquals(TAG, raise.source());
    assertEquals("warning", raise.severity());
    assertEquals("F7.crown.T3 is high: 1620.5", raise.message());
    assertEquals(AT, raise.at(), "stamped with the reading's time, not the delivery's");
    assertFalse(done.isDone(), "the offset must not advance before the furnace replied");

    raise.replyTo().tell(Confirmation.accepted("alarm raised"));
    assertEquals(Done.getInstance(), await(done));
  }

  @Test
  void clearsTheSensorsAlarm() throws Exception {
    CompletableFuture<Done> done =
        handler
            .process(envelope(4, new Sensor.AnomalyCleared(1580, AT.plusSeconds(9))))
            .toCompletableFuture();
    Furnace.ClearAlarm clear = furnace.expectMessageClass(Furnace.ClearAlarm.class);
    assertEquals(TAG, clear.alarmId());
    assertEquals(AT.plusSeconds(9), clear.at());
    clear.replyTo().tell(Confirmation.accepted("not active"));
    assertEquals(Done.getInstance(), await(done));
  }

  @Test
  void failsTheEnvelopeWhenTheFurnaceDoesNotReply() {
    CompletableFuture<Done> done =
        handler
            .process(envelope(5, new Sensor.AnomalyRaised(AnomalyLevel.LOW, 1390, AT)))
            .toCompletableFuture();
    furnace.expectMessageClass(Furnace.RaiseAlarm.class);
    ExecutionException failure = assertThrows(ExecutionException.class, () -> await(done));
    assertInstanceOf(TimeoutException.class, failure.getCause(), failure.toString());
  }

  @Test
  void aRejectionIsLoggedAndDoesNotStallTheProjection() throws Exception {
    CompletableFuture<Done> done =
        handler.process(envelope(6, new Sensor.AnomalyCleared(1500, AT))).toCompletableFuture();
    furnace
        .expectMessageClass(Furnace.ClearAlarm.class)
        .replyTo()
        .tell(Confirmation.rejected(RejectionCode.UNKNOWN_ALARM, "some reason"));
    assertEquals(Done.getInstance(), await(done));
  }

  @Test
  void aJournalFailureOfTheFurnaceFailsTheEnvelopeSoItIsDeliveredAgain() {
    CompletableFuture<Done> done =
        handler
            .process(envelope(8, new Sensor.AnomalyRaised(AnomalyLevel.HIGH, 1610, AT)))
            .toCompletableFuture();
    furnace
        .expectMessageClass(Furnace.RaiseAlarm.class)
        .replyTo()
        .tell(Confirmation.rejected(RejectionCode.PERSIST_FAILED, "the journal failed"));
    ExecutionException failure = assertThrows(ExecutionException.class, () -> await(done));
    assertTrue(failure.getCause().getMessage().contains("the journal failed"), failure::toString);
  }

  @Test
  void ignoresEventsThatAreNoAnomalyTransition() throws Exception {
    SensorWindow window =
        new SensorWindow(1500.0, AT, TumblingWindow.of(Duration.ofMinutes(1)), 1, 0);
    CompletableFuture<Done> done =
        handler
            .process(envelope(7, new Sensor.WindowCheckpointed(window, AT)))
            .toCompletableFuture();
    assertTrue(done.isDone());
    assertEquals(Done.getInstance(), await(done));
    furnace.expectNoMessage(Duration.ofMillis(100));
    assertTrue(askedFurnaces.isEmpty());
  }
}
