package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run the embedded Neo4j: whether to start it, where its data live, its Bolt port (0 picks a
 * free one), heap, page cache, further JVM options, how long to wait for it to start and stop, the
 * file holding its classpath (empty: the one the {@code vitrum-neo4j-server} module wrote into its
 * jar) and which JDK home to launch it with (empty: this JVM's).
 */
public record EmbeddedNeo4jSettings(
    boolean enabled,
    Path dataDirectory,
    int port,
    String heap,
    String pageCache,
    List<String> jvmOptions,
    Duration startTimeout,
    Duration stopTimeout,
    String classpathFile,
    String javaHome) {

  public EmbeddedNeo4jSettings {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(pageCache, "pageCache");
    jvmOptions = List.copyOf(jvmOptions);
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    Objects.requireNonNull(classpathFile, "classpathFile");
    Objects.requireNonNull(javaHome, "javaHome");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Reads {@code vitrum.embedded.neo4j}. An external Neo4j ({@code vitrum.neo4j.uri}, env {@code
   * VITRUM_NEO4J_URI}, which the local profile leaves empty otherwise) replaces the embedded one:
   * it is then not enabled.
   */
  public static EmbeddedNeo4jSettings create(Config config) {
    Config c = config.getConfig("vitrum.embedded.neo4j");
    return new EmbeddedNeo4jSettings(
        c.getBoolean("enabled") && SettingsSupport.external(config, "vitrum.neo4j.uri").isEmpty(),
        SettingsSupport.expandHome(c.getString("data-directory")),
        SettingsSupport.port(c, "port"),
        c.getString("heap"),
        c.getString("page-cache"),
        c.getStringList("jvm-options"),
        c.getDuration("start-timeout"),
        c.getDuration("stop-timeout"),
        c.getString("classpath-file"),
        c.getString("java-home"));
  }

  /** A copy that is enabled, keeps its data under {@code directory} and picks a free port. */
  public EmbeddedNeo4jSettings forTests(Path directory) {
    return new EmbeddedNeo4jSettings(
        true,
        directory,
        0,
        heap,
        pageCache,
        jvmOptions,
        startTimeout,
        stopTimeout,
        classpathFile,
        javaHome);
  }
}
