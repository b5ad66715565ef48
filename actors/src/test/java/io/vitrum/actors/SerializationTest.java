package io.vitrum.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Alarm;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.SetpointRecord;
import io.vitrum.actors.furnace.SetpointWrite;
import io.vitrum.actors.policy.KpiSample;
import io.vitrum.actors.policy.Policy;
import io.vitrum.actors.policy.PolicyRollback;
import io.vitrum.actors.policy.Recommendation;
import io.vitrum.actors.policy.RecommendationStatus;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorWindow;
import io.vitrum.actors.twin.Scenario;
import io.vitrum.actors.twin.ScenarioCourse;
import io.vitrum.actors.twin.Twin;
import io.vitrum.core.CborSerializable;
import io.vitrum.core.features.TumblingWindow;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.AnomalyLevel;
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.rl.DegradationEvidence;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.SetpointChange;
import io.vitrum.core.twin.ShadowReport;
import io.vitrum.core.twin.ShadowRun;
import io.vitrum.core.twin.TwinState;
import io.vitrum.core.twin.WhatIfOutcome;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every command, reply, event and state of the sensor and furnace survives Pekko serialization
 * unchanged, and goes through jackson-cbor (bound once to {@link CborSerializable}), never Java
 * serialization. A new message type without a sample here fails {@link
 * #everyMessageTypeHasASample}.
 */
@ExtendWith(LogCapturingExtension.class)
class SerializationTest {
  private static final Instant AT = Instant.parse("2026-11-20T10:15:30.123456789Z");
  private static final SensorConfig CONFIG =
      new SensorConfig("F1", "degC", 0, 1800, new AlarmLimits(1400.0, 1600.0, 5));

  private static ActorTestKit testKit;
  private static Serialization serialization;

  @BeforeAll
  static void start() {
    // The cluster provider, as on a node: it resolves actor refs (the ignore ref included) the way
    // a receiving node does. The node never joins a cluster.
    testKit =
        ActorTestKit.create(
            "SerializationTest",
            ConfigFactory.parseString(
                    """
                    pekko.actor.provider = cluster
                    pekko.remote.artery.canonical.hostname = "127.0.0.1"
                    pekko.remote.artery.canonical.port = 0
                    pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                    """)
                .withFallback(ConfigFactory.load()));
    serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static <T> ActorRef<T> ref(Class<T> type) {
    return testKit.createTestProbe(type).getRef();
  }

  private static SensorWindow window() {
    TumblingWindow stats =
        TumblingWindow.of(Duration.ofMinutes(1))
            .add(AT.minusSeconds(70), 1490)
            .add(AT.minusSeconds(1), 1500)
            .add(AT, 1512.5);
    return new SensorWindow(1512.5, AT, stats, 3, 1);
  }

  private static Alarm alarm(boolean acknowledged) {
    return new Alarm(
        "F1.crown.T3",
        "F1.crown.T3",
        "warning",
        "F1.crown.T3 is high: 1620.0",
        AT,
        !acknowledged,
        acknowledged ? "carol" : null,
        acknowledged ? AT.plusSeconds(60) : null);
  }

  private static SetpointRecord setpoint() {
    return new SetpointRecord(1580, SetpointOrigin.OPERATOR, "alice", "seeds rising", AT);
  }

  private static SetpointWrite written() {
    return new SetpointWrite(
        1580, AT, SetpointWrite.Status.WRITTEN, 2, "written", AT.plusMillis(1500));
  }

  private static SetpointWrite pending() {
    return new SetpointWrite(300, AT, SetpointWrite.Status.PENDING, 0, null, null);
  }

  static List<Object> sensorSamples() {
    List<Sensor.Sample> samples =
        List.of(new Sensor.Sample(AT.minusSeconds(1), 1500), new Sensor.Sample(AT, 1620.25));
    Sensor.RejectedSample rejected =
        new Sensor.RejectedSample(
            1, AT, -5, Rejection.of(RejectionCode.BELOW_PHYSICAL_MIN, "below the physical range"));
    return List.of(
        new Sensor.Configure(CONFIG, ref(Confirmation.class)),
        new Sensor.Configure(
            new SensorConfig("F1", "%", 0, 100, AlarmLimits.NONE), ref(Confirmation.class)),
        new Sensor.RecordReadings(samples, true, ref(Sensor.ReadingsAck.class)),
        new Sensor.GetState(ref(Sensor.SensorView.class)),
        Sensor.Passivate.INSTANCE,
        samples.get(1),
        new Sensor.ReadingsAck(1, List.of(rejected)),
        new Sensor.ReadingsAck(2, List.of()),
        rejected,
        new Sensor.SensorView("F1.crown.T3", CONFIG, window(), AnomalyLevel.HIGH, AT),
        new Sensor.SensorView(
            "F1.crown.T3",
            null,
            new SensorWindow(null, null, TumblingWindow.of(Duration.ofMinutes(1)), 0, 0),
            AnomalyLevel.NORMAL,
            null),
        new Sensor.SensorConfigured(CONFIG, AT),
        new Sensor.WindowCheckpointed(window(), AT),
        new Sensor.AnomalyRaised(AnomalyLevel.LOW, 1390.5, AT),
        new Sensor.AnomalyCleared(1500, AT),
        new Sensor.Unconfigured(),
        new Sensor.Configured(CONFIG, window(), AnomalyLevel.HIGH, AT),
        new Sensor.Configured(CONFIG, window(), AnomalyLevel.NORMAL, null),
        window());
  }

  static List<Object> furnaceSamples() {
    Map<String, Double> setpoints = new LinkedHashMap<>();
    setpoints.put("crownTemperature", 1580.0);
    setpoints.put("pullRate", 300.0);
    return List.of(
        new Furnace.ChangeSetpoint(
            "crownTemperature",
            1580,
            SetpointOrigin.POLICY,
            "policy-v3",
            "lower seeds",
            ref(Confirmation.class)),
        new Furnace.SetAutonomyMode(
            AutonomyMode.AUTONOMOUS, "bob", "night shift", ref(Confirmation.class)),
        new Furnace.RaiseAlarm(
            "F1.crown.T3", "F1.crown.T3", "warning", "high", AT, ref(Confirmation.class)),
        // A sender that needs no reply may pass the ignore ref, possibly to another node.
        new Furnace.ClearAlarm("F1.crown.T3", AT, testKit.system().ignoreRef()),
        new Furnace.AcknowledgeAlarm("F1.crown.T3", "carol", ref(Confirmation.class)),
        new Furnace.GetState(ref(Furnace.FurnaceView.class)),
        new Furnace.FurnaceView(
            "F1",
            setpoints,
            Map.of("crownTemperature", setpoint()),
            AutonomyMode.SUPERVISED,
            List.of(alarm(false), alarm(true)),
            Map.of("crownTemperature", written(), "pullRate", pending())),
        new Furnace.RecordSetpointWrite(
            "crownTemperature",
            1580,
            AT,
            false,
            5,
            "opcua write to ns=2;s=F1.setpoint.crownTemperature failed after 5 attempts",
            ref(Confirmation.class)),
        new Furnace.SetpointWriteRecorded(
            "crownTemperature", 1580, AT, SetpointWrite.Status.WRITTEN, 2, "written", AT),
        new Furnace.SetpointChanged(
            "crownTemperature", 1560, 1580, SetpointOrigin.OPERATOR, "alice", "seeds", AT),
        new Furnace.AutonomyModeChanged(
            AutonomyMode.ADVISORY, AutonomyMode.SUPERVISED, "bob", "trial", AT),
        new Furnace.AlarmRaised("F1.crown.T3", "F1.crown.T3", "warning", "high", AT),
        new Furnace.AlarmCleared("F1.crown.T3", AT),
        new Furnace.AlarmAcknowledged("F1.crown.T3", "carol", AT),
        new Furnace.State(Map.of(), AutonomyMode.ADVISORY, Map.of(), Map.of(), Map.of()),
        new Furnace.State(
            Map.of("crownTemperature", setpoint()),
            AutonomyMode.AUTONOMOUS,
            Map.of("F1.crown.T3", alarm(false), "F1.regen.L.top", alarm(true)),
            Map.of("F1.crown.T3", AT, "F1.regen.L.top", AT.plusSeconds(5), "F1.lehr.Z2", AT),
            Map.of("crownTemperature", written())),
        setpoint(),
        written(),
        alarm(false),
        alarm(true));
  }

  static List<Object> confirmationSamples() {
    return List.of(
        Confirmation.accepted("setpoint changed"),
        Confirmation.rejected(RejectionCode.STEP_TOO_LARGE, "crownTemperature step exceeds 25.0"));
  }

  static List<Object> twinSamples() {
    DigitalTwin twin = DigitalTwin.containerDefaults();
    TwinState state =
        twin.sync(
            twin.start("F1", Setpoints.nominal()),
            Setpoints.nominal(),
            Map.of("F1.crown.T1", 1565.0, "F1.gas.flow", 1610.0),
            10);
    List<SetpointChange> changes =
        List.of(
            SetpointChange.delta(SetpointParameter.CROWN_TEMPERATURE, 50),
            SetpointChange.absolute(SetpointParameter.PULL_RATE, 310));
    WhatIfOutcome.Completed completed = (WhatIfOutcome.Completed) twin.whatIf(state, changes, 600);
    ShadowRun run = twin.shadowStep(twin.startShadow(state, changes), state, 10);
    ShadowReport report = twin.shadowReport(run);
    Scenario scenario = Scenario.of("s-1", AT, 1, completed);
    Scenario recordedBeforeSetpoints =
        new Scenario(
            "s-0",
            AT,
            changes,
            600,
            1,
            completed.baseline().summary(),
            completed.scenario().summary(),
            completed.delta(),
            null,
            null);
    ScenarioCourse course = ScenarioCourse.of(completed.baseline(), completed.scenario());
    return List.of(
        new Twin.Sync(
            Map.of("F1.crown.T1", 1565.0),
            Map.of("crownTemperature", 1570.0),
            AT,
            ref(Confirmation.class)),
        new Twin.WhatIf(changes, 3600, Duration.ofSeconds(15), ref(Twin.WhatIfReply.class)),
        new Twin.GetScenario("s-1", ref(Twin.ScenarioReply.class)),
        new Twin.StartShadow(changes, ref(Confirmation.class)),
        new Twin.StopShadow(ref(Twin.ShadowStatus.class)),
        new Twin.GetShadow(ref(Twin.ShadowStatus.class)),
        new Twin.GetState(ref(Twin.TwinView.class)),
        Twin.Passivate.INSTANCE,
        new Twin.WhatIfReply(scenario, null),
        new Twin.WhatIfReply(null, Rejection.of(RejectionCode.BUSY, "4 what-ifs run")),
        new Twin.ScenarioReply(scenario, course),
        new Twin.ScenarioReply(recordedBeforeSetpoints, null),
        course,
        new Twin.ShadowStatus(true, report),
        new Twin.TwinView(state, AT, true, List.of(scenario)),
        new Twin.TwinCheckpointed(state, run, AT),
        new Twin.ScenarioRecorded(scenario),
        new Twin.ShadowStarted(run, AT),
        new Twin.ShadowStopped(report, AT),
        new Twin.State(state, null, AT, List.of(scenario)),
        scenario);
  }

  static List<Object> policySamples() {
    Map<String, Double> kpis = Map.of("energyPerTonneGj", 4.87, "pullRateTpd", 305.0);
    Recommendation made =
        new Recommendation(
            "F1.7",
            "policy/1",
            AutonomyMode.AUTONOMOUS,
            "electricBoost",
            1.0,
            1.25,
            Map.of("energyPerTonneGj", -0.1),
            kpis,
            "policy/1 moves electricBoost",
            AT,
            AT.plusSeconds(900),
            RecommendationStatus.APPLIED,
            "policy/1",
            "the furnace accepted it",
            AT,
            AT,
            null);
    DegradationEvidence evidence =
        new DegradationEvidence("energyPerTonneGj", true, 4.83, 0.05, 4.91, 2, 6, 6.3, 5);
    return List.of(
        new Policy.TrainingStarted(40, "tina", AT),
        new Policy.EvaluationStarted("policy/2", "tina", AT),
        new Policy.EvaluationEnded("policy/2", null, "interrupted: the node stopped during it", AT),
        new Policy.KpisObserved(new KpiSample(AT, kpis)),
        new Policy.RecommendationMade(made),
        new Policy.RecommendationApproved("F1.7", "olga", AT),
        new Policy.RecommendationClosed("F1.7", RecommendationStatus.APPLIED, null, "ok", AT),
        new Policy.EffectMeasured("F1.7", Map.of("energyPerTonneGj", -0.2), AT),
        new Policy.RolledBack(
            new PolicyRollback(
                "policy/1",
                true,
                "vitrum",
                "automatic rollback",
                evidence,
                AT,
                Map.of("electricBoost", 1.0, "crownTemperature", 1560.0))),
        new Policy.RolledBack(
            new PolicyRollback("policy/1", false, "olga", "by hand", null, AT, null)));
  }

  static List<Object> allSamples() {
    return Stream.of(sensorSamples(), furnaceSamples(), confirmationSamples(), twinSamples())
        .flatMap(List::stream)
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> everySampleRoundTripsThroughJacksonCbor() {
    return roundTrips(allSamples());
  }

  /**
   * The Policy entity's events, the persisted ones that carry its audit (not yet every one of its
   * messages: {@link #everyMessageTypeHasASample} does not cover it).
   */
  @TestFactory
  Stream<DynamicTest> policyEventsRoundTripThroughJacksonCbor() {
    return roundTrips(policySamples());
  }

  private static Stream<DynamicTest> roundTrips(List<Object> samples) {
    return samples.stream()
        .map(
            sample ->
                DynamicTest.dynamicTest(
                    sample.getClass().getName().replaceFirst("^.*\\.", ""),
                    () -> assertRoundTrip(sample)));
  }

  private static void assertRoundTrip(Object message) {
    Serializer serializer = serialization.findSerializerFor(message);
    assertInstanceOf(
        JacksonCborSerializer.class,
        serializer,
        message.getClass().getName() + " must be serialized by jackson-cbor");
    byte[] bytes = serialization.serialize(message).get();
    String manifest = Serializers.manifestFor(serializer, message);
    Object back = serialization.deserialize(bytes, serializer.identifier(), manifest).get();
    if (!(message instanceof Enum<?>)) {
      assertNotSame(message, back, "a real round trip builds a new object");
    }
    assertEquals(message, back);
  }

  @Test
  void theRepliesOfAWeekLongWhatIfEachFitWellInsideOneClusterMessage() {
    DigitalTwin twin = DigitalTwin.containerDefaults();
    TwinState state = twin.start("F1");
    WhatIfOutcome.Completed week =
        (WhatIfOutcome.Completed)
            twin.whatIf(
                state,
                List.of(SetpointChange.delta(SetpointParameter.CROWN_TEMPERATURE, 20)),
                twin.settings().maxHorizonS());
    Scenario scenario = Scenario.of("s-week", AT, 0, week);
    ScenarioCourse course = ScenarioCourse.of(week.baseline(), week.scenario());
    assertEquals(twin.settings().maxPoints() + 1, course.minutes().size());
    int artery = 256 * 1024;
    int summary = serialization.serialize(new Twin.WhatIfReply(scenario, null)).get().length;
    assertTrue(summary < 16 * 1024, "the what-if's reply is a summary: " + summary + " bytes");
    int courses = serialization.serialize(new Twin.ScenarioReply(scenario, course)).get().length;
    assertTrue(
        courses < artery * 3 / 4,
        "both courses at the bounded resolution leave a margin: " + courses + " bytes");
  }

  @Test
  void aFurnaceSnapshotFromBeforeAlarmTransitionsAndWriteOutcomesStillReads() throws Exception {
    Map<String, Object> old = new LinkedHashMap<>();
    old.put("setpoints", Map.of());
    old.put("autonomyMode", "SUPERVISED");
    old.put("alarms", Map.of());
    Furnace.State sample =
        new Furnace.State(Map.of(), AutonomyMode.SUPERVISED, Map.of(), Map.of(), Map.of());
    Serializer serializer = serialization.findSerializerFor(sample);
    byte[] bytes =
        JacksonObjectMapperProvider.get(Adapter.toClassic(testKit.system()))
            .getOrCreate("jackson-cbor", Optional.empty())
            .writeValueAsBytes(old);
    Object back =
        serialization
            .deserialize(
                bytes, serializer.identifier(), Serializers.manifestFor(serializer, sample))
            .get();
    assertEquals(sample, back);
  }

  @Test
  void everyMessageTypeHasASample() {
    Set<String> types = new TreeSet<>();
    List<Class<?>> owners =
        List.of(
            Sensor.class,
            Furnace.class,
            Confirmation.class,
            SensorWindow.class,
            SetpointRecord.class,
            SetpointWrite.class,
            Alarm.class,
            Twin.class,
            Scenario.class,
            ScenarioCourse.class);
    for (Class<?> owner : owners) {
      List<Class<?>> candidates = new ArrayList<>(Arrays.asList(owner.getDeclaredClasses()));
      candidates.add(owner);
      candidates.stream()
          .filter(c -> !c.isInterface() && CborSerializable.class.isAssignableFrom(c))
          // Non-public messages are an entity's own, sent to itself: they never leave its node.
          .filter(c -> Modifier.isPublic(c.getModifiers()))
          .forEach(c -> types.add(c.getName()));
    }
    Set<String> sampled = new TreeSet<>();
    allSamples().forEach(sample -> sampled.add(sample.getClass().getName()));
    assertEquals(types, sampled);
  }
}
