package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How to run the embedded MQTT broker (Moquette): whether to start it, where its files live, its
 * port (0 picks a free one), heap, the largest message it accepts, the queue per client session,
 * and how long to wait for it to start and stop.
 *
 * <p>With a user name set ({@code vitrum.mqtt.username}, env {@code VITRUM_MQTT_USERNAME}) the
 * broker refuses anonymous clients and accepts only that user with the engine's password ({@code
 * vitrum.mqtt.password} or the file at {@code vitrum.mqtt.password-file}): {@code passwordLine} is
 * the Moquette password-file line {@code user:sha256hex}. Only the hash is kept, and {@link
 * #toString()} hides even that.
 */
public record EmbeddedMqttSettings(
    boolean enabled,
    Path dataDirectory,
    int port,
    String heap,
    long maxMessageSize,
    int sessionQueueSize,
    Duration startTimeout,
    Duration stopTimeout,
    String passwordLine) {

  public EmbeddedMqttSettings {
    Objects.requireNonNull(passwordLine, "passwordLine");
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
        c.getDuration("stop-timeout"),
        passwordLine(
            SettingsSupport.string(config, "vitrum.mqtt.username"),
            SettingsSupport.secret(config, "vitrum.mqtt.password")));
  }

  /** Whether clients must authenticate (anonymous ones are refused). */
  public boolean authenticated() {
    return !passwordLine.isEmpty();
  }

  /** A copy that accepts only {@code user} with {@code password} (blank user: anonymous). */
  public EmbeddedMqttSettings withCredentials(String user, String password) {
    return new EmbeddedMqttSettings(
        enabled,
        dataDirectory,
        port,
        heap,
        maxMessageSize,
        sessionQueueSize,
        startTimeout,
        stopTimeout,
        passwordLine(user, password));
  }

  /** {@code user:sha256hex(password)}, Moquette's password-file line; "" for a blank user. */
  static String passwordLine(String user, String password) {
    if (user.isBlank()) {
      return "";
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return user.trim() + ":" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedMqttSettings[enabled="
        + enabled
        + ", dataDirectory="
        + dataDirectory
        + ", port="
        + port
        + ", heap="
        + heap
        + ", maxMessageSize="
        + maxMessageSize
        + ", sessionQueueSize="
        + sessionQueueSize
        + ", authenticated="
        + authenticated()
        + "]";
  }

  /** A copy that is enabled, keeps its files under {@code directory} and picks a free port. */
  public EmbeddedMqttSettings forTests(Path directory) {
    return new EmbeddedMqttSettings(
        true,
        directory,
        0,
        heap,
        maxMessageSize,
        sessionQueueSize,
        startTimeout,
        stopTimeout,
        passwordLine);
  }
}
