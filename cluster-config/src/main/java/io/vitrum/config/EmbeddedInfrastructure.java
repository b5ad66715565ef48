package io.vitrum.config;

import com.typesafe.config.Config;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The embedded infrastructure of the local profile as a node sees it: real servers on 127.0.0.1,
 * each in its own child process (Cassandra, Kafka in KRaft mode, an MQTT broker) and the simulated
 * plant that speaks OPC UA, MQTT, Modbus TCP and Kafka to the node as a real plant would. Each is
 * switched by {@code vitrum.embedded.<server>.enabled}; an external endpoint configured in its
 * place ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code VITRUM_MQTT_URL}, {@code VITRUM_OPCUA_ENDPOINT},
 * {@code VITRUM_MODBUS_HOST}) replaces the embedded or simulated counterpart. The launcher itself
 * lives in the {@code vitrum-embedded} module ({@code cluster-config/embedded}), which a production
 * node never has on its classpath: {@code Main} asks {@link #wanted} and only then looks the
 * launcher up with {@link ServiceLoader}, and fails fast when it is missing.
 */
public interface EmbeddedInfrastructure {

  /**
   * Whether {@code config} asks for any embedded server (the local profile does): {@code
   * vitrum.embedded.<server>.enabled} for Cassandra, Kafka, the MQTT broker or the simulated plant.
   */
  static boolean wanted(Config config) {
    return Stream.of("cassandra", "kafka", "mqtt", "plant")
        .map(server -> "vitrum.embedded." + server + ".enabled")
        .anyMatch(path -> config.hasPath(path) && config.getBoolean(path));
  }

  /**
   * The launcher on the classpath.
   *
   * @throws IllegalStateException when there is none; the message names the missing module and how
   *     to run without it
   */
  static EmbeddedInfrastructure find() {
    return ServiceLoader.load(EmbeddedInfrastructure.class)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the configuration asks for embedded servers"
                        + " (vitrum.embedded.{cassandra,kafka,mqtt,plant}.enabled, on in the local"
                        + " profile), but the embedded-infrastructure launcher (module"
                        + " vitrum-embedded, cluster-config/embedded) is not on the classpath: run"
                        + " the dev node with http/bin/vitrum-local, or use external servers:"
                        + " VITRUM_EMBEDDED_CASSANDRA=off with CASSANDRA_CONTACT_POINTS,"
                        + " VITRUM_EMBEDDED_KAFKA=off or KAFKA_BOOTSTRAP_SERVERS,"
                        + " VITRUM_EMBEDDED_MQTT=off or VITRUM_MQTT_URL, and VITRUM_SIMULATOR=off"));
  }

  /**
   * Starts the embedded servers {@code config} describes ({@code vitrum.embedded.*}), or attaches
   * to those already running on the same data directories, and returns once they accept
   * connections.
   *
   * @throws IllegalStateException if a server does not become ready
   */
  Started start(Config config);

  /** Running embedded servers. */
  interface Started extends AutoCloseable {

    /**
     * {@code config} pointed at these servers: Cassandra contact points, Kafka bootstrap servers,
     * MQTT URL, and the plant's OPC UA endpoint and Modbus host and port.
     */
    Config configure(Config config);

    /** One line per server for the node's start banner: name, address, how it started, log. */
    List<String> describe();

    /** Stops the servers this launcher started and waits for them; idempotent. */
    @Override
    void close();
  }
}
