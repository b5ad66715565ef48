package io.vitrum.http.routes;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.twin.Twin;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.http.server.HttpServer;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.InMemoryAuditTrail;
import io.vitrum.http.testing.TestApi;
import io.vitrum.streams.history.InMemoryHistoryStore;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's answers when entities fail to answer or refuse work: the sharded Furnace and Twin are
 * test probes here, so each test decides what the entity replies, or that it stays silent.
 */
@ExtendWith(LogCapturingExtension.class)
class ProbedEntitiesRoutesTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static ActorTestKit testKit;
  private static TestProbe<Furnace.Command> furnaces;
  private static TestProbe<Twin.Command> twins;
  private static ApiClient http;

  @BeforeAll
  static void start() throws Exception {
    Config config =
        ConfigFactory.parseString(
                "vitrum.http.ask-timeout = 300ms\nvitrum.http.what-if-timeout = 600ms\n")
            .withFallback(TestApi.config());
    testKit = ActorTestKit.create("ProbedEntitiesRoutesTest", config);
    furnaces = testKit.createTestProbe();
    twins = testKit.createTestProbe();
    ClusterSharding sharding = ClusterSharding.get(testKit.system());
    sharding.init(Entity.of(Furnace.ENTITY_KEY, ctx -> forwardTo(furnaces.getRef())));
    sharding.init(Entity.of(Twin.ENTITY_KEY, ctx -> forwardTo(twins.getRef())));
    CompletableFuture<Void> up = new CompletableFuture<>();
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(testKit.system()))
        .registerOnMemberUp(() -> up.complete(null));
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    up.get(30, TimeUnit.SECONDS);
    HttpSettings settings = HttpSettings.create(config);
    int port =
        HttpServer.start(
                testKit.system(),
                settings,
                TestApi.route(
                    testKit.system(), config, new InMemoryAuditTrail(), new InMemoryHistoryStore()))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS)
            .localAddress()
            .getPort();
    http = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static <T> Behavior<T> forwardTo(ActorRef<T> probe) {
    return Behaviors.receiveMessage(
        message -> {
          probe.tell(message);
          return Behaviors.same();
        });
  }

  @Test
  void anEntityThatDoesNotAnswerInTimeGivesA503TimeoutProblem() {
    Reply reply = http.get("/api/furnaces/F1");
    furnaces.expectMessageClass(Furnace.GetState.class, WAIT);
    assertProblem(reply, 503, "timeout");
  }

  @Test
  void aBusyTwinGivesA429WithItsReason() {
    CompletableFuture<Reply> pending =
        CompletableFuture.supplyAsync(
            () ->
                http.postJson(
                    "/api/twin/F1/what-if",
                    "{\"changes\":{\"crownTemperature\":10},\"horizonMinutes\":60}"));
    Twin.WhatIf asked = twins.expectMessageClass(Twin.WhatIf.class, WAIT);
    assertEquals(Duration.ofMillis(600), asked.answerWithin(), "the twin knows when to give up");
    asked
        .replyTo()
        .tell(new Twin.WhatIfReply(null, Rejection.of(RejectionCode.BUSY, "4 what-ifs run")));
    Reply reply = pending.join();
    assertTrue(assertProblem(reply, 429, "busy").path("detail").asText().contains("4 what-ifs"));
  }

  @Test
  void aWhatIfThatOutlastsItsTimeoutGivesA503BeforeTheServerGivesUp() {
    Reply reply =
        http.postJson(
            "/api/twin/F2/what-if",
            "{\"changes\":{\"crownTemperature\":10},\"horizonMinutes\":60}");
    twins.expectMessageClass(Twin.WhatIf.class, WAIT);
    assertProblem(reply, 503, "timeout");
  }

  @Test
  void aJournalFailureGivesA503PersistFailedProblem() {
    CompletableFuture<Reply> pending =
        CompletableFuture.supplyAsync(
            () ->
                http.postJson(
                    "/api/furnaces/F3/setpoints",
                    "{\"parameter\":\"crownTemperature\",\"value\":1570,\"reason\":\"r\"}"));
    Furnace.ChangeSetpoint asked = furnaces.expectMessageClass(Furnace.ChangeSetpoint.class, WAIT);
    asked
        .replyTo()
        .tell(Confirmation.rejected(RejectionCode.PERSIST_FAILED, "the journal did not store it"));
    assertProblem(pending.join(), 503, "persist-failed");
  }
}
