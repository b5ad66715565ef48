package io.vitrum.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.config.VitrumConfig;
import io.vitrum.config.embedded.EmbeddedCassandra;
import io.vitrum.config.embedded.EmbeddedCassandraSettings;
import io.vitrum.config.embedded.FreePort;
import io.vitrum.http.audit.AuditEntry;
import io.vitrum.http.audit.AuditQuery;
import io.vitrum.http.audit.AuditSettings;
import io.vitrum.http.audit.CassandraAuditTrail;
import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole node as {@code Main} assembles it, in the local profile, against a real embedded
 * Cassandra: management endpoints answer, a setpoint posted over the REST API survives the node's
 * shutdown and is served again by a new node on the same keyspace, with its audit entry; the audit
 * trail's queries over Cassandra.
 */
@ExtendWith(LogCapturingExtension.class)
class NodeIT {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private static EmbeddedCassandra cassandra;

  @BeforeAll
  static void startCassandra() {
    cassandra =
        EmbeddedCassandra.start(
            EmbeddedCassandraSettings.create(ConfigFactory.load("local"))
                .forTests(Path.of("target/it-cassandra")));
  }

  @AfterAll
  static void stopCassandra() {
    if (cassandra != null) {
      cassandra.close();
    }
  }

  /** The local profile on free ports, a keyspace of its own, and a JVM that outlives the node. */
  private static Config nodeConfig(String keyspace, int httpPort, int managementPort) {
    Config local =
        VitrumConfig.withCassandraContactPoints(
            VitrumConfig.load("local"), cassandra.contactPoint());
    return ConfigFactory.parseString(
            """
            vitrum.http.port = %d
            pekko.management.http.port = %d
            pekko.management.http.bind-port = %d
            pekko.remote.artery.canonical.port = 0
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            pekko.persistence.cassandra.journal.keyspace = "%s"
            pekko.persistence.cassandra.snapshot.keyspace = "%s_snapshot"
            pekko.projection.cassandra.offset-store.keyspace = "%s_projection"
            vitrum.audit.keyspace = "%s_audit"
            vitrum.auth.hs256.secret-file = "target/it-auth/%s.secret"
            vitrum.auth.dev-token.file = "target/it-auth/%s.dev-token"
            """
                .formatted(
                    httpPort,
                    managementPort,
                    managementPort,
                    keyspace,
                    keyspace,
                    keyspace,
                    keyspace,
                    keyspace,
                    keyspace))
        .withFallback(local)
        .resolve();
  }

  @Test
  void aSetpointSurvivesARestartOfTheNode() throws Exception {
    String keyspace = "it_node_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    int httpPort = FreePort.pick();
    int managementPort = FreePort.pick();
    Config config = nodeConfig(keyspace, httpPort, managementPort);
    URI base = URI.create("http://127.0.0.1:" + httpPort + "/");
    ApiClient management = new ApiClient(URI.create("http://127.0.0.1:" + managementPort + "/"));

    Node.Running first = Node.start(config, "local");
    try {
      awaitReady(first, management);
      // The local profile wrote an admin token that only its owner may read.
      Path devToken = Path.of("target/it-auth/" + keyspace + ".dev-token");
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(devToken)));
      ApiClient api = new ApiClient(base, Files.readString(devToken).strip());
      assertEquals(401, api.withToken(null).get("/api/furnaces/F1").status());
      assertEquals(200, management.get("/alive").status());
      JsonNode members = management.get("/cluster/members").json();
      assertEquals(1, members.path("members").size(), members::toString);
      assertEquals("Up", members.path("members").get(0).path("status").asText());
      assertEquals(0, members.path("unreachable").size());

      // The furnace recovers (the journal's first queries) before the change is timed by the ask.
      TestProbe.<Void>create(first.system())
          .awaitAssert(
              READY_TIMEOUT,
              Duration.ofMillis(500),
              () -> {
                assertEquals(200, api.get("/api/furnaces/F1").status());
                return null;
              });
      Reply changed =
          api.postJson(
              "/api/furnaces/F1/setpoints",
              "{\"parameter\":\"crownTemperature\",\"value\":1580,\"reason\":\"seeds rising\"}");
      assertEquals(200, changed.status(), changed::toString);
      assertEquals("setpoint changed", changed.json().path("detail").asText());

      Reply metrics = management.get("/metrics");
      assertEquals(200, metrics.status());
      assertTrue(
          metrics
              .body()
              .contains(
                  "vitrum_entity_commands_total{code=\"none\",command=\"ChangeSetpoint\","
                      + "entity=\"furnace\",outcome=\"accepted\"} 1.0"),
          metrics::body);
      assertTrue(
          metrics.body().contains("route=\"/api/furnaces/{id}/setpoints\""), "request timer");

      // Cluster membership cannot be changed over management HTTP: those routes are off.
      String self = members.path("selfNode").asText();
      Reply leave =
          management.send(
              "PUT",
              "/cluster/members/"
                  + java.net.URLEncoder.encode(self, java.nio.charset.StandardCharsets.UTF_8),
              java.net.http.HttpRequest.BodyPublishers.ofString("operation=Leave"),
              "Content-Type",
              "application/x-www-form-urlencoded");
      assertTrue(leave.status() >= 400, leave::toString);
      assertEquals(
          "Up",
          management.get("/cluster/members").json().path("members").get(0).path("status").asText());
    } finally {
      stop(first);
    }

    Node.Running second = Node.start(config, "local");
    try {
      awaitReady(second, management);
      // The secret survived the restart, so the token still holds.
      ApiClient api =
          new ApiClient(
              base, Files.readString(Path.of("target/it-auth/" + keyspace + ".dev-token")).strip());
      Reply shown = api.get("/api/furnaces/F1");
      assertEquals(200, shown.status(), shown::toString);
      JsonNode furnace = shown.json();
      assertEquals(1580.0, furnace.path("setpoints").path("crownTemperature").asDouble());
      JsonNode change = furnace.path("setpointChanges").path("crownTemperature");
      assertEquals("seeds rising", change.path("reason").asText(), furnace::toString);
      assertEquals("dev-admin", change.path("requestedBy").asText());

      // The audit entry of the change was persisted in Cassandra and outlived the node.
      JsonNode audit = api.get("/api/audit?furnace=F1&actor=dev-admin").json();
      assertEquals(1, audit.path("entries").size(), audit::toString);
      JsonNode entry = audit.path("entries").get(0);
      assertEquals("POST /api/furnaces/{id}/setpoints", entry.path("action").asText());
      assertEquals(200, entry.path("status").asInt());
      assertEquals("ok", entry.path("outcome").asText());
    } finally {
      stop(second);
    }
  }

  @Test
  void theAuditTrailFindsEntriesAcrossHoursNewestFirstAndFiltered() throws Exception {
    String keyspace = "it_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Config config =
        ConfigFactory.parseString(
                "vitrum.audit.keyspace = \"" + keyspace + "\"\nvitrum.audit.create-tables = on")
            .withFallback(nodeConfig(keyspace, FreePort.pick(), FreePort.pick()));
    ActorTestKit kit = ActorTestKit.create("AuditTrail", config);
    try {
      CassandraAuditTrail trail =
          CassandraAuditTrail.create(kit.system(), AuditSettings.create(config));
      Instant t0 = Instant.parse("2026-12-01T08:59:59Z");
      // Entries over three hours (and one just before the range), two furnaces, two actors.
      List<AuditEntry> written = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        written.add(
            new AuditEntry(
                t0.plus(Duration.ofMinutes(25L * i)),
                "e" + i,
                i % 2 == 0 ? "olga" : "ivan",
                List.of("operator"),
                i % 3 == 0 ? "F1" : "F2",
                "POST /api/furnaces/{id}/setpoints",
                "/api/furnaces/F" + (i % 3 == 0 ? 1 : 2) + "/setpoints",
                200,
                "ok",
                "c" + i));
      }
      for (AuditEntry e : written) {
        trail.record(e).toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      Instant from = t0.plusSeconds(1);
      Instant to = t0.plus(Duration.ofHours(4));
      List<AuditEntry> all =
          trail
              .find(new AuditQuery(Optional.empty(), Optional.empty(), from, to, 100))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      assertEquals(List.of("e7", "e6", "e5", "e4", "e3", "e2", "e1"), ids(all));
      assertEquals(written.get(7), all.get(0), "every field round-trips");
      List<AuditEntry> olgaOnF1 =
          trail
              .find(new AuditQuery(Optional.of("F1"), Optional.of("olga"), from, to, 100))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      assertEquals(List.of("e6"), ids(olgaOnF1));
      List<AuditEntry> newestTwo =
          trail
              .find(new AuditQuery(Optional.empty(), Optional.empty(), from, to, 2))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      assertEquals(List.of("e7", "e6"), ids(newestTwo));
    } finally {
      kit.shutdownTestKit();
    }
  }

  private static List<String> ids(List<AuditEntry> entries) {
    return entries.stream().map(AuditEntry::id).toList();
  }

  /** Polls {@code /ready} until it answers 200: the cluster is joined and Cassandra answers. */
  private static void awaitReady(Node.Running node, ApiClient management) throws Exception {
    node.http().toCompletableFuture().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    TestProbe.<Void>create(node.system())
        .awaitAssert(
            READY_TIMEOUT,
            Duration.ofMillis(250),
            () -> {
              Reply ready = management.get("/ready");
              assertEquals(200, ready.status(), ready::toString);
              return ready;
            });
  }

  private static void stop(Node.Running node) throws Exception {
    node.system().terminate();
    node.system()
        .getWhenTerminated()
        .toCompletableFuture()
        .get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }
}
