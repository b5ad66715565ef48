package io.vitrum.config.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Apache Kafka 4 in KRaft mode (one combined broker and controller, no ZooKeeper) in a child
 * JVM on 127.0.0.1, started from the classpath that the {@code vitrum-kafka-server} module resolved
 * at build time. Topics are created on first use with the configured partition count. Its data
 * lives under one directory; a Kafka already running there is reused, as {@link ChildProcess}
 * describes. Ready when both ports accept connections and its log says "Kafka Server started"
 * (after that line a client's first request succeeds).
 */
public final class EmbeddedKafka implements EmbeddedServer {
  private static final String CLASSPATH_RESOURCE = "vitrum/kafka.classpath";
  private static final String STARTED = "Kafka Server started";

  private final ChildProcess process;

  private EmbeddedKafka(ChildProcess process) {
    this.process = process;
  }

  /**
   * Starts Kafka (formatting its storage on the first start) or attaches to the one already running
   * on the same data directory, and returns once it accepts clients.
   *
   * @throws IllegalStateException if it does not become ready within the start timeout, its process
   *     dies, or its port is taken; the message carries the end of its log
   */
  public static EmbeddedKafka start(EmbeddedKafkaSettings settings) {
    KafkaFiles files = new KafkaFiles(settings.dataDirectory());
    ChildSpec spec =
        ChildSpec.of(
                "Kafka",
                files.server(),
                ports -> {
                  String classpath =
                      JavaCommand.classpathResource(CLASSPATH_RESOURCE, "vitrum-kafka-server");
                  Path java = JavaCommand.currentJava();
                  files.write(
                      ports.get("kafka"),
                      ports.get("controller"),
                      settings.partitions(),
                      settings.retention());
                  files.formatIfNeeded(java, classpath, settings.startTimeout());
                  return JavaCommand.write(
                      java,
                      files.server().argFile(),
                      files.jvmArguments(settings.heap(), classpath));
                },
                STARTED,
                settings.startTimeout(),
                settings.stopTimeout())
            .withPorts(
                Map.of("kafka", settings.port(), "controller", settings.controllerPort()),
                List.of("kafka", "controller"));
    return new EmbeddedKafka(ChildProcess.start(spec));
  }

  /** The client port on 127.0.0.1. */
  public int port() {
    return process.port("kafka");
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port();
  }

  /** The operating-system pid of the Kafka JVM. */
  public long pid() {
    return process.pid();
  }

  @Override
  public boolean owned() {
    return process.owned();
  }

  @Override
  public Duration startupTime() {
    return process.startupTime();
  }

  /** Where the server writes its log. */
  public Path log() {
    return process.log();
  }

  @Override
  public String describe() {
    return "Kafka       "
        + bootstrapServers()
        + " (KRaft, "
        + process.howStarted("embedded")
        + "), log "
        + log();
  }

  /** Stops a Kafka this launcher started (about a second); no-op when attached. */
  @Override
  public void close() {
    process.close();
  }
}
