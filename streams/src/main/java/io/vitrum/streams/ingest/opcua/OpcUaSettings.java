package io.vitrum.streams.ingest.opcua;

import com.typesafe.config.Config;
import java.time.Duration;
import org.apache.pekko.stream.RestartSettings;

/**
 * The OPC UA source and setpoint writer, from {@code vitrum.opcua} (see {@code vitrum-opcua.conf}).
 *
 * @param endpoint {@code opc.tcp://host:port[/path]}; blank: not configured
 * @param applicationName how the engine names itself to the server
 * @param applicationUri the engine's application URI (also in a generated certificate)
 * @param publishingInterval how often the server sends what changed
 * @param samplingInterval how often the server samples each variable
 * @param deadband absolute deadband in the tag's unit (0: every change)
 * @param queueSize samples the server keeps per variable between publish responses
 * @param maxNotificationsPerPublish cap per publish response (0: the server decides)
 * @param buffer how much publishing the engine buffers before it stops taking notifications
 * @param requestTimeout timeout of one service call
 * @param connectTimeout timeout of the TCP connect
 * @param restart backoff between reconnect attempts
 * @param security security policy, identity, certificates and server trust
 */
public record OpcUaSettings(
    String endpoint,
    String applicationName,
    String applicationUri,
    Duration publishingInterval,
    Duration samplingInterval,
    double deadband,
    int queueSize,
    int maxNotificationsPerPublish,
    Duration buffer,
    Duration requestTimeout,
    Duration connectTimeout,
    RestartSettings restart,
    OpcUaSecuritySettings security) {

  public OpcUaSettings {
    if (deadband < 0 || !Double.isFinite(deadband)) {
      throw new IllegalArgumentException("vitrum.opcua.deadband must be >= 0");
    }
    if (queueSize < 1) {
      throw new IllegalArgumentException("vitrum.opcua.queue-size must be >= 1");
    }
    if (publishingInterval.isZero() || publishingInterval.isNegative()) {
      throw new IllegalArgumentException("vitrum.opcua.publishing-interval must be > 0");
    }
  }

  /** Reads {@code vitrum.opcua}. */
  public static OpcUaSettings create(Config config) {
    Config c = config.getConfig("vitrum.opcua");
    Config r = c.getConfig("restart");
    return new OpcUaSettings(
        c.getString("endpoint").trim(),
        c.getString("application-name"),
        c.getString("application-uri"),
        c.getDuration("publishing-interval"),
        c.getDuration("sampling-interval"),
        c.getDouble("deadband"),
        c.getInt("queue-size"),
        c.getInt("max-notifications-per-publish"),
        c.getDuration("buffer"),
        c.getDuration("request-timeout"),
        c.getDuration("connect-timeout"),
        RestartSettings.create(
            r.getDuration("min-backoff"),
            r.getDuration("max-backoff"),
            r.getDouble("random-factor")),
        OpcUaSecuritySettings.create(c.getConfig("security")));
  }

  /** Whether an endpoint is set (else no OPC UA source runs). */
  public boolean isConfigured() {
    return !endpoint.isBlank();
  }

  /** The same settings for another endpoint. */
  public OpcUaSettings withEndpoint(String otherEndpoint) {
    return new OpcUaSettings(
        otherEndpoint,
        applicationName,
        applicationUri,
        publishingInterval,
        samplingInterval,
        deadband,
        queueSize,
        maxNotificationsPerPublish,
        buffer,
        requestTimeout,
        connectTimeout,
        restart,
        security);
  }

  /**
   * Publish responses buffered between the client and the stream: {@code buffer /
   * publishingInterval}, at least 4. Each carries every change of one publishing interval, so the
   * default (1 s at 200 ms) holds a one-second burst of all items.
   */
  public int bufferedMessages() {
    long n = (buffer.toNanos() + publishingInterval.toNanos() - 1) / publishingInterval.toNanos();
    return (int) Math.max(4, Math.min(n, 10_000));
  }
}
