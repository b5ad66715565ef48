package io.vitrum.config.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Neo4j 5 (community edition, Bolt only, no authentication) in a child JVM on 127.0.0.1, run
 * by {@code io.vitrum.config.neo4j.Neo4jServerMain} from the classpath that the {@code
 * vitrum-neo4j-server} module resolved at build time; Neo4j's libraries never reach the engine's
 * classpath. Its databases live under one directory and survive a restart there; a Neo4j already
 * running on that directory is reused, as {@link ChildProcess} describes. Ready when Bolt accepts
 * connections and the server prints "Vitrum Neo4j ready".
 */
public final class EmbeddedNeo4j implements EmbeddedServer {
  private static final String READY = "Vitrum Neo4j ready";

  private final ChildProcess process;
  private final Path dataDirectory;

  private EmbeddedNeo4j(ChildProcess process, Path dataDirectory) {
    this.process = process;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts Neo4j (or attaches to the one already running on the same directory) and returns once
   * Bolt accepts clients.
   *
   * @throws IllegalStateException if its classpath is missing (the message says which module to
   *     build), it does not become ready within the start timeout, its process dies, or its port is
   *     taken; the message carries the end of its log
   */
  public static EmbeddedNeo4j start(EmbeddedNeo4jSettings settings) {
    Neo4jFiles files = new Neo4jFiles(settings.dataDirectory());
    ChildSpec spec =
        ChildSpec.of(
                "Neo4j",
                files.server(),
                ports -> {
                  String classpath = Neo4jFiles.classpath(settings.classpathFile());
                  return JavaCommand.write(
                      javaBinary(settings.javaHome()),
                      files.server().argFile(),
                      files.jvmArguments(settings, ports.get("bolt"), classpath));
                },
                READY,
                settings.startTimeout(),
                settings.stopTimeout())
            .withPorts(Map.of("bolt", settings.port()), List.of("bolt"));
    return new EmbeddedNeo4j(ChildProcess.start(spec), files.dataDirectory());
  }

  /** The Bolt port on 127.0.0.1. */
  public int port() {
    return process.port("bolt");
  }

  /** {@code bolt://127.0.0.1:<port>}, what the driver connects to. */
  public String boltUri() {
    return "bolt://127.0.0.1:" + port();
  }

  /** The operating-system pid of the Neo4j JVM. */
  public long pid() {
    return process.pid();
  }

  /** Where its databases and transaction logs live. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public boolean owned() {
    return process.owned();
  }

  @Override
  public Duration startupTime() {
    return process.startupTime();
  }

  /** Where the server writes its console log (Neo4j's debug.log is beside it). */
  public Path log() {
    return process.log();
  }

  @Override
  public String describe() {
    return "Neo4j       " + boltUri() + " (" + process.howStarted("embedded") + "), log " + log();
  }

  /** Stops a Neo4j this launcher started (about a second); no-op when attached. */
  @Override
  public void close() {
    process.close();
  }

  private static Path javaBinary(String configuredHome) {
    if (configuredHome.isBlank()) {
      return JavaCommand.currentJava();
    }
    Path java = Path.of(configuredHome, "bin", "java");
    if (!Files.isExecutable(java)) {
      throw new IllegalStateException(
          "vitrum.embedded.neo4j.java-home (VITRUM_NEO4J_JAVA_HOME) has no bin/java: "
              + configuredHome);
    }
    return java;
  }
}
