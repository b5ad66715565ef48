package io.vitrum.http.auth;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.vitrum.http.errors.Problems;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.InMemoryAuditTrail;
import io.vitrum.http.testing.TestSecurity;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: a route behind the guard that does not serve an {@link Endpoint} of the
 * catalogue cannot answer with success, whoever calls it.
 */
class GuardTest {
  private static ActorTestKit kit;
  private static ServerBinding binding;
  private static ApiClient client;

  @BeforeAll
  static void start() throws Exception {
    // No cluster and no entities: the guard needs neither.
    kit =
        ActorTestKit.create(
            "GuardTest",
            ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(ConfigFactory.load()));
    Guard guard = TestSecurity.create(ConfigFactory.load(), new InMemoryAuditTrail()).guard();
    Endpoint declared = Endpoint.get("/declared", Endpoint.Scope.PLANT);
    Route tree =
        new Problems()
            .handle(
                guard.secured(
                    () ->
                        Directives.concat(
                            Directives.path(
                                "declared",
                                () ->
                                    Access.serve(declared, caller -> Directives.complete("fine"))),
                            Directives.path("undeclared", () -> Directives.complete("leak")))));
    binding =
        Http.get(kit.system())
            .newServerAt("127.0.0.1", 0)
            .bind(tree)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    client =
        new ApiClient(URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + "/"));
  }

  @AfterAll
  static void stop() throws Exception {
    binding.terminate(Duration.ofSeconds(5)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    kit.shutdownTestKit();
  }

  @Test
  void aRouteOutsideTheCatalogueIsRefused() {
    assertEquals("fine", client.get("/declared").body());
    assertProblem(client.get("/undeclared"), 500, "unregistered-route");
  }

  @Test
  void theGuardComesFirstForUndeclaredRoutesToo() {
    assertProblem(client.withToken(null).get("/undeclared"), 401, "unauthenticated");
  }
}
