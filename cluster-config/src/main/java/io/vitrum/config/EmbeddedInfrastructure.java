package io.vitrum.config;

import com.typesafe.config.Config;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The embedded infrastructure of the local profile (a real Cassandra on 127.0.0.1 in a child
 * process) as a node sees it. The launcher itself lives in the {@code vitrum-embedded} module
 * ({@code cluster-config/embedded}), which a production node never has on its classpath: {@code
 * Main} asks {@link #wanted} and only then looks the launcher up with {@link ServiceLoader}, and
 * fails fast when it is missing.
 */
public interface EmbeddedInfrastructure {

  /** Whether {@code config} asks for embedded servers (the local profile does). */
  static boolean wanted(Config config) {
    return config.getBoolean("vitrum.embedded.cassandra.enabled");
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
                    "the configuration asks for an embedded Cassandra"
                        + " (vitrum.embedded.cassandra.enabled, on in the local profile), but the"
                        + " embedded-infrastructure launcher (module vitrum-embedded,"
                        + " cluster-config/embedded) is not on the classpath: run the dev node"
                        + " with http/bin/vitrum-local, or set VITRUM_EMBEDDED_CASSANDRA=off and"
                        + " CASSANDRA_CONTACT_POINTS to use an external Cassandra"));
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

    /** {@code config} pointed at these servers (the Cassandra contact points). */
    Config configure(Config config);

    /** One line per server for the node's start banner: name, address, how it started, log. */
    List<String> describe();

    /** Stops the servers this launcher started and waits for them; idempotent. */
    @Override
    void close();
  }
}
