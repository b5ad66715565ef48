package io.vitrum.streams.ingest.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SetpointWrite;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.projection.TaggedProjection;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagId;
import io.vitrum.streams.ingest.SetpointWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.testkit.javadsl.ProjectionTestKit;
import org.apache.pekko.projection.testkit.javadsl.TestProjection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write-back as a projection: the furnace's setpoint changes reach it through their tag in the
 * journal (in-memory, events serialized), each is written once, in order, and recorded. Its own
 * system: the in-memory journal's tag query is reliable only with one entity per tag.
 */
@ExtendWith(LogCapturingExtension.class)
class SetpointWriteBackProjectionTest {
  private static final String FURNACE = "P1";
  private static final Duration ASK = Duration.ofSeconds(5);
  private static ActorTestKit testKit;
  private static ActorRef<Furnace.Command> furnace;

  @BeforeAll
  static void start() {
    testKit =
        ActorTestKit.create(
            "SetpointWriteBackProjectionTest",
            ConfigFactory.parseString(
                    """
                    pekko.actor.provider = local
                    pekko.persistence.testkit.events.serialize = on
                    pekko.persistence.testkit.snapshots.serialize = on
                    """)
                .withFallback(PersistenceTestKitPlugin.getInstance().config())
                .withFallback(PersistenceTestKitSnapshotPlugin.config())
                .withFallback(ConfigFactory.load()));
    furnace =
        testKit.spawn(
            Furnace.create(
                FURNACE,
                new FurnaceSettings(100),
                new EntityMetrics(new SimpleMeterRegistry(), "furnace"),
                Clock.systemUTC()));
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static void change(SetpointParameter p, double value) throws Exception {
    Confirmation reply =
        await(
            AskPattern.<Furnace.Command, Confirmation>ask(
                furnace,
                replyTo ->
                    new Furnace.ChangeSetpoint(
                        p.key(), value, SetpointOrigin.OPERATOR, "alice", "test", replyTo),
                ASK,
                testKit.system().scheduler()));
    assertInstanceOf(Confirmation.Accepted.class, reply, reply::toString);
  }

  private static TagMapRow row(SetpointParameter p, int line) {
    String tag = TagId.of(FURNACE, TagMapRow.SETPOINT_AREA, p.key());
    return new TagMapRow(
        line,
        tag,
        FURNACE,
        p.unit(),
        p.min(),
        p.max(),
        null,
        null,
        SourceKind.OPCUA,
        "ns=2;s=" + tag);
  }

  @Test
  void writesEachTaggedChangeOnceInOrderAndRecordsIt() throws Exception {
    change(SetpointParameter.CROWN_TEMPERATURE, 1580);
    change(SetpointParameter.PULL_RATE, 310);
    change(SetpointParameter.CROWN_TEMPERATURE, 1600);
    FakeWriter opcua = FakeWriter.succeeding(SourceKind.OPCUA);
    TagMap map =
        TagMap.EMPTY.with(
            List.of(
                row(SetpointParameter.CROWN_TEMPERATURE, 2), row(SetpointParameter.PULL_RATE, 3)));
    String tag = Furnace.setpointTags(new FurnaceSettings(100)).tagFor("Furnace|" + FURNACE);
    var projection =
        TestProjection.create(
            TaggedProjection.projectionId(SetpointWriteBack.NAME, tag),
            EventSourcedProvider.<Furnace.Event>eventsByTag(
                testKit.system(), PersistenceTestKitReadJournal.Identifier(), tag),
            () ->
                new SetpointWriteBack(
                    id -> furnace,
                    () -> map,
                    Map.<SourceKind, SetpointWriter>of(SourceKind.OPCUA, opcua),
                    new WriteBackSettings(
                        3, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(5)),
                    ASK,
                    testKit.system(),
                    new SimpleMeterRegistry()));

    ProjectionTestKit.create(testKit.system())
        .run(
            projection,
            Duration.ofSeconds(20),
            () -> {
              Furnace.FurnaceView view =
                  await(
                      AskPattern.ask(
                          furnace, Furnace.GetState::new, ASK, testKit.system().scheduler()));
              SetpointWrite crown = view.writes().get("crownTemperature");
              assertEquals(SetpointWrite.Status.WRITTEN, crown.status());
              assertEquals(1600, crown.value());
              assertEquals(SetpointWrite.Status.WRITTEN, view.writes().get("pullRate").status());
            });
    assertEquals(
        List.of(
            new FakeWriter.Call("P1.setpoint.pullRate", "ns=2;s=P1.setpoint.pullRate", 310),
            new FakeWriter.Call(
                "P1.setpoint.crownTemperature", "ns=2;s=P1.setpoint.crownTemperature", 1600)),
        opcua.calls(),
        "the first crown change was superseded before its turn: only current values are written");
  }
}
