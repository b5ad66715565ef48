package io.vitrum.http.ws;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.twin.TwinSettings;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.AuthSettings;
import io.vitrum.http.auth.HsSecret;
import io.vitrum.http.auth.Security;
import io.vitrum.http.auth.TokenIssuer;
import io.vitrum.http.routes.HttpSettings;
import io.vitrum.http.server.HttpServer;
import io.vitrum.http.server.Node;
import io.vitrum.http.testing.InMemoryAuditTrail;
import io.vitrum.streams.features.LatestFeatures;
import io.vitrum.streams.history.InMemoryHistoryStore;
import io.vitrum.streams.inference.LatestPredictions;
import io.vitrum.streams.inference.ServedModels;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;

/**
 * A cluster node for the WebSocket tests: the sharded entities over the in-memory journal, the
 * node's whole route ({@link Node#route}) on 127.0.0.1 and an ephemeral port, HS256 tokens signed
 * with a secret the caller gives (shared by the nodes of one cluster), audit entries dropped. It
 * joins itself, or the node at {@code seed}.
 */
final class WsTestNode implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final ActorTestKit testKit;
  private final int port;
  private final TokenIssuer issuer;

  private WsTestNode(ActorTestKit testKit, int port, TokenIssuer issuer) {
    this.testKit = testKit;
    this.port = port;
    this.issuer = issuer;
  }

  static Config config(Config overrides) {
    return overrides
        .withFallback(
            ConfigFactory.parseString(
                """
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical.hostname = "127.0.0.1"
                pekko.remote.artery.canonical.port = 0
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.persistence.testkit.events.serialize = on
                pekko.persistence.testkit.snapshots.serialize = on
                pekko.cluster.typed.receptionist.distributed-data.gossip-interval = 200ms
                pekko.log-dead-letters = off
                vitrum.http.port = 0
                """))
        .withFallback(PersistenceTestKitPlugin.getInstance().config())
        .withFallback(PersistenceTestKitSnapshotPlugin.config())
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  static WsTestNode start(String name, Config overrides, HsSecret secret, Optional<Address> seed)
      throws Exception {
    Config config = config(overrides);
    ActorTestKit testKit = ActorTestKit.create(name, config);
    try {
      ActorSystem<Void> system = testKit.system();
      Node.initEntities(system, config);
      CompletableFuture<Void> up = new CompletableFuture<>();
      org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
          .registerOnMemberUp(() -> up.complete(null));
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(seed.orElse(cluster.selfMember().address())));
      up.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      AuthSettings auth = AuthSettings.create(config);
      Security security =
          Security.create(
              config, auth, Optional.of(secret), new InMemoryAuditTrail(), Clock.systemUTC());
      HttpSettings settings = HttpSettings.create(config);
      int port =
          HttpServer.start(
                  system,
                  settings,
                  Node.route(
                      system,
                      settings,
                      TwinSettings.create(config),
                      Optional::empty,
                      security,
                      new InMemoryAuditTrail(),
                      new InMemoryHistoryStore(),
                      new LatestFeatures(),
                      ServedModels.none(),
                      new LatestPredictions()))
              .toCompletableFuture()
              .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
              .localAddress()
              .getPort();
      return new WsTestNode(testKit, port, new TokenIssuer(secret, auth, Clock.systemUTC()));
    } catch (Exception | Error e) {
      testKit.shutdownTestKit();
      throw e;
    }
  }

  ActorSystem<Void> system() {
    return testKit.system();
  }

  ActorTestKit testKit() {
    return testKit;
  }

  Address address() {
    return Cluster.get(system()).selfMember().address();
  }

  int port() {
    return port;
  }

  /** A viewer's token for {@code furnaces} ("*" for every one). */
  String token(String subject, String... furnaces) {
    return token(Duration.ofHours(1), subject, furnaces);
  }

  String token(Duration ttl, String subject, String... furnaces) {
    return issuer.issue(subject, List.of(Role.VIEWER), List.of(furnaces), ttl);
  }

  WsTestClient connect() throws Exception {
    return WsTestClient.connect(port, List.of());
  }

  WsTestClient connect(List<String> subprotocols) throws Exception {
    return WsTestClient.connect(port, subprotocols);
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}
