package io.vitrum.streams.testing;

import com.typesafe.config.ConfigFactory;
import io.vitrum.config.embedded.EmbeddedCassandra;
import io.vitrum.config.embedded.EmbeddedCassandraSettings;
import java.nio.file.Path;

/**
 * One real Cassandra (a child JVM) shared by every test of this module's JVM, started on first use
 * on a free CQL port with its data under {@code target/it-cassandra}, stopped when the JVM exits;
 * each test class keeps its data in a keyspace of its own.
 */
public final class TestCassandra {
  private static EmbeddedCassandra server;

  private TestCassandra() {}

  /** {@code 127.0.0.1:<port>} of the shared Cassandra, started on first call. */
  public static synchronized String contactPoint() {
    if (server == null) {
      EmbeddedCassandraSettings local = EmbeddedCassandraSettings.create(ConfigFactory.load());
      server =
          EmbeddedCassandra.start(
              new EmbeddedCassandraSettings(
                  true,
                  Path.of("target", "it-cassandra"),
                  0,
                  "384m",
                  local.startTimeout(),
                  local.javaHome()));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server.contactPoint();
  }
}
