package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the embedded Kafka (KRaft, one combined broker and controller): whether to start it,
 * where its data lives, its client and controller ports (0 picks a free one), heap, default
 * partition count of auto-created topics, log retention, and how long to wait for it to start and
 * stop.
 */
public record EmbeddedKafkaSettings(
    boolean enabled,
    Path dataDirectory,
    int port,
    int controllerPort,
    String heap,
    int partitions,
    Duration retention,
    Duration startTimeout,
    Duration stopTimeout) {

  public EmbeddedKafkaSettings {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    }
  }

  /**
   * Reads {@code vitrum.embedded.kafka}. An external Kafka ({@code vitrum.kafka.bootstrap-servers},
   * env {@code KAFKA_BOOTSTRAP_SERVERS}) replaces the embedded one: it is then not enabled.
   */
  public static EmbeddedKafkaSettings create(Config config) {
    Config c = config.getConfig("vitrum.embedded.kafka");
    return new EmbeddedKafkaSettings(
        c.getBoolean("enabled")
            && SettingsSupport.external(config, "vitrum.kafka.bootstrap-servers").isEmpty(),
        SettingsSupport.expandHome(c.getString("data-directory")),
        SettingsSupport.port(c, "port"),
        SettingsSupport.port(c, "controller-port"),
        c.getString("heap"),
        c.getInt("partitions"),
        c.getDuration("retention"),
        c.getDuration("start-timeout"),
        c.getDuration("stop-timeout"));
  }

  /** A copy that is enabled, keeps its data under {@code directory} and picks free ports. */
  public EmbeddedKafkaSettings forTests(Path directory) {
    return new EmbeddedKafkaSettings(
        true, directory, 0, 0, heap, partitions, retention, startTimeout, stopTimeout);
  }
}
