package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import io.vitrum.config.EmbeddedInfrastructure;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The {@link EmbeddedInfrastructure} a local-profile node finds through {@link
 * java.util.ServiceLoader} ({@code META-INF/services}): Cassandra, Kafka, the MQTT broker, Neo4j
 * and the simulated plant, each in its own child JVM, each when enabled ({@code
 * vitrum.embedded.<server> .enabled}) and not replaced by an external endpoint. Cassandra, Kafka,
 * the broker and Neo4j start in parallel; the plant starts as soon as Kafka and the broker are
 * ready (it needs their addresses), which is still well before Cassandra on a small machine. The
 * first server that fails interrupts the starts still in progress; those that did start are stopped
 * again, and the failure is reported with the end of its log.
 */
public final class EmbeddedLauncher implements EmbeddedInfrastructure {
  /** For {@link java.util.ServiceLoader}. */
  public EmbeddedLauncher() {}

  @Override
  public Started start(Config config) {
    EmbeddedCassandraSettings cassandra = EmbeddedCassandraSettings.create(config);
    EmbeddedKafkaSettings kafka = EmbeddedKafkaSettings.create(config);
    EmbeddedMqttSettings mqtt = EmbeddedMqttSettings.create(config);
    EmbeddedNeo4jSettings neo4j = EmbeddedNeo4jSettings.create(config);
    SimulatedPlantSettings plant = SimulatedPlantSettings.create(config);
    String externalKafka = SettingsSupport.external(config, "vitrum.kafka.bootstrap-servers");
    String externalMqtt = SettingsSupport.external(config, "vitrum.mqtt.url");

    ExecutorService pool =
        Executors.newFixedThreadPool(
            5,
            task -> {
              Thread thread = new Thread(task, "vitrum-embedded-start");
              thread.setDaemon(true);
              return thread;
            });
    try {
      CompletableFuture<Optional<EmbeddedCassandra>> cassandraUp =
          startIf(cassandra.enabled(), () -> EmbeddedCassandra.start(cassandra), pool);
      CompletableFuture<Optional<EmbeddedKafka>> kafkaUp =
          startIf(kafka.enabled(), () -> EmbeddedKafka.start(kafka), pool);
      CompletableFuture<Optional<EmbeddedMqttBroker>> mqttUp =
          startIf(mqtt.enabled(), () -> EmbeddedMqttBroker.start(mqtt), pool);
      CompletableFuture<Optional<EmbeddedNeo4j>> neo4jUp =
          startIf(neo4j.enabled(), () -> EmbeddedNeo4j.start(neo4j), pool);
      CompletableFuture<Optional<SimulatedPlant>> plantUp =
          plant.enabled()
              ? kafkaUp.thenCombineAsync(
                  mqttUp,
                  (k, m) ->
                      Optional.of(
                          SimulatedPlant.start(
                              plant,
                              k.map(EmbeddedKafka::bootstrapServers).orElse(externalKafka),
                              m.map(EmbeddedMqttBroker::url).orElse(externalMqtt))),
                  pool)
              : CompletableFuture.completedFuture(Optional.empty());
      List<CompletableFuture<? extends Optional<? extends EmbeddedServer>>> all =
          List.of(cassandraUp, kafkaUp, mqttUp, neo4jUp, plantUp);
      // The first failure interrupts the other starts: no waiting for Cassandra to stop it again.
      all.forEach(
          future ->
              future.whenComplete(
                  (ok, e) -> {
                    if (e != null) {
                      pool.shutdownNow();
                    }
                  }));
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .exceptionally(e -> null)
          .join();

      EmbeddedServers servers =
          new EmbeddedServers(
              cassandraUp.exceptionally(e -> Optional.empty()).join(),
              kafkaUp.exceptionally(e -> Optional.empty()).join(),
              mqttUp.exceptionally(e -> Optional.empty()).join(),
              neo4jUp.exceptionally(e -> Optional.empty()).join(),
              plantUp.exceptionally(e -> Optional.empty()).join());
      Set<Throwable> failures = new LinkedHashSet<>();
      for (CompletableFuture<?> future : all) {
        try {
          future.join();
        } catch (CompletionException | CancellationException e) {
          Throwable cause = unwrap(e);
          if (!abandoned(cause)) {
            failures.add(cause);
          }
        }
      }
      if (!failures.isEmpty()) {
        servers.close();
        throw failure(new ArrayList<>(failures));
      }
      return servers;
    } finally {
      pool.shutdown();
    }
  }

  private static <T extends EmbeddedServer> CompletableFuture<Optional<T>> startIf(
      boolean enabled, Supplier<T> start, ExecutorService pool) {
    return enabled
        ? CompletableFuture.supplyAsync(() -> Optional.of(start.get()), pool)
        : CompletableFuture.completedFuture(Optional.empty());
  }

  /** Whether {@code e} only says that a start was given up after another one failed. */
  private static boolean abandoned(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException
          || cause instanceof ClosedByInterruptException
          || cause instanceof RejectedExecutionException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static IllegalStateException failure(List<Throwable> failures) {
    if (failures.size() == 1 && failures.get(0) instanceof IllegalStateException only) {
      return only;
    }
    IllegalStateException e =
        new IllegalStateException(
            failures.size()
                + " embedded servers failed: "
                + String.join("\n", failures.stream().map(Throwable::getMessage).toList()));
    failures.forEach(e::addSuppressed);
    return e;
  }
}
