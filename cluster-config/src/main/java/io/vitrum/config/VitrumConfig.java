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
