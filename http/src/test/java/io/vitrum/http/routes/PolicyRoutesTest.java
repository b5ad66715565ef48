package io.vitrum.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.policy.Policy;
import io.vitrum.actors.policy.Proposal;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.twin.Twin;
import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.rl.PolicyAdvisor;
import io.vitrum.core.rl.PolicyKpis;
import io.vitrum.core.rl.SafetyShield;
import io.vitrum.core.security.Role;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.TwinState;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import io.vitrum.streams.policy.PolicyRunner;
import io.vitrum.streams.policy.PolicyServingSettings;
import io.vitrum.streams.policy.ServedPolicies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.japi.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The policy routes over real HTTP with the committed policy ({@code ../models}): what a fresh node
 * shows, deploying it, recommendations from a live policy round, their approval, training.
 */
@ExtendWith(LogCapturingExtension.class)
class PolicyRoutesTest {
  private static final Duration ASK = Duration.ofSeconds(10);
  private static TestApi api;
  private static ApiClient admin;
  private static ApiClient operator;
  private static ApiClient viewer;
  private static ClusterSharding sharding;

  @BeforeAll
  static void start() throws Exception {
    api =
        TestApi.start(
            "PolicyRoutesTest",
            ConfigFactory.parseString("vitrum.inference.models-dir = \"../models\""));
    admin = api.client();
    operator = admin.withToken(TestSecurity.token("olga", Role.OPERATOR));
    viewer = admin.withToken(TestSecurity.token("victor", Role.VIEWER));
    sharding = ClusterSharding.get(api.testKit().system());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void aFreshFurnaceShowsTheCommittedEvaluatedPolicy() {
    Reply r = viewer.get("/api/policies/P1");
    assertEquals(200, r.status(), r::toString);
    JsonNode body = r.json();
    assertEquals("trained", body.path("status").asText());
    assertEquals("policy/1", body.path("version").asText());
    JsonNode evaluation = body.path("evaluation");
    assertTrue(evaluation.path("energySavingPct").asDouble() >= 3, evaluation::toString);
    assertTrue(evaluation.path("defectRatio").asDouble() <= 1, evaluation::toString);
    assertEquals(0, evaluation.path("policy").path("boundViolations").asLong());
    assertTrue(evaluation.path("goalMet").asBoolean());
  }

  @Test
  void deployingNeedsAnOperatorAndAValidModeAndSetsTheFurnacesMode() {
    assertEquals(
        403, viewer.postJson("/api/policies/P2/deploy", "{\"mode\":\"autonomous\"}").status());
    Reply bad = operator.postJson("/api/policies/P2/deploy", "{\"mode\":\"reckless\"}");
    assertTrue(bad.status() == 400 || bad.status() == 422, bad::toString);

    Reply ok = operator.postJson("/api/policies/P2/deploy", "{\"mode\":\"autonomous\"}");
    assertEquals(200, ok.status(), ok::toString);
    assertTrue(ok.json().path("detail").asText().contains("collecting"), ok::toString);
    assertEquals(
        "autonomous",
        admin.get("/api/furnaces/P2").json().path("autonomyMode").asText().toLowerCase());
    JsonNode policy = viewer.get("/api/policies/P2").json();
    assertEquals("collecting-baseline", policy.path("status").asText());
    assertEquals("autonomous", policy.path("deployment").path("mode").asText());

    JsonNode status = viewer.get("/api/autonomy/status?furnace=P2").json().path("furnaces").get(0);
    assertEquals("autonomous", status.path("mode").asText());
    assertEquals("collecting-baseline", status.path("policy").asText());

    Reply back = operator.postJson("/api/policies/P2/rollback", "{\"reason\":\"test over\"}");
    assertEquals(200, back.status(), back::toString);
    assertEquals("rolled-back", viewer.get("/api/policies/P2").json().path("status").asText());
    assertEquals(
        "advisory",
        admin.get("/api/furnaces/P2").json().path("autonomyMode").asText().toLowerCase());
    Reply again = operator.postJson("/api/policies/P2/rollback", "{}");
    assertEquals(409, again.status(), again::toString);
    assertEquals("policy-not-deployed", again.json().path("code").asText());
  }

  @Test
  void aSupervisedRecommendationIsListedAndAppliedOnceWhenApproved() throws Exception {
    String f = "P3";
    deployWithBaseline(f, "supervised");
    Confirmation made =
        ask(
            f,
            r ->
                new Policy.Recommend(
                    "policy/1",
                    List.of(
                        new Proposal(
                            "crownTemperature",
                            1560,
                            1550,
                            Map.of(PolicyKpis.ENERGY, -0.05),
                            "cooler crown")),
                    kpis(4.6),
                    r));
    assertInstanceOf(Confirmation.Accepted.class, made);

    JsonNode list = viewer.get("/api/recommendations?furnace=" + f).json().path("recommendations");
    assertEquals(1, list.size(), list::toString);
    JsonNode rec = list.get(0);
    String id = rec.path("id").asText();
    assertEquals(f + ".1", id);
    assertEquals("crownTemperature", rec.path("parameter").asText());
    assertEquals(1560, rec.path("current").asDouble());
    assertEquals(1550, rec.path("proposed").asDouble());
    assertEquals(-0.05, rec.path("expectedEffect").path(PolicyKpis.ENERGY).asDouble());
    assertEquals("cooler crown", rec.path("reason").asText());
    assertTrue(rec.path("createdAt").isTextual());
    assertEquals("open", rec.path("status").asText());

    assertEquals(403, viewer.postJson("/api/recommendations/" + id + "/approve", "{}").status());
    Reply approved = operator.postJson("/api/recommendations/" + id + "/approve", "{}");
    assertEquals(200, approved.status(), approved::toString);
    assertTrue(approved.json().path("detail").asText().startsWith("applied"), approved::toString);
    JsonNode furnace = admin.get("/api/furnaces/" + f).json();
    assertEquals(
        1550, furnace.path("setpoints").path("crownTemperature").asDouble(), furnace::toString);

    Reply twice = operator.postJson("/api/recommendations/" + id + "/approve", "{}");
    assertEquals(409, twice.status(), twice::toString);
    assertEquals("recommendation-closed", twice.json().path("code").asText());
    assertEquals(
        0, viewer.get("/api/recommendations?furnace=" + f).json().path("recommendations").size());
    JsonNode all =
        viewer
            .get("/api/recommendations?furnace=" + f + "&status=all")
            .json()
            .path("recommendations");
    assertEquals("applied", all.get(0).path("status").asText());
    assertEquals("olga", all.get(0).path("decidedBy").asText());

    Reply unknown = operator.postJson("/api/recommendations/" + f + ".99/reject", "{}");
    assertEquals(404, unknown.status(), unknown::toString);
    assertEquals("unknown-recommendation", unknown.json().path("code").asText());
    Reply shapeless = operator.postJson("/api/recommendations/" + f + "/approve", "{}");
    assertEquals(404, shapeless.status(), shapeless::toString);
    assertEquals(400, operator.postJson("/api/recommendations/bad%20id.1/approve", "{}").status());
  }

  @Test
  void aPolicyRoundInAutonomousModeMovesTheFurnacesSetpointThroughTheShield() throws Exception {
    String f = "P4";
    deployWithBaseline(f, "autonomous");
    syncTwin(f);
    double before =
        admin
            .get("/api/furnaces/" + f)
            .json()
            .path("setpoints")
            .path("crownTemperature")
            .asDouble();

    PolicyServingSettings serving = serving();
    PolicyRunner runner = runner(serving);
    // The rounds before the KPI window is full send nothing; the one that fills it acts.
    for (int i = 0; i < serving.kpiWindowSamples(); i++) {
      runner.round(f).toCompletableFuture().get(60, TimeUnit.SECONDS);
      if (i < serving.kpiWindowSamples() - 1) {
        assertEquals(
            0,
            viewer
                .get("/api/recommendations?furnace=" + f + "&status=all")
                .json()
                .path("recommendations")
                .size(),
            "round " + i + " with the window not yet full");
      }
    }

    JsonNode all =
        viewer
            .get("/api/recommendations?furnace=" + f + "&status=all")
            .json()
            .path("recommendations");
    assertTrue(all.size() > 0, "the committed policy moves a nominal furnace: " + all);
    for (JsonNode rec : all) {
      double step = Math.abs(rec.path("proposed").asDouble() - rec.path("current").asDouble());
      assertTrue(step > 0, rec::toString);
      assertTrue(rec.path("reason").asText().startsWith("policy/1 moves"), rec::toString);
      assertTrue(rec.path("expectedEffect").has(PolicyKpis.ENERGY), rec::toString);
    }
    api.testKit()
        .createTestProbe()
        .awaitAssert(
            Duration.ofSeconds(20),
            () -> {
              JsonNode recs =
                  viewer
                      .get("/api/recommendations?furnace=" + f + "&status=all")
                      .json()
                      .path("recommendations");
              recs.forEach(r -> assertEquals("applied", r.path("status").asText(), r::toString));
              return null;
            });
    JsonNode furnace = admin.get("/api/furnaces/" + f).json();
    for (JsonNode rec : all) {
      JsonNode change = furnace.path("setpointChanges").path(rec.path("parameter").asText());
      assertEquals("policy", change.path("origin").asText().toLowerCase(), furnace::toString);
      assertEquals("policy/1", change.path("requestedBy").asText(), furnace::toString);
      assertEquals(rec.path("proposed").asDouble(), change.path("value").asDouble(), 1e-9);
    }
    assertTrue(
        Math.abs(furnace.path("setpoints").path("crownTemperature").asDouble() - before)
            <= 10 + 1e-9);

    // Taken back by hand: every setpoint the policy moved is put back, then the mode is advisory.
    Reply back = operator.postJson("/api/policies/" + f + "/rollback", "{\"reason\":\"test\"}");
    assertEquals(200, back.status(), back::toString);
    JsonNode restores =
        viewer.get("/api/policies/" + f).json().path("lastRollback").path("restores");
    JsonNode after = admin.get("/api/furnaces/" + f).json();
    assertEquals("advisory", after.path("autonomyMode").asText().toLowerCase(), after::toString);
    for (JsonNode rec : all) {
      String parameter = rec.path("parameter").asText();
      assertEquals(rec.path("current").asDouble(), restores.path(parameter).asDouble(), 1e-9);
      assertEquals(
          rec.path("current").asDouble(),
          after.path("setpoints").path(parameter).asDouble(),
          1e-9,
          after::toString);
      assertTrue(
          back.json().path("detail").asText().contains(parameter + " restored"), back::toString);
    }
  }

  @Test
  void aPolicyRoundTakesEnergyPerTonneFromThePlantsMetersWhileTheyRead() throws Exception {
    String f = "P6";
    Instant now = Instant.now();
    meter(FurnaceTags.gasFlow(f), "Nm3/h", 5000, 1600, now);
    meter(FurnaceTags.boost(f), "MW", 5, 1.0, now);
    meter(FurnaceTags.pullRate(f), "t/day", 800, 300, now);
    // 1600 Nm3/h of gas and 1 MW of boost over 300 t/d: 4.8704 GJ/t, 128 Nm3/t.
    Map<String, Double> metered = PolicyKpis.metered(twinKpis(f), 1600, 1.0, 300);
    deployWithBaseline(f, "supervised", metered);
    syncTwin(f);

    PolicyServingSettings serving = serving();
    PolicyRunner runner = runner(serving);
    for (int i = 0; i < serving.kpiWindowSamples(); i++) {
      runner.round(f).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    JsonNode p = viewer.get("/api/policies/" + f).json();
    assertEquals("deployed", p.path("status").asText(), "metered KPIs at the baseline: " + p);
    JsonNode open = viewer.get("/api/recommendations?furnace=" + f).json().path("recommendations");
    assertTrue(open.size() > 0, "the policy proposed on the metered KPIs: " + open);
    for (JsonNode rec : open) {
      JsonNode before = rec.path("kpisBefore");
      assertEquals(4.8704, before.path(PolicyKpis.ENERGY).asDouble(), 1e-9, rec::toString);
      assertEquals(128.0, before.path(PolicyKpis.GAS).asDouble(), 1e-9, rec::toString);
      assertEquals(300.0, before.path(PolicyKpis.PULL).asDouble(), 1e-9, rec::toString);
      assertEquals(
          metered.get(PolicyKpis.DEFECTS),
          before.path(PolicyKpis.DEFECTS).asDouble(),
          0.01,
          "defects stay the twin's (its sync moved it a little): " + rec);
    }
  }

  @Test
  void trainingRunsOffTheEntityAndPublishesAnEvaluatedVersion() {
    Reply started = admin.postJson("/api/policies/P5/train", "{}");
    assertEquals(202, started.status(), started::toString);
    Reply busy = admin.postJson("/api/policies/P5/train", "{}");
    assertTrue(busy.status() == 429 || busy.status() == 202, busy::toString);
    api.testKit()
        .createTestProbe()
        .awaitAssert(
            Duration.ofSeconds(90),
            Duration.ofMillis(500),
            () -> {
              JsonNode p = viewer.get("/api/policies/P5").json();
              assertEquals("finished", p.path("training").path("status").asText(), p::toString);
              return null;
            });
    JsonNode p = viewer.get("/api/policies/P5").json();
    assertEquals(1, p.path("training").path("curve").size(), p::toString);
    assertEquals(0, p.path("training").path("progress").path("violations").asLong());
    JsonNode versions = p.path("versions");
    JsonNode trained = versions.get(versions.size() - 1);
    // Numbered above the committed policy/1 and above any left in the data directory before.
    String name = trained.path("version").asText();
    assertEquals(p.path("training").path("version").asText(), name, versions::toString);
    assertTrue(
        name.startsWith("policy/") && Integer.parseInt(name.substring(7)) >= 2, versions::toString);
    assertTrue(trained.path("evaluated").asBoolean(), versions::toString);
    assertEquals(0, trained.path("boundViolations").asLong());
  }

  /** Deploys the committed policy on {@code f} in {@code mode} after a baseline of samples. */
  private static void deployWithBaseline(String f, String mode) throws Exception {
    deployWithBaseline(f, mode, twinKpis(f));
  }

  /**
   * Deploys the committed policy on {@code f} in {@code mode} after a baseline around {@code kpis}.
   */
  private static void deployWithBaseline(String f, String mode, Map<String, Double> kpis)
      throws Exception {
    Instant now = Instant.now();
    for (int i = 0; i < 6; i++) {
      Map<String, Double> noisy = new HashMap<>(kpis);
      noisy.put(PolicyKpis.ENERGY, kpis.get(PolicyKpis.ENERGY) * (1 + 0.001 * (i % 3 - 1)));
      Instant at = now.minusSeconds(60L * (6 - i));
      assertInstanceOf(
          Confirmation.Accepted.class, ask(f, r -> new Policy.ReportKpis(noisy, at, r)));
    }
    Reply ok = operator.postJson("/api/policies/" + f + "/deploy", "{\"mode\":\"" + mode + "\"}");
    assertEquals(200, ok.status(), ok::toString);
    assertEquals("deployed", viewer.get("/api/policies/" + f).json().path("status").asText());
  }

  /** The KPIs of a freshly started twin of {@code f}. */
  private static Map<String, Double> twinKpis(String f) {
    TwinState twin = DigitalTwin.containerDefaults().start(f);
    return PolicyKpis.of(
        twin.furnace().outputs(), twin.disturbances(), DefectModel.containerDefaults());
  }

  private static void syncTwin(String f) throws Exception {
    Confirmation synced =
        sharding
            .entityRefFor(Twin.ENTITY_KEY, f)
            .<Confirmation>ask(r -> new Twin.Sync(Map.of(), Map.of(), Instant.now(), r), ASK)
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
    assertInstanceOf(Confirmation.Accepted.class, synced);
  }

  /** Sensor {@code tag} configured and reading {@code value} a minute ago and now. */
  private static void meter(String tag, String unit, double max, double value, Instant now)
      throws Exception {
    Confirmation configured =
        sharding
            .entityRefFor(Sensor.ENTITY_KEY, tag)
            .<Confirmation>ask(
                r ->
                    new Sensor.Configure(
                        new SensorConfig(TagId.furnaceOf(tag), unit, 0, max, AlarmLimits.NONE), r),
                ASK)
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
    assertInstanceOf(Confirmation.Accepted.class, configured);
    Sensor.ReadingsAck ack =
        sharding
            .entityRefFor(Sensor.ENTITY_KEY, tag)
            .<Sensor.ReadingsAck>ask(
                r ->
                    new Sensor.RecordReadings(
                        List.of(
                            new Sensor.Sample(now.minusSeconds(60), value),
                            new Sensor.Sample(now, value)),
                        false,
                        r),
                ASK)
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
    assertEquals(2, ack.accepted(), ack::toString);
  }

  private static PolicyServingSettings serving() {
    return PolicyServingSettings.create(api.testKit().system().settings().config());
  }

  private static PolicyRunner runner(PolicyServingSettings serving) {
    return new PolicyRunner(
        sharding,
        serving,
        new PolicyAdvisor(SafetyShield.containerDefaults(), DigitalTwin.containerDefaults()),
        new ServedPolicies(),
        Runnable::run,
        ASK,
        Clock.systemUTC());
  }

  private static Map<String, Double> kpis(double energy) {
    return Map.of(PolicyKpis.ENERGY, energy, PolicyKpis.DEFECTS, 90.0, PolicyKpis.PULL, 300.0);
  }

  private static Confirmation ask(String f, Function<ActorRef<Confirmation>, Policy.Command> cmd)
      throws Exception {
    return sharding
        .entityRefFor(Policy.ENTITY_KEY, f)
        .<Confirmation>ask(cmd, ASK)
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
  }
}
