package io.vitrum.config.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Apache Cassandra 5.0 in a child JVM on 127.0.0.1, started from the classpath that the
 * {@code vitrum-cassandra-server} module resolved at build time. Its data lives under one
 * directory; a Cassandra already running on that directory is reused instead of started twice, and
 * is then left running by {@link #close()}. The child is guarded by {@link ChildProcess}: it stops
 * when this JVM ends, however it ends. Ready when CQL accepts connections and its system log says
 * "Startup complete" (CQL binds a little before the daemon has finished starting).
 */
public final class EmbeddedCassandra implements EmbeddedServer {
  private static final String CLASSPATH_RESOURCE = "vitrum/cassandra.classpath";
  private static final String STARTED = "Startup complete";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);

  private final ChildProcess process;
  private final Path systemLog;

  private EmbeddedCassandra(ChildProcess process, Path systemLog) {
    this.process = process;
    this.systemLog = systemLog;
  }

  /**
   * Starts Cassandra (or attaches to the one already running on the same data directory) and
   * returns once CQL accepts connections.
   *
   * @throws IllegalStateException if it does not become ready within the start timeout or its
   *     process dies; the message carries the end of its log
   */
  public static EmbeddedCassandra start(EmbeddedCassandraSettings settings) {
    CassandraFiles files = new CassandraFiles(settings.dataDirectory());
    ChildSpec spec =
        ChildSpec.of(
                "Cassandra",
                files.server(),
                ports -> {
                  files.write(ports.get("cql"), ports.get("storage"));
                  String classpath =
                      JavaCommand.classpathResource(CLASSPATH_RESOURCE, "vitrum-cassandra-server");
                  return JavaCommand.write(
                      javaBinary(settings.javaHome()),
                      files.server().argFile(),
                      files.jvmArguments(settings.heap(), classpath));
                },
                STARTED,
                settings.startTimeout(),
                STOP_TIMEOUT)
            .withPorts(Map.of("cql", settings.cqlPort(), "storage", 0), List.of("cql"))
            .readyWhen(files.systemLog(), STARTED);
    return new EmbeddedCassandra(ChildProcess.start(spec), files.systemLog());
  }

  /** The CQL port on 127.0.0.1. */
  public int cqlPort() {
    return process.port("cql");
  }

  /** The contact point for the DataStax driver, {@code 127.0.0.1:<port>}. */
  public String contactPoint() {
    return "127.0.0.1:" + cqlPort();
  }

  @Override
  public boolean owned() {
    return process.owned();
  }

  /** The operating-system pid of the Cassandra JVM. */
  public long pid() {
    return process.pid();
  }

  @Override
  public Duration startupTime() {
    return process.startupTime();
  }

  /** Where the server writes its log. */
  public Path systemLog() {
    return systemLog;
  }

  @Override
  public String describe() {
    return "Cassandra   "
        + contactPoint()
        + " ("
        + process.howStarted("embedded")
        + "), log "
        + systemLog;
  }

  /** Stops a Cassandra this launcher started and waits for it to drain; no-op when attached. */
  @Override
  public void close() {
    process.close();
  }

  /** Cassandra 5.0 runs on JDK 17 only: prefer the configured home, then ours if it is 17. */
  private static Path javaBinary(String configuredHome) {
    if (!configuredHome.isBlank()) {
      return Path.of(configuredHome, "bin", "java");
    }
    if (Runtime.version().feature() == 17) {
      return JavaCommand.currentJava();
    }
    Path debian = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    if (Files.isExecutable(debian)) {
      return debian;
    }
    throw new IllegalStateException(
        "Cassandra 5.0 needs JDK 17: set vitrum.embedded.cassandra.java-home"
            + " (VITRUM_CASSANDRA_JAVA_HOME)");
  }
}
