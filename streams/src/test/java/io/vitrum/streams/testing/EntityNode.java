package io.vitrum.streams.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorSettings;
import io.vitrum.actors.twin.Twin;
import io.vitrum.actors.twin.TwinSettings;
import io.vitrum.core.twin.DigitalTwin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;

/**
 * A one-node cluster with the sharded Sensor, Furnace and Twin entities over the in-memory journal
 * (events serialized), joined to itself. Close it to stop.
 */
public final class EntityNode implements AutoCloseable {
  private final ActorTestKit testKit;

  private EntityNode(ActorTestKit testKit) {
    this.testKit = testKit;
  }

  /** The node's configuration: cluster provider on a free port, in-memory persistence. */
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
            """)
        .withFallback(PersistenceTestKitPlugin.getInstance().config())
        .withFallback(PersistenceTestKitSnapshotPlugin.config())
        .withFallback(ConfigFactory.load());
  }

  /** Starts a node named {@code name} with {@code overrides} on top of {@link #config()}. */
  public static EntityNode start(String name, Config overrides) throws Exception {
    Config config = overrides.withFallback(config()).resolve();
    ActorTestKit testKit = ActorTestKit.create(name, config);
    ActorSystem<Void> system = testKit.system();
    Sensor.init(system, SensorSettings.create(config));
    Furnace.init(system, FurnaceSettings.create(config));
    TwinSettings twin = TwinSettings.create(config);
    Twin.init(system, twin, DigitalTwin.container(twin.simulation()));
    CompletableFuture<Void> up = new CompletableFuture<>();
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
        .registerOnMemberUp(() -> up.complete(null));
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    up.get(30, TimeUnit.SECONDS);
    return new EntityNode(testKit);
  }

  public ActorSystem<Void> system() {
    return testKit.system();
  }

  public ActorTestKit testKit() {
    return testKit;
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}
