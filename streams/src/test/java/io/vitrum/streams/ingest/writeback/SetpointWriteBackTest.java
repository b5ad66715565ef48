package io.vitrum.streams.ingest.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SetpointRecord;
import io.vitrum.actors.furnace.SetpointWrite;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.FreeText;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.SetpointWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write-back handler against real Furnace entities (in-memory journal, events serialized) and
 * fake protocol writers: what it writes, how it retries, what the furnace records.
 */
@ExtendWith(LogCapturingExtension.class)
class SetpointWriteBackTest {
  private static final String CROWN = SetpointParameter.CROWN_TEMPERATURE.key();
  private static final Duration ASK = Duration.ofSeconds(5);

  /** Small backoffs: the tests assert outcomes, never durations. */
  private static final WriteBackSettings RETRIES =
      new WriteBackSettings(5, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));

  private static final AtomicInteger ids = new AtomicInteger();

  private static final Map<String, ActorRef<Furnace.Command>> furnaces = new ConcurrentHashMap<>();

  private static ActorTestKit testKit;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  static void start() {
    Config config =
        ConfigFactory.parseString(
                """
                pekko.actor.provider = local
                pekko.persistence.testkit.events.serialize = on
                pekko.persistence.testkit.snapshots.serialize = on
                """)
            .withFallback(PersistenceTestKitPlugin.getInstance().config())
            .withFallback(PersistenceTestKitSnapshotPlugin.config())
            .withFallback(ConfigFactory.load());
    testKit = ActorTestKit.create("SetpointWriteBackTest", config);
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  // ---- fixtures ----

  /** A new furnace entity with an id of its own. */
  private static String furnace() {
    String id = "WB" + ids.incrementAndGet();
    furnaces.put(
        id,
        testKit.spawn(
            Furnace.create(
                id,
                new FurnaceSettings(100),
                new EntityMetrics(new SimpleMeterRegistry(), "furnace"),
                Clock.systemUTC())));
    return id;
  }

  private static CompletionStage<Confirmation> askChange(String id, String parameter, double v) {
    return AskPattern.ask(
        furnaces.get(id),
        replyTo ->
            new Furnace.ChangeSetpoint(
                parameter, v, SetpointOrigin.OPERATOR, "alice", "test", replyTo),
        ASK,
        testKit.system().scheduler());
  }

  private static Furnace.FurnaceView view(String id) {
    return await(
        AskPattern.ask(furnaces.get(id), Furnace.GetState::new, ASK, testKit.system().scheduler()));
  }

  /** Changes a setpoint on the furnace; the event it persisted (as the journal holds it). */
  private static Furnace.SetpointChanged change(String id, String parameter, double value) {
    Confirmation reply = await(askChange(id, parameter, value));
    assertInstanceOf(Confirmation.Accepted.class, reply, reply::toString);
    SetpointRecord record = view(id).changes().get(parameter);
    return new Furnace.SetpointChanged(
        parameter, Double.NaN, value, record.origin(), record.requestedBy(), "test", record.at());
  }

  private static SetpointWrite write(String id, String parameter) {
    return view(id).writes().get(parameter);
  }

  private static EventEnvelope<Furnace.Event> envelope(String id, long seqNr, Furnace.Event e) {
    return EventEnvelope.create(Offset.sequence(seqNr), "Furnace|" + id, seqNr, e, 0L);
  }

  private static TagMapRow row(String furnace, SourceKind source, String address) {
    SetpointParameter p = SetpointParameter.CROWN_TEMPERATURE;
    return new TagMapRow(
        2,
        TagId.of(furnace, TagMapRow.SETPOINT_AREA, p.key()),
        furnace,
        p.unit(),
        p.min(),
        p.max(),
        null,
        null,
        source,
        address);
  }

  /** A tag map where {@code furnace}'s crown temperature is written over OPC UA. */
  private static TagMap opcua(String furnace) {
    return TagMap.EMPTY.with(
        List.of(row(furnace, SourceKind.OPCUA, "ns=2;s=" + furnace + ".setpoint." + CROWN)));
  }

  private SetpointWriteBack handler(
      TagMap map, WriteBackSettings settings, SetpointWriter... writers) {
    Map<SourceKind, SetpointWriter> byProtocol =
        Arrays.stream(writers)
            .collect(Collectors.toMap(SetpointWriter::protocol, Function.identity()));
    return new SetpointWriteBack(
        furnaces::get, () -> map, byProtocol, settings, ASK, testKit.system(), registry);
  }

  private SetpointWriteBack handler(TagMap map, SetpointWriter... writers) {
    return handler(map, RETRIES, writers);
  }

  private double count(String outcome) {
    var counter = registry.find("vitrum.write-back.changes").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  // ---- tests ----

  @Test
  void writesAnAcceptedChangeOnTheFirstTryAndRecordsItOnTheFurnace() {
    String id = furnace();
    FakeWriter opcua = FakeWriter.succeeding(SourceKind.OPCUA);
    FakeWriter modbus = FakeWriter.succeeding(SourceKind.MODBUS);
    Furnace.SetpointChanged changed = change(id, CROWN, 1580);
    assertEquals(SetpointWrite.Status.PENDING, write(id, CROWN).status());

    await(handler(opcua(id), opcua, modbus).process(envelope(id, 1, changed)));

    assertEquals(
        List.of(
            new FakeWriter.Call(
                id + ".setpoint." + CROWN, "ns=2;s=" + id + ".setpoint." + CROWN, 1580)),
        opcua.calls(),
        "written once, to the row's node, over the row's protocol");
    assertTrue(modbus.calls().isEmpty());
    SetpointWrite write = write(id, CROWN);
    assertEquals(SetpointWrite.Status.WRITTEN, write.status());
    assertEquals(1, write.attempts());
    assertEquals(1580, write.value());
    assertEquals(changed.at(), write.changedAt());
    assertEquals("opcua write to ns=2;s=" + id + ".setpoint." + CROWN, write.detail());
    assertEquals(1, count("written"));
  }

  @Test
  void retriesAFailingWriteUntilItGoesThrough() {
    String id = furnace();
    FakeWriter opcua = FakeWriter.failingFirst(SourceKind.OPCUA, 2, "Bad_NoCommunication");
    Furnace.SetpointChanged changed = change(id, CROWN, 1580);

    await(handler(opcua(id), opcua).process(envelope(id, 1, changed)));

    assertEquals(3, opcua.calls().size());
    SetpointWrite write = write(id, CROWN);
    assertEquals(SetpointWrite.Status.WRITTEN, write.status());
    assertEquals(3, write.attempts());
  }

  @Test
  void aWriteThatKeepsFailingIsRecordedAsFailedWithTheLastError() {
    String id = furnace();
    FakeWriter opcua =
        FakeWriter.failingFirst(SourceKind.OPCUA, Integer.MAX_VALUE, "Bad_OutOfRange");
    Furnace.SetpointChanged changed = change(id, CROWN, 1580);

    Done done = await(handler(opcua(id), opcua).process(envelope(id, 1, changed)));

    assertEquals(Done.getInstance(), done, "a failed write is an outcome, not a failed envelope");
    assertEquals(5, opcua.calls().size());
    SetpointWrite write = write(id, CROWN);
    assertEquals(SetpointWrite.Status.FAILED, write.status());
    assertEquals(5, write.attempts());
    assertEquals(
        "opcua write to ns=2;s="
            + id
            + ".setpoint.crownTemperature failed after 5 attempts:"
            + " Bad_OutOfRange",
        write.detail());
    assertEquals(1, count("failed"));
  }

  @Test
  void aTryThatTimesOutOrThrowsCountsAsAFailedTry() {
    String id = furnace();
    FakeWriter silent = new FakeWriter(SourceKind.OPCUA, n -> new CompletableFuture<>());
    Furnace.SetpointChanged changed = change(id, CROWN, 1580);
    WriteBackSettings impatient =
        new WriteBackSettings(
            2, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(100));

    await(handler(opcua(id), impatient, silent).process(envelope(id, 1, changed)));
    SetpointWrite write = write(id, CROWN);
    assertEquals(SetpointWrite.Status.FAILED, write.status());
    assertEquals(2, write.attempts());
    assertTrue(write.detail().endsWith(": no acknowledgement within 100 ms"), write.detail());

    String other = furnace();
    FakeWriter throwing =
        new FakeWriter(
            SourceKind.OPCUA,
            n -> {
              if (n == 1) {
                throw new IllegalArgumentException("not connected");
              }
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    await(handler(opcua(other), throwing).process(envelope(other, 1, change(other, CROWN, 1570))));
    assertEquals(SetpointWrite.Status.WRITTEN, write(other, CROWN).status());
    assertEquals(2, write(other, CROWN).attempts());
  }

  @Test
  void aChangeThatIsNoLongerCurrentIsNotWritten() {
    String id = furnace();
    FakeWriter opcua = FakeWriter.succeeding(SourceKind.OPCUA);
    Furnace.SetpointChanged first = change(id, CROWN, 1580);
    Furnace.SetpointChanged second = change(id, CROWN, 1600);
    SetpointWriteBack handler = handler(opcua(id), opcua);

    await(handler.process(envelope(id, 1, first)));
    assertTrue(opcua.calls().isEmpty(), "a replayed old value is never written over a newer one");
    assertEquals(SetpointWrite.Status.PENDING, write(id, CROWN).status());
    assertEquals(1, count("skipped"));

    await(handler.process(envelope(id, 2, second)));
    assertEquals(1600, opcua.calls().get(0).value());
    assertEquals(SetpointWrite.Status.WRITTEN, write(id, CROWN).status());
    assertEquals(1600, write(id, CROWN).value());
  }

  @Test
  void aReplayedChangeThatWasWrittenIsNotWrittenAgain() {
    String id = furnace();
    FakeWriter opcua = FakeWriter.succeeding(SourceKind.OPCUA);
    EventEnvelope<Furnace.Event> envelope = envelope(id, 1, change(id, CROWN, 1580));
    SetpointWriteBack handler = handler(opcua(id), opcua);

    await(handler.process(envelope));
    SetpointWrite first = write(id, CROWN);
    await(handler.process(envelope));

    assertEquals(1, opcua.calls().size());
    assertEquals(first, write(id, CROWN));
  }

  @Test
  void retriesStopWhenANewerChangeArrivesMeanwhile() {
    String id = furnace();
    FakeWriter opcua =
        new FakeWriter(
            SourceKind.OPCUA,
            n ->
                n == 1
                    // The operator corrects the value while the first try is under way.
                    ? askChange(id, CROWN, 1600)
                        .thenCompose(
                            c ->
                                CompletableFuture.failedFuture(
                                    new IllegalStateException("Bad_Timeout")))
                    : CompletableFuture.completedFuture(Done.getInstance()));
    Furnace.SetpointChanged first = change(id, CROWN, 1580);

    await(handler(opcua(id), opcua).process(envelope(id, 1, first)));

    assertEquals(1, opcua.calls().size(), "no retry of a superseded value");
    SetpointWrite write = write(id, CROWN);
    assertEquals(SetpointWrite.Status.PENDING, write.status(), "the newer change waits its turn");
    assertEquals(1600, write.value());
    assertEquals(1, count("superseded"));
  }

  @Test
  void aChangeWithoutATagMapRowIsRecordedAsFailed() {
    String id = furnace();
    FakeWriter opcua = FakeWriter.succeeding(SourceKind.OPCUA);
    Furnace.SetpointChanged changed = change(id, CROWN, 1580);

    await(handler(opcua("OTHER"), opcua).process(envelope(id, 1, changed)));

    assertTrue(opcua.calls().isEmpty());
    SetpointWrite write = write(id, CROWN);
    assertEquals(SetpointWrite.Status.FAILED, write.status());
    assertEquals(0, write.attempts());
    assertEquals("no tag-map row " + id + ".setpoint.crownTemperature", write.detail());
  }

  @Test
  void aChangeOverAProtocolWithoutAWriterIsRecordedAsFailed() {
    String id = furnace();
    FakeWriter opcua = FakeWriter.succeeding(SourceKind.OPCUA);
    TagMap mqtt = TagMap.EMPTY.with(List.of(row(id, SourceKind.MQTT, "")));

    await(handler(mqtt, opcua).process(envelope(id, 1, change(id, CROWN, 1580))));

    assertTrue(opcua.calls().isEmpty());
    SetpointWrite write = write(id, CROWN);
    assertEquals(SetpointWrite.Status.FAILED, write.status());
    assertEquals(
        "no setpoint writer for protocol mqtt (" + id + ".setpoint.crownTemperature)",
        write.detail());
  }

  @Test
  void aLongOrOddErrorIsShortenedRatherThanRefused() {
    String id = furnace();
    String error = "line one\nline two \u0007" + "\u00e9".repeat(5000) + "\ud800";
    FakeWriter opcua = FakeWriter.failingFirst(SourceKind.OPCUA, Integer.MAX_VALUE, error);
    WriteBackSettings once =
        new WriteBackSettings(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5));

    await(handler(opcua(id), once, opcua).process(envelope(id, 1, change(id, CROWN, 1580))));

    SetpointWrite write = write(id, CROWN);
    assertEquals(SetpointWrite.Status.FAILED, write.status(), "the furnace accepted the detail");
    assertEquals(FreeText.REASON_MAX, write.detail().length());
    assertTrue(write.detail().contains("failed after 1 attempt: line one line two "));
    assertTrue(FreeText.problem(write.detail(), FreeText.REASON_MAX).isEmpty());
  }

  @Test
  void otherEventsAreIgnored() {
    FakeWriter opcua = FakeWriter.succeeding(SourceKind.OPCUA);
    CompletionStage<Done> done =
        handler(opcua("F1"), opcua)
            .process(
                envelope(
                    "F1",
                    1,
                    new Furnace.AutonomyModeChanged(
                        AutonomyMode.ADVISORY,
                        AutonomyMode.SUPERVISED,
                        "bob",
                        "r",
                        Instant.EPOCH)));
    assertTrue(done.toCompletableFuture().isDone());
    assertTrue(opcua.calls().isEmpty());
  }

  @Test
  void completesOnlyWhenTheFurnaceRecordedTheOutcomeAndFailsWhenItCouldNot() throws Exception {
    TestProbe<Furnace.Command> probe = testKit.createTestProbe(Furnace.Command.class);
    FakeWriter opcua = FakeWriter.succeeding(SourceKind.OPCUA);
    Instant at = Instant.parse("2026-11-20T10:00:00Z");
    SetpointWriteBack handler =
        new SetpointWriteBack(
            id -> probe.getRef(),
            () -> opcua("PF"),
            Map.of(SourceKind.OPCUA, opcua),
            RETRIES,
            Duration.ofMillis(300),
            testKit.system(),
            registry);
    Furnace.SetpointChanged changed =
        new Furnace.SetpointChanged(CROWN, 1560, 1580, SetpointOrigin.OPERATOR, "alice", "r", at);

    CompletableFuture<Done> done =
        handler.process(envelope("PF", 4, changed)).toCompletableFuture();
    probe
        .expectMessageClass(Furnace.GetState.class)
        .replyTo()
        .tell(
            new Furnace.FurnaceView(
                "PF",
                Map.of(CROWN, 1580.0),
                Map.of(CROWN, new SetpointRecord(1580, SetpointOrigin.OPERATOR, "alice", "r", at)),
                AutonomyMode.ADVISORY,
                List.of(),
                Map.of()));
    Furnace.RecordSetpointWrite record =
        probe.expectMessageClass(Furnace.RecordSetpointWrite.class);
    assertEquals(CROWN, record.parameter());
    assertEquals(1580, record.value());
    assertEquals(at, record.changedAt());
    assertTrue(record.written());
    assertEquals(1, record.attempts());
    assertFalse(done.isDone(), "the offset must not advance before the furnace recorded it");
    record
        .replyTo()
        .tell(Confirmation.rejected(RejectionCode.PERSIST_FAILED, "the journal failed"));
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> done.get(5, TimeUnit.SECONDS));
    assertTrue(failed.getCause().getMessage().contains("the journal failed"), failed::toString);

    // A furnace that does not answer fails the envelope too: the projection restarts.
    CompletableFuture<Done> unanswered =
        handler.process(envelope("PF", 4, changed)).toCompletableFuture();
    probe.expectMessageClass(Furnace.GetState.class);
    ExecutionException timedOut =
        assertThrows(ExecutionException.class, () -> unanswered.get(5, TimeUnit.SECONDS));
    assertInstanceOf(TimeoutException.class, timedOut.getCause(), timedOut.toString());
    assertEquals(1, opcua.calls().size(), "written once: never without the furnace's state");
  }
}
