package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the embedded MQTT broker (Moquette): whether to start it, where its files live, its
 * port (0 picks a free one), heap, the largest message it accepts, the queue per client session,
 * and how long to wait for it to start and stop.
 */
public record EmbeddedMqttSettings(
    boolean enabled,
    Path dataDirectory,
    int port,
    String heap,
    long maxMessageSize,
    int sessionQueueSize,
    Duration startTimeout,
    Duration stopTimeout) {

  public EmbeddedMqttSettings {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (maxMessageSize < 1 || maxMessageSize > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("max-message-size out of range: " + maxMessageSize);
    }
    if (sessionQueueSize < 1) {
      throw new IllegalArgumentException("session-queue-size must be positive");
    }
  }

  /**
   * Reads {@code vitrum.embedded.mqtt}. An external broker ({@code vitrum.mqtt.url}, env {@code
   * VITRUM_MQTT_URL}) replaces the embedded one: it is then not enabled.
   */
  public static EmbeddedMqttSettings create(Config config) {
    Config c = config.getConfig("vitrum.embedded.mqtt");
    return new EmbeddedMqttSettings(
        c.getBoolean("enabled") && SettingsSupport.external(config, "vitrum.mqtt.url").isEmpty(),
        SettingsSupport.expandHome(c.getString("data-directory")),
        SettingsSupport.port(c, "port"),
        c.getString("heap"),
        c.getBytes("max-message-size"),
        c.getInt("session-queue-size"),
        c.getDuration("start-timeout"),
        c.getDuration("stop-timeout"));
  }

  /** A copy that is enabled, keeps its files under {@code directory} and picks a free port. */
  public EmbeddedMqttSettings forTests(Path directory) {
    return new EmbeddedMqttSettings(
        true, directory, 0, heap, maxMessageSize, sessionQueueSize, startTimeout, stopTimeout);
  }
}
