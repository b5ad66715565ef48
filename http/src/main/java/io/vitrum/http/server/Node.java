package io.vitrum.http.server;

import com.typesafe.config.Config;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SensorAnomalyToFurnaceAlarms;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.actors.projection.ProjectionSettings;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorSettings;
import io.vitrum.actors.twin.Twin;
import io.vitrum.actors.twin.TwinSettings;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.http.audit.AuditSettings;
import io.vitrum.http.audit.AuditTrail;
import io.vitrum.http.audit.CassandraAuditTrail;
import io.vitrum.http.auth.DevToken;
import io.vitrum.http.auth.Security;
import io.vitrum.http.errors.Problems;
import io.vitrum.http.routes.ApiRoutes;
import io.vitrum.http.routes.AuditRoutes;
import io.vitrum.http.routes.FurnaceRoutes;
import io.vitrum.http.routes.HttpSettings;
import io.vitrum.http.routes.IngestRoutes;
import io.vitrum.http.routes.PipelineRoutes;
import io.vitrum.http.routes.SensorRoutes;
import io.vitrum.http.routes.TwinRoutes;
import io.vitrum.http.ws.WsRoutes;
import io.vitrum.http.ws.WsSettings;
import io.vitrum.streams.ingest.Ingest;
import io.vitrum.streams.ingest.IngestSettings;
import io.vitrum.streams.ingest.Sources;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.writeback.SetpointWriteBack;
import io.vitrum.streams.ingest.writeback.WriteBackSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;

/**
 * Assembles one Vitrum node: metrics, the sharded entities, the projections that connect them,
 * cluster membership (self-join locally, seed nodes in the cluster profile, Kubernetes bootstrap),
 * Pekko Management and the REST API.
 */
public final class Node {
  /** How often the pipeline metrics start a new window. */
  private static final Duration PIPELINE_WINDOW = Duration.ofSeconds(10);

  private Node() {}

  /** A started node and what it is still waiting for. */
  public record Running(
      ActorSystem<Void> system, CompletionStage<ServerBinding> http, CompletionStage<Void> up) {}

  public static Running start(Config config, String profile) {
    CompletableFuture<ServerBinding> http = new CompletableFuture<>();
    ActorSystem<Void> system =
        ActorSystem.create(guardian(config, profile, http), "Vitrum", config);
    CompletableFuture<Void> up = new CompletableFuture<>();
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
        .registerOnMemberUp(() -> up.complete(null));
    return new Running(system, http, up);
  }

  private static Behavior<Void> guardian(
      Config config, String profile, CompletableFuture<ServerBinding> http) {
    return Behaviors.setup(
        ctx -> {
          ActorSystem<Void> system = ctx.getSystem();
          initEntities(system, config);
          initProjections(system, config);
          join(system, NodeSettings.create(config, profile));
          AtomicReference<Ingest> ingest = new AtomicReference<>();
          startIngest(system, config, ingest);
          PekkoManagement.get(system).start();

          HttpSettings settings = HttpSettings.create(config);
          AuditTrail audit = CassandraAuditTrail.create(system, AuditSettings.create(config));
          Security security = Security.create(config, audit, Clock.systemUTC());
          DevToken.write(security)
              .ifPresent(
                  file ->
                      ctx.getLog()
                          .info(
                              "An admin token for this node is in {}: curl -H \"Authorization:"
                                  + " Bearer $(cat {})\" ...",
                              file,
                              file));
          HttpServer.start(
                  system,
                  settings,
                  TlsSettings.create(config),
                  route(
                      system,
                      settings,
                      TwinSettings.create(config),
                      () -> Optional.ofNullable(ingest.get()),
                      security,
                      audit))
              .whenComplete(
                  (binding, failure) -> {
                    if (failure != null) {
                      ctx.getLog()
                          .error(
                              "Cannot bind the REST API to {}:{}",
                              settings.iface(),
                              settings.port(),
                              failure);
                      http.completeExceptionally(failure);
                      system.terminate();
                    } else {
                      http.complete(binding);
                    }
                  });
          return Behaviors.empty();
        });
  }

  /** Registers the node's metrics and the sharded entities. */
  public static void initEntities(ActorSystem<?> system, Config config) {
    PrometheusMetrics.get(system);
    Sensor.init(system, SensorSettings.create(config));
    Furnace.init(system, FurnaceSettings.create(config));
    TwinSettings twin = TwinSettings.create(config);
    Twin.init(system, twin, DigitalTwin.container(twin.simulation()));
  }

  /** Starts the read sides over the entities' tagged events; after {@link #initEntities}. */
  public static void initProjections(ActorSystem<?> system, Config config) {
    SensorAnomalyToFurnaceAlarms.init(
        system,
        Sensor.anomalyTags(SensorSettings.create(config)),
        ProjectionSettings.create(config, SensorAnomalyToFurnaceAlarms.NAME));
  }

  /**
   * The public API of a node: every resource, secured by {@code security}, audited into {@code
   * audit}, measured; built once. The outer problem handler only sees what escapes the metrics
   * layer itself, so that even that is answered as a problem.
   */
  public static Route route(
      ActorSystem<?> system,
      HttpSettings settings,
      TwinSettings twin,
      Supplier<Optional<Ingest>> ingest,
      Security security,
      AuditTrail audit) {
    ClusterSharding sharding = ClusterSharding.get(system);
    PipelineMetrics pipeline =
        new PipelineMetrics(VitrumMetrics.get(system).registry(), Clock.systemUTC());
    system
        .scheduler()
        .scheduleWithFixedDelay(
            PIPELINE_WINDOW, PIPELINE_WINDOW, pipeline::tick, system.executionContext());
    ApiRoutes api =
        new ApiRoutes(
            new SensorRoutes(sharding, settings),
            new FurnaceRoutes(sharding, settings),
            new TwinRoutes(sharding, settings, (int) (twin.simulation().maxHorizonS() / 60)),
            new IngestRoutes(ingest, settings),
            new AuditRoutes(audit, Clock.systemUTC()),
            new PipelineRoutes(pipeline),
            security.guard(),
            new WsRoutes(
                system, WsSettings.create(system.settings().config()), security.verifier()));
    return new Problems()
        .handle(new HttpMetrics(VitrumMetrics.get(system).registry()).measured(api.routes()));
  }

  /**
   * Starts ingest once this node is up, when Kafka is configured (it is in the local profile);
   * stops it before the node leaves.
   */
  private static void startIngest(
      ActorSystem<Void> system, Config config, AtomicReference<Ingest> holder) {
    KafkaSettings kafka = KafkaSettings.create(config);
    if (!kafka.configured()) {
      system.log().info("No Kafka configured (vitrum.kafka.bootstrap-servers): ingest is off");
      return;
    }
    IngestSettings settings = IngestSettings.create(config);
    String tagMap = Ingest.initialTagMap(config, settings);
    Sources sources = Sources.fromConfig(system, config);
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
        .registerOnMemberUp(
            () -> {
              Ingest ingest =
                  Ingest.start(
                      system,
                      kafka,
                      settings,
                      tagMap,
                      VitrumMetrics.get(system).registry(),
                      sources);
              holder.set(ingest);
              SetpointWriteBack.init(
                  system,
                  ingest.tagMaps(),
                  sources.writers(),
                  WriteBackSettings.create(config),
                  ProjectionSettings.create(config, SetpointWriteBack.NAME));
              CoordinatedShutdown.get(system)
                  .addTask(
                      CoordinatedShutdown.PhaseServiceRequestsDone(),
                      "stop-ingest",
                      () -> {
                        ingest.close();
                        return CompletableFuture.completedFuture(Done.getInstance());
                      });
            });
  }

  private static void join(ActorSystem<Void> system, NodeSettings settings) {
    Cluster cluster = Cluster.get(system);
    if (settings.profile().equals("kubernetes")) {
      ClusterBootstrap.get(Adapter.toClassic(system)).start();
    } else if (settings.seedNodes().isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
  }
}
