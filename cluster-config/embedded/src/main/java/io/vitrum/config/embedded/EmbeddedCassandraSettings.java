package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the embedded Cassandra: where its data lives, which CQL port (0 picks a free one), its
 * heap, how long to wait for CQL, and which JDK home to launch it with (Cassandra 5.0 needs JDK 17;
 * an empty value uses this JVM's home when it is 17, else the Debian JDK 17).
 */
public record EmbeddedCassandraSettings(
    boolean enabled,
    Path dataDirectory,
    int cqlPort,
    String heap,
    Duration startTimeout,
    String javaHome) {

  public EmbeddedCassandraSettings {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(javaHome, "javaHome");
    if (cqlPort < 0 || cqlPort > 65535) {
      throw new IllegalArgumentException("cql-port out of range: " + cqlPort);
    }
  }

  /** Reads {@code vitrum.embedded.cassandra} from {@code config}; {@code ~} expands to home. */
  public static EmbeddedCassandraSettings create(Config config) {
    Config c = config.getConfig("vitrum.embedded.cassandra");
    return new EmbeddedCassandraSettings(
        c.getBoolean("enabled"),
        SettingsSupport.expandHome(c.getString("data-directory")),
        SettingsSupport.port(c, "cql-port"),
        c.getString("heap"),
        c.getDuration("start-timeout"),
        c.getString("java-home"));
  }

  /** A copy that keeps its data under {@code directory} and picks a free CQL port. */
  public EmbeddedCassandraSettings forTests(Path directory) {
    return new EmbeddedCassandraSettings(true, directory, 0, heap, startTimeout, javaHome);
  }
}
