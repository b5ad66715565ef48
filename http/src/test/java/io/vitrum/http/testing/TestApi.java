package io.vitrum.http.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.furnace.SensorAnomalyToFurnaceAlarms;
import io.vitrum.actors.projection.ProjectionSettings;
import io.vitrum.actors.projection.TaggedProjection;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorSettings;
import io.vitrum.actors.twin.TwinSettings;
import io.vitrum.http.routes.ApiRoutes;
import io.vitrum.http.routes.HttpSettings;
import io.vitrum.http.server.HttpMetrics;
import io.vitrum.http.server.HttpServer;
import io.vitrum.http.server.Node;
import io.vitrum.http.server.TlsSettings;
import io.vitrum.streams.features.LatestFeatures;
import io.vitrum.streams.history.InMemoryHistoryStore;
import io.vitrum.streams.inference.InferenceSettings;
import io.vitrum.streams.inference.LatestPredictions;
import io.vitrum.streams.inference.ServedModels;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.testkit.javadsl.TestProjection;

/**
 * A one-node cluster serving the real {@link ApiRoutes}, wrapped in {@link HttpMetrics}, on
 * 127.0.0.1 and an ephemeral port, with the sharded Sensor and Furnace entities over the in-memory
 * journal and snapshot store (events serialized, so CBOR bindings are exercised), and the furnace
 * alarm projection reading that journal's tagged events with in-memory offsets. One per test class.
 */
public final class TestApi implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final ActorTestKit testKit;
  private final int port;
  private final ApiClient client;
  private final InMemoryAuditTrail audit;
  private final InMemoryHistoryStore history;

  private TestApi(
      ActorTestKit testKit, int port, InMemoryAuditTrail audit, InMemoryHistoryStore history) {
    this.testKit = testKit;
    this.audit = audit;
    this.history = history;
    this.port = port;
    this.client = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"));
  }

  /** Cluster provider on a free port, in-memory persistence, the node's own reference config. */
  public static Config config() {
    return ConfigFactory.parseString(
            """
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.hostname = "127.0.0.1"
            pekko.remote.artery.canonical.port = 0
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.persistence.testkit.events.serialize = on
            pekko.persistence.testkit.snapshots.serialize = on
            vitrum.http.port = 0
            vitrum.inference.models-dir = "no-models-in-api-tests"
            vitrum.policy.serving {
              directory = "target/api-test-policies"
              pool = 2
              held-out = 1
              default-iterations = 1
            }
            """)
        .withFallback(PersistenceTestKitPlugin.getInstance().config())
        .withFallback(PersistenceTestKitSnapshotPlugin.config())
        .withFallback(ConfigFactory.load());
  }

  /** Starts the system, joins it to itself, starts the entities and binds the API. */
  public static TestApi start(String name) throws Exception {
    return start(name, ConfigFactory.empty());
  }

  /** As {@link #start(String)}, with {@code overrides} on top of {@link #config()}. */
  public static TestApi start(String name, Config overrides) throws Exception {
    Config config = overrides.withFallback(config()).resolve();
    ActorTestKit testKit = ActorTestKit.create(name, config);
    try {
      ActorSystem<Void> system = testKit.system();
      Node.initEntities(system, config);
      initProjections(system, config);
      CompletableFuture<Void> up = new CompletableFuture<>();
      org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
          .registerOnMemberUp(() -> up.complete(null));
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
      up.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      HttpSettings settings = HttpSettings.create(config);
      InMemoryAuditTrail audit = new InMemoryAuditTrail();
      InMemoryHistoryStore history = new InMemoryHistoryStore();
      ServerBinding binding =
          HttpServer.start(
                  system,
                  settings,
                  TlsSettings.create(config),
                  route(system, config, audit, history))
              .toCompletableFuture()
              .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new TestApi(testKit, binding.localAddress().getPort(), audit, history);
    } catch (Exception | Error e) {
      testKit.shutdownTestKit();
      throw e;
    }
  }

  /**
   * The node's API as {@link Node#route} builds it, with the tests' security, {@code audit} and
   * {@code history}.
   */
  public static Route route(
      ActorSystem<?> system,
      Config config,
      InMemoryAuditTrail audit,
      InMemoryHistoryStore history) {
    return Node.route(
        system,
        HttpSettings.create(config),
        TwinSettings.create(config),
        Optional::empty,
        TestSecurity.create(config, audit),
        audit,
        history,
        new LatestFeatures(),
        ServedModels.open(InferenceSettings.create(config)),
        new LatestPredictions());
  }

  /** The node's projections, each over the in-memory journal instead of Cassandra. */
  private static void initProjections(ActorSystem<?> system, Config config) {
    ProjectionSettings settings =
        ProjectionSettings.create(config, SensorAnomalyToFurnaceAlarms.NAME);
    TaggedProjection.init(
        system,
        SensorAnomalyToFurnaceAlarms.NAME,
        Sensor.anomalyTags(SensorSettings.create(config)),
        tag ->
            TestProjection.create(
                TaggedProjection.projectionId(SensorAnomalyToFurnaceAlarms.NAME, tag),
                EventSourcedProvider.<Sensor.Event>eventsByTag(
                    system, PersistenceTestKitReadJournal.Identifier(), tag),
                () -> SensorAnomalyToFurnaceAlarms.create(system, settings)));
  }

  public ActorTestKit testKit() {
    return testKit;
  }

  /** The node's history (in memory). */
  public InMemoryHistoryStore history() {
    return history;
  }

  /** What the node audited. */
  public InMemoryAuditTrail audit() {
    return audit;
  }

  public ApiClient client() {
    return client;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}
