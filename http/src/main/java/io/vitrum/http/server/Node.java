package io.vitrum.http.server;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SensorAnomalyToFurnaceAlarms;
import io.vitrum.actors.incident.Incident;
import io.vitrum.actors.incident.IncidentSettings;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.actors.model.Model;
import io.vitrum.actors.model.ModelQuality;
import io.vitrum.actors.model.ModelSettings;
import io.vitrum.actors.policy.Policy;
import io.vitrum.actors.policy.PolicySettings;
import io.vitrum.actors.projection.ProjectionSettings;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorSettings;
import io.vitrum.actors.twin.Twin;
import io.vitrum.actors.twin.TwinSettings;
import io.vitrum.core.causal.ask.AnswerWriter;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.rl.PolicyAdvisor;
import io.vitrum.core.rl.SafetyShield;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.http.audit.AuditSettings;
import io.vitrum.http.audit.AuditTrail;
import io.vitrum.http.audit.CassandraAuditTrail;
import io.vitrum.http.auth.DevToken;
import io.vitrum.http.auth.Security;
import io.vitrum.http.errors.Problems;
import io.vitrum.http.routes.ApiRoutes;
import io.vitrum.http.routes.AskRoutes;
import io.vitrum.http.routes.AskSettings;
import io.vitrum.http.routes.AuditRoutes;
import io.vitrum.http.routes.DashboardRoutes;
import io.vitrum.http.routes.ExplainabilityRoutes;
import io.vitrum.http.routes.FeatureRoutes;
import io.vitrum.http.routes.FurnaceRoutes;
import io.vitrum.http.routes.HistoryRoutes;
import io.vitrum.http.routes.HttpSettings;
import io.vitrum.http.routes.IncidentRoutes;
import io.vitrum.http.routes.IngestRoutes;
import io.vitrum.http.routes.KnowledgeGraphRoutes;
import io.vitrum.http.routes.ModelRoutes;
import io.vitrum.http.routes.PipelineRoutes;
import io.vitrum.http.routes.PolicyRoutes;
import io.vitrum.http.routes.ReplayRoutes;
import io.vitrum.http.routes.SensorRoutes;
import io.vitrum.http.routes.ShiftReportRoutes;
import io.vitrum.http.routes.TrainingRoutes;
import io.vitrum.http.routes.TwinRoutes;
import io.vitrum.http.ws.WsRoutes;
import io.vitrum.http.ws.WsSettings;
import io.vitrum.streams.features.FeatureSettings;
import io.vitrum.streams.features.LatestFeatures;
import io.vitrum.streams.features.LiveFeatures;
import io.vitrum.streams.history.CassandraHistoryStore;
import io.vitrum.streams.history.HistoryMetrics;
import io.vitrum.streams.history.HistoryQuery;
import io.vitrum.streams.history.HistorySettings;
import io.vitrum.streams.history.HistoryStore;
import io.vitrum.streams.history.HistoryWriter;
import io.vitrum.streams.history.Replays;
import io.vitrum.streams.inference.DryRun;
import io.vitrum.streams.inference.Explainer;
import io.vitrum.streams.inference.InferenceMetrics;
import io.vitrum.streams.inference.InferenceSettings;
import io.vitrum.streams.inference.InspectionDecisions;
import io.vitrum.streams.inference.LatestPredictions;
import io.vitrum.streams.inference.ModelMonitor;
import io.vitrum.streams.inference.Prediction;
import io.vitrum.streams.inference.PredictionPublisher;
import io.vitrum.streams.inference.PredictionStage;
import io.vitrum.streams.inference.Predictor;
import io.vitrum.streams.inference.RecentInspections;
import io.vitrum.streams.inference.RejectOutput;
import io.vitrum.streams.inference.RejectOutputSettings;
import io.vitrum.streams.inference.ServedModels;
import io.vitrum.streams.ingest.Ingest;
import io.vitrum.streams.ingest.IngestSettings;
import io.vitrum.streams.ingest.SetpointWriter;
import io.vitrum.streams.ingest.Sources;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.KafkaTopics;
import io.vitrum.streams.ingest.writeback.SetpointWriteBack;
import io.vitrum.streams.ingest.writeback.WriteBackSettings;
import io.vitrum.streams.policy.CommittedPolicy;
import io.vitrum.streams.policy.PolicyRunner;
import io.vitrum.streams.policy.PolicyServingSettings;
import io.vitrum.streams.policy.ServedPolicies;
import io.vitrum.streams.policy.TwinPolicyJobs;
import io.vitrum.streams.rootcause.QuestionAnswering;
import io.vitrum.streams.rootcause.RootCauses;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * Assembles one Vitrum node: metrics, the sharded entities, the projections that connect them,
 * cluster membership (self-join locally, seed nodes in the cluster profile, Kubernetes bootstrap),
 * Pekko Management and the REST API.
 */
public final class Node {
  /** How often the pipeline metrics start a new window. */
  private static final Duration PIPELINE_WINDOW = Duration.ofSeconds(10);

  /** Coalitions per KernelSHAP explanation (one batched model run). */
  private static final int EXPLANATION_COALITIONS = 128;

  /** The forecast horizon whose expected rejects name an incident's defect class. */
  private static final String FORECAST_HORIZON = "60m";

  /** Where policies are trained and evaluated. */
  private static final String POLICY_TRAINING = "vitrum.policy.training-pool";

  /** Where deployed policies are run against the live furnaces. */
  private static final String POLICY_RUNNER = "vitrum.policy.runner-pool";

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
          HistoryMetrics historyMetrics = new HistoryMetrics(VitrumMetrics.get(system).registry());
          CassandraHistoryStore history =
              CassandraHistoryStore.create(
                  system, HistorySettings.create(config), historyMetrics, Clock.systemUTC());
          LatestFeatures features = new LatestFeatures();
          InferenceSettings inference = InferenceSettings.create(config);
          ServedModels models = ServedModels.open(inference);
          LatestPredictions predictions = new LatestPredictions();
          RootCauses.get(system).start(furnace -> expectedDefect(predictions, furnace));
          org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
              .registerOnMemberUp(
                  () -> ModelSync.run(system, models, HttpSettings.create(config).askTimeout()));
          startIngest(
              system,
              config,
              ingest,
              new Consumers(history, historyMetrics, features, inference, models, predictions));
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
                      audit,
                      history,
                      features,
                      models,
                      predictions))
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
    Model.init(system, ModelSettings.create(config));
    Incident.init(system, IncidentSettings.create(config));
    Policy.init(
        system,
        PolicySettings.create(config),
        new TwinPolicyJobs(
            PolicyServingSettings.create(config),
            system.dispatchers().lookup(DispatcherSelector.fromConfig(POLICY_TRAINING)),
            Clock.systemUTC()),
        HttpSettings.create(config).askTimeout());
  }

  /** The reject class the latest forecast of {@code furnace} expects most of in an hour. */
  static Optional<String> expectedDefect(LatestPredictions predictions, String furnace) {
    return predictions
        .of(furnace)
        .flatMap(
            p ->
                p.prediction().forecast() == null
                        || !p.prediction().forecast().containsKey(FORECAST_HORIZON)
                    ? Optional.empty()
                    : p.prediction().forecast().get(FORECAST_HORIZON).entrySet().stream()
                        .max(Comparator.comparingDouble(e -> e.getValue().p50()))
                        .map(Map.Entry::getKey));
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
      AuditTrail audit,
      HistoryStore history,
      LatestFeatures features,
      ServedModels models,
      LatestPredictions predictions) {
    ClusterSharding sharding = ClusterSharding.get(system);
    Config config = system.settings().config();
    RootCauses rootCauses = RootCauses.get(system);
    HistorySettings historySettings = HistorySettings.create(config);
    HistoryQuery query = new HistoryQuery(history, historySettings.writer().blocks());
    Executor inferenceThreads =
        system.dispatchers().lookup(DispatcherSelector.fromConfig(InferenceSettings.DISPATCHER));
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
            new IngestRoutes(ingest, settings, RecentInspections.get(system)),
            new AuditRoutes(audit, Clock.systemUTC()),
            new PipelineRoutes(
                pipeline,
                new DryRun(
                    FeatureSettings.create(config).schema(),
                    new Predictor(models, new InferenceMetrics(new SimpleMeterRegistry())),
                    new Explainer(models, EXPLANATION_COALITIONS)),
                inferenceThreads,
                settings),
            new FeatureRoutes(features),
            new ModelRoutes(sharding, settings, models, Clock.systemUTC()),
            new TrainingRoutes(sharding, settings, models.dir(), ModelSettings.create(config)),
            new ExplainabilityRoutes(
                predictions,
                new Explainer(models, EXPLANATION_COALITIONS),
                system
                    .dispatchers()
                    .lookup(DispatcherSelector.fromConfig(InferenceSettings.DISPATCHER))),
            new HistoryRoutes(
                query,
                historySettings.query(),
                tag -> configured(sharding, settings, tag),
                Clock.systemUTC()),
            new ReplayRoutes(
                new Replays(
                    system,
                    query,
                    historySettings.replay(),
                    FeatureSettings.create(config),
                    Clock.systemUTC()),
                historySettings.replay(),
                settings,
                Clock.systemUTC()),
            new IncidentRoutes(sharding, settings, rootCauses.graph(), Clock.systemUTC()),
            new ShiftReportRoutes(query, rootCauses.graph(), ingest, Clock.systemUTC()),
            new KnowledgeGraphRoutes(rootCauses.graph()),
            new AskRoutes(
                () -> furnaces(ingest),
                AskSettings.create(config),
                rootCauses
                    .graph()
                    .map(
                        g ->
                            new QuestionAnswering(
                                system,
                                g,
                                rootCauses.ontology(),
                                new AnswerWriter(AskSettings.create(config).zone()),
                                settings.askTimeout())),
                settings,
                Clock.systemUTC()),
            new PolicyRoutes(
                sharding,
                settings,
                () -> CommittedPolicy.production(models.dir()),
                () -> furnaces(ingest),
                PolicySettings.create(config),
                PolicyServingSettings.create(config).defaultIterations()),
            security.guard(),
            new WsRoutes(
                system, WsSettings.create(system.settings().config()), security.verifier()),
            new DashboardRoutes());
    return new Problems()
        .handle(new HttpMetrics(VitrumMetrics.get(system).registry()).measured(api.routes()));
  }

  /** The furnaces of the tag map in force, none before ingest started. */
  private static Set<String> furnaces(Supplier<Optional<Ingest>> ingest) {
    return ingest
        .get()
        .map(
            i ->
                i.tagMaps().get().sensors().stream()
                    .map(TagMapRow::furnace)
                    .collect(Collectors.toCollection(TreeSet::new)))
        .map(s -> (Set<String>) s)
        .orElse(Set.of());
  }

  /** Whether {@code tag} is a configured sensor. */
  private static CompletionStage<Boolean> configured(
      ClusterSharding sharding, HttpSettings settings, String tag) {
    return sharding
        .entityRefFor(Sensor.ENTITY_KEY, tag)
        .ask(Sensor.GetState::new, settings.askTimeout())
        .thenApply(view -> view.config() != null);
  }

  /**
   * Starts ingest once this node is up, when Kafka is configured (it is in the local profile);
   * stops it before the node leaves.
   */
  private static void startIngest(
      ActorSystem<Void> system,
      Config config,
      AtomicReference<Ingest> holder,
      Consumers consumers) {
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
              List<UniqueKillSwitch> running =
                  new ArrayList<>(
                      startConsumers(system, config, ingest, sources.writers(), consumers));
              startPolicies(system, config, () -> furnaces(() -> Optional.of(ingest)))
                  .ifPresent(running::add);
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
                        running.forEach(UniqueKillSwitch::shutdown);
                        ingest.close();
                        return CompletableFuture.completedFuture(Done.getInstance());
                      });
            });
  }

  /**
   * Where the consumers of {@code vitrum.readings} besides the sensor delivery put what they make.
   */
  private record Consumers(
      HistoryStore history,
      HistoryMetrics historyMetrics,
      LatestFeatures features,
      InferenceSettings inference,
      ServedModels models,
      LatestPredictions predictions) {}

  /**
   * The consumers of {@code vitrum.readings} besides the sensor delivery, each in its own group:
   * the history writer and the live feature stage (each unless switched off); and the reject
   * decisions on {@code vitrum.frames} when the vision model is served, each reject written to its
   * line's reject output through {@code writers}.
   */
  private static List<UniqueKillSwitch> startConsumers(
      ActorSystem<Void> system,
      Config config,
      Ingest ingest,
      Map<SourceKind, SetpointWriter> writers,
      Consumers consumers) {
    List<UniqueKillSwitch> started = new ArrayList<>();
    HistorySettings historySettings = HistorySettings.create(config);
    if (historySettings.writer().enabled()) {
      started.add(
          new HistoryWriter(
                  system,
                  ingest.kafka(),
                  historySettings,
                  consumers.history(),
                  consumers.historyMetrics(),
                  Clock.systemUTC())
              .start());
    }
    FeatureSettings features = FeatureSettings.create(config);
    InferenceMetrics inferenceMetrics = new InferenceMetrics(VitrumMetrics.get(system).registry());
    ModelQuality quality =
        new ModelQuality(
            system, HttpSettings.create(config).askTimeout(), consumers.models()::activate);
    if (features.enabled()) {
      Flow<FeatureVector, Prediction, NotUsed> predictions =
          PredictionStage.flow(
                  new Predictor(consumers.models(), inferenceMetrics),
                  consumers.inference(),
                  system
                      .dispatchers()
                      .lookup(DispatcherSelector.fromConfig(InferenceSettings.DISPATCHER)))
              .via(
                  ModelMonitor.flow(
                      consumers.models(),
                      consumers.inference(),
                      quality::reportForecast,
                      quality::reportDrift))
              .via(
                  PredictionPublisher.flow(
                      system,
                      ingest.kafka(),
                      consumers.inference(),
                      consumers.predictions(),
                      HttpSettings.create(config).askTimeout()));
      KafkaTopics.ensure(
          ingest.kafka(),
          List.of(consumers.inference().predictionsTopic(), consumers.inference().alertsTopic()));
      started.add(
          LiveFeatures.start(
              system,
              ingest.kafka(),
              features,
              ingest.tagMaps(),
              consumers.features()::put,
              predictions,
              p -> RootCauses.get(system).recent().add(p.tag(), p.epochMillis(), p.value()),
              Clock.systemUTC()));
    }
    if (consumers.models().vision().isPresent()) {
      started.add(
          new InspectionDecisions(
                  system,
                  ingest.kafka(),
                  consumers.inference(),
                  consumers.models(),
                  inferenceMetrics,
                  quality::report,
                  new RejectOutput(
                      ingest.tagMaps(),
                      writers,
                      RejectOutputSettings.create(config),
                      VitrumMetrics.get(system).registry()),
                  Clock.systemUTC())
              .start());
    }
    return started;
  }

  /** Runs the deployed policies against the live furnaces, unless switched off. */
  private static Optional<UniqueKillSwitch> startPolicies(
      ActorSystem<Void> system, Config config, Supplier<Set<String>> furnaces) {
    PolicyServingSettings serving = PolicyServingSettings.create(config);
    if (!serving.enabled()) {
      return Optional.empty();
    }
    TwinSettings twin = TwinSettings.create(config);
    PolicyRunner runner =
        new PolicyRunner(
            ClusterSharding.get(system),
            serving,
            new PolicyAdvisor(
                SafetyShield.containerDefaults(), DigitalTwin.container(twin.simulation())),
            new ServedPolicies(),
            system.dispatchers().lookup(DispatcherSelector.fromConfig(POLICY_RUNNER)),
            HttpSettings.create(config).askTimeout(),
            Clock.systemUTC());
    return Optional.of(runner.start(system, furnaces));
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
