package io.vitrum.streams.ingest.mqtt;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import io.vitrum.core.security.Secret;
import io.vitrum.streams.ingest.Secrets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * MQTT ingest and write-back, from {@code vitrum.mqtt} (see {@code vitrum-mqtt.conf} for what every
 * key means).
 *
 * @param url {@code tcp://host:port}; blank: MQTT is not configured
 * @param username user name, blank for anonymous
 * @param password password ({@code password}, or the file at {@code password-file}); shown as
 *     {@code ****}
 * @param clientId stable client id prefix ({@code -json}, {@code -spb}, {@code -pub-…} appended)
 * @param qos subscription QoS
 * @param keepAlive Paho keep-alive
 * @param connectionTimeout connect and CONNACK timeout
 * @param maxInFlight Paho's window of outgoing QoS 1 publishes
 * @param bufferSize messages the connector holds before downstream pulls them
 * @param maxUnacked messages downstream holds without having acknowledged them
 * @param reconnectMinBackoff first backoff after a failure
 * @param reconnectMaxBackoff longest backoff
 * @param reconnectRandomFactor jitter of the backoff
 * @param ackParallelism acknowledgements in flight
 * @param ackTimeout how long one acknowledgement may take
 * @param disconnectQuiesce how long a closing connection finishes its outstanding work
 * @param json the JSON readings source
 * @param sparkplug the Sparkplug B source
 * @param setpoints the setpoint writer
 */
public record MqttSettings(
    String url,
    String username,
    Secret password,
    String clientId,
    int qos,
    Duration keepAlive,
    Duration connectionTimeout,
    int maxInFlight,
    int bufferSize,
    int maxUnacked,
    Duration reconnectMinBackoff,
    Duration reconnectMaxBackoff,
    double reconnectRandomFactor,
    int ackParallelism,
    Duration ackTimeout,
    Duration disconnectQuiesce,
    Json json,
    Sparkplug sparkplug,
    Setpoints setpoints) {

  public MqttSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clientId, "clientId");
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, not " + qos);
    }
    if (bufferSize < 1 || maxUnacked < 1 || ackParallelism < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException(
          "buffer-size, max-unacked, max-in-flight and ack-parallelism must be positive");
    }
  }

  /**
   * The JSON readings source.
   *
   * @param topics topic filters to subscribe
   * @param maxPayloadBytes larger payloads are too large
   * @param maxReadings larger arrays are too large
   */
  public record Json(List<String> topics, int maxPayloadBytes, int maxReadings) {
    public Json {
      topics = List.copyOf(topics);
    }
  }

  /**
   * The Sparkplug B source.
   *
   * @param groups group ids to subscribe; empty: no Sparkplug source
   * @param rebirthRequests ask edge nodes to rebirth when an alias is unknown
   * @param rebirthMinInterval at most one request per edge node this often
   * @param maxPayloadBytes larger payloads are too large
   */
  public record Sparkplug(
      List<String> groups,
      boolean rebirthRequests,
      Duration rebirthMinInterval,
      int maxPayloadBytes) {
    public Sparkplug {
      groups = List.copyOf(groups);
    }

    /** The topic filters: {@code spBv1.0/<group>/+/#} per group. */
    public List<String> topics() {
      return groups.stream().map(g -> SparkplugTopic.NAMESPACE + "/" + g + "/+/#").toList();
    }
  }

  /**
   * The setpoint writer.
   *
   * @param topic command topic with {@code {furnace}} in it
   * @param publishTimeout how long the broker may take to acknowledge
   */
  public record Setpoints(String topic, Duration publishTimeout) {
    /** The command topic of {@code furnace}. */
    public String topicOf(String furnace) {
      return topic.replace("{furnace}", furnace);
    }
  }

  /** Reads {@code vitrum.mqtt} of {@code config}. */
  public static MqttSettings create(Config config) {
    Config c = config.getConfig("vitrum.mqtt");
    Config json = c.getConfig("json");
    Config spb = c.getConfig("sparkplug");
    Config sp = c.getConfig("setpoints");
    return new MqttSettings(
        c.getString("url").trim(),
        c.getString("username").trim(),
        Secrets.read(c, "password"),
        c.getString("client-id"),
        c.getInt("qos"),
        c.getDuration("keep-alive"),
        c.getDuration("connection-timeout"),
        c.getInt("max-in-flight"),
        c.getInt("buffer-size"),
        c.getInt("max-unacked"),
        c.getDuration("reconnect.min-backoff"),
        c.getDuration("reconnect.max-backoff"),
        c.getDouble("reconnect.random-factor"),
        c.getInt("ack-parallelism"),
        c.getDuration("ack-timeout"),
        c.getDuration("disconnect-quiesce"),
        new Json(
            json.getStringList("topics"),
            json.getInt("max-payload-bytes"),
            json.getInt("max-readings")),
        new Sparkplug(
            stringList(spb, "groups"),
            spb.getBoolean("rebirth-requests"),
            spb.getDuration("rebirth-min-interval"),
            spb.getInt("max-payload-bytes")),
        new Setpoints(sp.getString("topic"), sp.getDuration("publish-timeout")));
  }

  /** Whether a broker is configured. */
  public boolean enabled() {
    return !url.isBlank();
  }

  /** These settings against another broker. */
  public MqttSettings withUrl(String newUrl) {
    return new MqttSettings(
        newUrl,
        username,
        password,
        clientId,
        qos,
        keepAlive,
        connectionTimeout,
        maxInFlight,
        bufferSize,
        maxUnacked,
        reconnectMinBackoff,
        reconnectMaxBackoff,
        reconnectRandomFactor,
        ackParallelism,
        ackTimeout,
        disconnectQuiesce,
        json,
        sparkplug,
        setpoints);
  }

  /** These settings with a user name and password (blank user: anonymous). */
  public MqttSettings withCredentials(String newUsername, Secret newPassword) {
    return new MqttSettings(
        url,
        newUsername,
        newPassword,
        clientId,
        qos,
        keepAlive,
        connectionTimeout,
        maxInFlight,
        bufferSize,
        maxUnacked,
        reconnectMinBackoff,
        reconnectMaxBackoff,
        reconnectRandomFactor,
        ackParallelism,
        ackTimeout,
        disconnectQuiesce,
        json,
        sparkplug,
        setpoints);
  }

  /** Whether the connection authenticates with a user name and password. */
  public boolean authenticated() {
    return !username.isBlank();
  }

  /** These settings with another client id prefix. */
  public MqttSettings withClientId(String newClientId) {
    return new MqttSettings(
        url,
        username,
        password,
        newClientId,
        qos,
        keepAlive,
        connectionTimeout,
        maxInFlight,
        bufferSize,
        maxUnacked,
        reconnectMinBackoff,
        reconnectMaxBackoff,
        reconnectRandomFactor,
        ackParallelism,
        ackTimeout,
        disconnectQuiesce,
        json,
        sparkplug,
        setpoints);
  }

  /** A list of strings, or one comma-separated string (as an environment variable gives it). */
  private static List<String> stringList(Config c, String path) {
    if (c.getValue(path).valueType() == ConfigValueType.STRING) {
      return Arrays.stream(c.getString(path).split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .toList();
    }
    return c.getStringList(path);
  }
}
