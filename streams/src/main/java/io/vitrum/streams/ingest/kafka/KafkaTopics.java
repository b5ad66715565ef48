package io.vitrum.streams.ingest.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates ingest's topics when they are missing, so a fresh cluster works at once: the readings log
 * with the configured partitions, the quarantine and frames topics time-retained. Existing topics
 * are left as they are (production clusters create them with their own settings).
 */
public final class KafkaTopics {
  private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

  private KafkaTopics() {}

  /**
   * Ensures the topics of {@code settings} exist, retrying until Kafka answers or 2 min pass, on a
   * thread of its own (it blocks; the common pool has a single thread on a 2-core machine).
   */
  public static CompletionStage<Void> ensure(KafkaSettings settings) {
    return ensure(settings, List.of());
  }

  /** Like {@link #ensure(KafkaSettings)}, with {@code others} too (default retention). */
  public static CompletionStage<Void> ensure(KafkaSettings settings, List<String> others) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                ensureBlocking(settings, others);
                done.complete(null);
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            },
            "vitrum-kafka-topics");
    worker.setDaemon(true);
    worker.start();
    return done;
  }

  private static void ensureBlocking(KafkaSettings settings, List<String> others) {
    List<NewTopic> topics = new ArrayList<>();
    others.forEach(name -> topics.add(topic(name, settings, Map.of())));
    topics.addAll(
        List.of(
            topic(settings.readingsIn(), settings, Map.of()),
            topic(settings.readings(), settings, Map.of()),
            topic(
                settings.quarantine(),
                settings,
                Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30L * 24 * 3600 * 1000))),
            topic(
                settings.frames(),
                settings,
                Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(7L * 24 * 3600 * 1000)))));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    try (Admin admin = Admin.create(admin(settings, "10000", "15000"))) {
      while (true) {
        try {
          Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
          List<NewTopic> missing =
              topics.stream().filter(t -> !existing.contains(t.name())).toList();
          for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
              entry.getValue().get(15, TimeUnit.SECONDS);
              log.info("Created Kafka topic {}", entry.getKey());
            } catch (ExecutionException e) {
              if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
              }
            }
          }
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "cannot create the ingest topics on " + settings.bootstrapServers(), e);
          }
          log.info(
              "Kafka at {} not ready yet ({}); retrying",
              settings.bootstrapServers(),
              e.toString());
          Thread.sleep(1000);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Admin client properties: bootstrap servers, security, the two timeouts. */
  static Map<String, Object> admin(KafkaSettings settings, String requestMs, String apiMs) {
    Map<String, Object> p = settings.clientProperties();
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestMs);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiMs);
    return p;
  }

  private static NewTopic topic(String name, KafkaSettings settings, Map<String, String> configs) {
    return new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(configs);
  }
}
