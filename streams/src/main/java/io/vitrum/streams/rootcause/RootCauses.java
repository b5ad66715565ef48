package io.vitrum.streams.rootcause;

import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.incident.Incident;
import io.vitrum.actors.incident.IncidentSettings;
import io.vitrum.actors.projection.ProjectionSettings;
import io.vitrum.actors.projection.TaggedProjection;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorSettings;
import io.vitrum.core.causal.Ontology;
import io.vitrum.core.causal.PhysicsCheck;
import io.vitrum.core.causal.RootCauseAnalysis;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.streams.graph.FurnaceGraphHandler;
import io.vitrum.streams.graph.GraphSettings;
import io.vitrum.streams.graph.IncidentGraphHandler;
import io.vitrum.streams.graph.KnowledgeGraph;
import io.vitrum.streams.graph.SensorGraphHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.pattern.Patterns;

/**
 * The knowledge graph and root-cause analysis of one node: the ontology, the Neo4j graph (when
 * {@code vitrum.graph.enabled}), this node's recent minutes of every tag and the analysis runner.
 * {@link #start} seeds the graph and starts the read sides: sensor configurations, furnace alarms
 * and setpoint changes, and incidents into the graph; furnace alarms into incidents.
 */
public final class RootCauses implements Extension {
  /** The knowledge graph's projections; part of their stored offsets: never rename. */
  public static final String GRAPH_SENSORS = "knowledge-graph-sensors";

  public static final String GRAPH_FURNACES = "knowledge-graph-furnaces";
  public static final String GRAPH_INCIDENTS = "knowledge-graph-incidents";
  private static final String GRAPH_PROJECTIONS = "knowledge-graph";
  private static final int SEED_ATTEMPTS = 30;

  private static final ExtensionId<RootCauses> ID =
      new ExtensionId<>() {
        @Override
        public RootCauses createExtension(ActorSystem<?> system) {
          return new RootCauses(system);
        }
      };

  private final ActorSystem<?> system;
  private final Ontology ontology = Ontology.bundled();
  private final Optional<KnowledgeGraph> graph;
  private final RecentMinutes recent;
  private final RootCauseRunner runner;

  private RootCauses(ActorSystem<?> system) {
    this.system = system;
    GraphSettings settings = GraphSettings.create(system.settings().config());
    RootCauseSettings rca = RootCauseSettings.create(system.settings().config());
    this.graph =
        settings.enabled() && !settings.uri().isBlank()
            ? Optional.of(
                new KnowledgeGraph(
                    settings,
                    system
                        .dispatchers()
                        .lookup(
                            DispatcherSelector.fromConfig(
                                "pekko.actor.default-blocking-io-dispatcher"))))
            : Optional.empty();
    this.recent = new RecentMinutes(rca.keep());
    this.runner =
        new RootCauseRunner(
            system,
            new RootCauseAnalysis(ontology, new PhysicsCheck(DigitalTwin.containerDefaults())),
            recent,
            graph.orElse(null),
            rca,
            rca.askTimeout(),
            Clock.systemUTC());
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-knowledge-graph",
            () -> {
              runner.close();
              graph.ifPresent(KnowledgeGraph::close);
              return CompletableFuture.completedFuture(Done.getInstance());
            });
  }

  public static RootCauses get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public Ontology ontology() {
    return ontology;
  }

  public Optional<KnowledgeGraph> graph() {
    return graph;
  }

  public RecentMinutes recent() {
    return recent;
  }

  public RootCauseRunner runner() {
    return runner;
  }

  /**
   * Seeds the graph (retrying while Neo4j is not up yet) and starts the read sides; {@code
   * expectedDefect} names the reject class a furnace's latest forecast expects most of.
   */
  public void start(Function<String, Optional<String>> expectedDefect) {
    var config = system.settings().config();
    Duration timeout = RootCauseSettings.create(config).askTimeout();
    TaggedProjection.init(
        system,
        IncidentTriggers.NAME,
        Furnace.graphTags(FurnaceSettings.create(config)),
        ProjectionSettings.create(config, IncidentTriggers.NAME),
        () -> new IncidentTriggers(system, runner, expectedDefect, timeout));
    new DefectRateWatch(system, recent, timeout, Clock.systemUTC()).start();
    if (graph.isEmpty()) {
      system.log().info("The knowledge graph is off (vitrum.graph.enabled)");
      return;
    }
    KnowledgeGraph g = graph.get();
    ProjectionSettings projection = ProjectionSettings.create(config, GRAPH_PROJECTIONS);
    Patterns.retry(
            () -> g.seed(ontology),
            SEED_ATTEMPTS,
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            0.2,
            system)
        .whenComplete(
            (version, failure) -> {
              if (failure != null) {
                system.log().error("Cannot seed the knowledge graph", failure);
                return;
              }
              TaggedProjection.init(
                  system,
                  GRAPH_SENSORS,
                  Sensor.configTags(SensorSettings.create(config)),
                  projection,
                  () -> new SensorGraphHandler(g, ontology));
              TaggedProjection.init(
                  system,
                  GRAPH_FURNACES,
                  Furnace.graphTags(FurnaceSettings.create(config)),
                  projection,
                  () -> new FurnaceGraphHandler(g));
              TaggedProjection.init(
                  system,
                  GRAPH_INCIDENTS,
                  Incident.tags(IncidentSettings.create(config)),
                  projection,
                  () -> new IncidentGraphHandler(g));
            });
  }
}
