package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import io.vitrum.config.EmbeddedInfrastructure;
import io.vitrum.config.VitrumConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The servers one {@link EmbeddedLauncher#start} started or reused, each optional: it points the
 * node's configuration at them and stops them, the plant first (it is a client of the others), then
 * the rest in parallel.
 */
final class EmbeddedServers implements EmbeddedInfrastructure.Started {
  private final Optional<EmbeddedCassandra> cassandra;
  private final Optional<EmbeddedKafka> kafka;
  private final Optional<EmbeddedMqttBroker> mqtt;
  private final Optional<EmbeddedNeo4j> neo4j;
  private final Optional<SimulatedPlant> plant;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();

  EmbeddedServers(
      Optional<EmbeddedCassandra> cassandra,
      Optional<EmbeddedKafka> kafka,
      Optional<EmbeddedMqttBroker> mqtt,
      Optional<EmbeddedNeo4j> neo4j,
      Optional<SimulatedPlant> plant) {
    this.cassandra = cassandra;
    this.kafka = kafka;
    this.mqtt = mqtt;
    this.neo4j = neo4j;
    this.plant = plant;
  }

  /** The servers without a Neo4j. */
  EmbeddedServers(
      Optional<EmbeddedCassandra> cassandra,
      Optional<EmbeddedKafka> kafka,
      Optional<EmbeddedMqttBroker> mqtt,
      Optional<SimulatedPlant> plant) {
    this(cassandra, kafka, mqtt, Optional.empty(), plant);
  }

  /**
   * {@code config} with the Cassandra contact points, Kafka bootstrap servers, MQTT URL, Neo4j Bolt
   * URI, and the plant's OPC UA endpoint and Modbus host and port replaced by those of the servers
   * started here; what was not started here keeps its configured (external) value.
   */
  @Override
  public Config configure(Config config) {
    Config c = config;
    if (cassandra.isPresent()) {
      c = VitrumConfig.withCassandraContactPoints(c, cassandra.get().contactPoint());
    }
    if (kafka.isPresent()) {
      c = VitrumConfig.withKafkaBootstrapServers(c, kafka.get().bootstrapServers());
    }
    if (mqtt.isPresent()) {
      c = VitrumConfig.withMqttUrl(c, mqtt.get().url());
    }
    if (neo4j.isPresent()) {
      c = VitrumConfig.withNeo4jUri(c, neo4j.get().boltUri());
    }
    if (plant.isPresent() && plant.get().opcuaPort() > 0) {
      c = VitrumConfig.withOpcUaEndpoint(c, plant.get().opcuaEndpoint());
    }
    if (plant.isPresent() && plant.get().modbusPort() > 0) {
      c = VitrumConfig.withModbus(c, "127.0.0.1", plant.get().modbusPort());
    }
    return c;
  }

  @Override
  public List<String> describe() {
    return servers().map(EmbeddedServer::describe).toList();
  }

  /** Every server, in start-banner order. */
  Stream<EmbeddedServer> servers() {
    return Stream.of(cassandra, kafka, mqtt, neo4j, plant).flatMap(Optional::stream);
  }

  Optional<EmbeddedCassandra> cassandra() {
    return cassandra;
  }

  Optional<EmbeddedKafka> kafka() {
    return kafka;
  }

  Optional<EmbeddedMqttBroker> mqtt() {
    return mqtt;
  }

  Optional<EmbeddedNeo4j> neo4j() {
    return neo4j;
  }

  Optional<SimulatedPlant> plant() {
    return plant;
  }

  /** Stops what was started here; a concurrent second call waits until the first has finished. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      stopped.join();
      return;
    }
    try {
      plant.ifPresent(SimulatedPlant::close);
      List<Thread> stopping = new ArrayList<>();
      Stream.of(cassandra, kafka, mqtt, neo4j)
          .flatMap(Optional::stream)
          .forEach(
              server -> {
                Thread thread = new Thread(server::close, "vitrum-embedded-stop");
                thread.start();
                stopping.add(thread);
              });
      for (Thread thread : stopping) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped.complete(null);
    }
  }
}
