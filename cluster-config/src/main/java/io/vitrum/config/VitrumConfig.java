package io.vitrum.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Loads a node's configuration: the profile named by {@code VITRUM_PROFILE} (or the system property
 * {@code vitrum.profile}; default {@code local}) over the modules' reference.conf files, then turns
 * the comma-separated deploy-time strings (Cassandra contact points, seed nodes) into the lists
 * Pekko and the DataStax driver expect.
 */
public final class VitrumConfig {
  /** The profiles that exist as {@code <name>.conf} resources. */
  public static final Set<String> PROFILES = Set.of("local", "cluster", "kubernetes");

  private VitrumConfig() {}

  /** The profile selected by the environment. */
  public static String selectedProfile() {
    String fromProperty = System.getProperty("vitrum.profile");
    String fromEnv = System.getenv("VITRUM_PROFILE");
    String profile = fromProperty != null ? fromProperty : fromEnv != null ? fromEnv : "local";
    if (!PROFILES.contains(profile)) {
      throw new IllegalArgumentException(
          "unknown profile '" + profile + "'; expected one of " + PROFILES);
    }
    return profile;
  }

  /** Loads {@code profile}.conf with system-property overrides and derived lists. */
  public static Config load(String profile) {
    ConfigFactory.invalidateCaches();
    return withDerivedLists(ConfigFactory.load(profile));
  }

  /** Replaces the contact-point list with {@code contactPoints} (comma-separated). */
  public static Config withCassandraContactPoints(Config config, String contactPoints) {
    return withDerivedLists(
        config.withValue(
            "vitrum.cassandra.contact-points", ConfigValueFactory.fromAnyRef(contactPoints)));
  }

  /** Points the Kafka clients at {@code bootstrapServers} ({@code host:port[,host:port...]}). */
  public static Config withKafkaBootstrapServers(Config config, String bootstrapServers) {
    return config.withValue(
        "vitrum.kafka.bootstrap-servers", ConfigValueFactory.fromAnyRef(bootstrapServers));
  }

  /** Points the MQTT source and setpoint writer at the broker {@code url} ({@code tcp://h:p}). */
  public static Config withMqttUrl(Config config, String url) {
    return config.withValue("vitrum.mqtt.url", ConfigValueFactory.fromAnyRef(url));
  }

  /** Points the engine's Neo4j driver at the server at {@code uri} ({@code bolt://host:port}). */
  public static Config withNeo4jUri(Config config, String uri) {
    return config.withValue("vitrum.neo4j.uri", ConfigValueFactory.fromAnyRef(uri));
  }

  /** Points the OPC UA source and setpoint writer at {@code endpoint} ({@code opc.tcp://h:p}). */
  public static Config withOpcUaEndpoint(Config config, String endpoint) {
    return config.withValue("vitrum.opcua.endpoint", ConfigValueFactory.fromAnyRef(endpoint));
  }

  /** Points the Modbus TCP source and setpoint writer at {@code host}:{@code port}. */
  public static Config withModbus(Config config, String host, int port) {
    return config
        .withValue("vitrum.modbus.host", ConfigValueFactory.fromAnyRef(host))
        .withValue("vitrum.modbus.port", ConfigValueFactory.fromAnyRef(port));
  }

  static Config withDerivedLists(Config config) {
    Config derived =
        config.withValue(
            "datastax-java-driver.basic.contact-points",
            ConfigValueFactory.fromIterable(
                split(config.getString("vitrum.cassandra.contact-points"))));
    List<String> seeds = split(config.getString("vitrum.cluster.seed-nodes"));
    if (!seeds.isEmpty()) {
      derived =
          derived.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds));
    }
    return derived;
  }

  static List<String> split(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
