package io.vitrum.config.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The files an embedded Kafka runs from, under its directory: {@code conf/server.properties} for a
 * single combined broker and controller (KRaft) on 127.0.0.1, every internal topic with replication
 * factor 1, and the log directory {@code data/}, formatted once by Kafka's storage tool.
 */
final class KafkaFiles {
  private final ServerFiles server;

  KafkaFiles(Path root) {
    this.server = new ServerFiles(root, "kafka");
  }

  ServerFiles server() {
    return server;
  }

  Path properties() {
    return server.conf().resolve("server.properties");
  }

  Path logDirectory() {
    return server.root().resolve("data");
  }

  /** Writes {@code server.properties} for the given ports. */
  void write(int port, int controllerPort, int partitions, Duration retention) throws IOException {
    Files.createDirectories(server.conf());
    Files.writeString(
        properties(),
        String.join(
            "\n",
            "# Written by the Vitrum embedded launcher at each start.",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "log.dirs=" + logDirectory(),
            "num.partitions=" + partitions,
            "auto.create.topics.enable=true",
            "default.replication.factor=1",
            "min.insync.replicas=1",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=" + partitions,
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "log.retention.ms=" + retention.toMillis(),
            ""));
  }

  /**
   * Formats the log directory unless it already is ({@code meta.properties}): a cold start needs
   * it, and skipping the extra JVM saves a few seconds on every later start.
   */
  void formatIfNeeded(Path java, String classpath, Duration timeout) throws IOException {
    if (Files.exists(logDirectory().resolve("meta.properties"))) {
      return;
    }
    Path formatLog = server.logs().resolve("format.log");
    Process format =
        new ProcessBuilder(
                java.toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId(),
                "-c",
                properties().toString(),
                "--ignore-formatted")
            .redirectErrorStream(true)
            .redirectOutput(formatLog.toFile())
            .start();
    try {
      if (!format.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        format.destroyForcibly();
        throw new IllegalStateException(
            "Kafka's storage format did not finish within " + timeout + LogWatch.tail(formatLog));
      }
    } catch (InterruptedException e) {
      format.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting Kafka's storage", e);
    }
    if (format.exitValue() != 0) {
      throw new IllegalStateException(
          "Kafka's storage format failed with " + format.exitValue() + LogWatch.tail(formatLog));
    }
  }

  /** The JVM flags (as Kafka's own start script sets them) and {@code kafka.Kafka}. */
  List<String> jvmArguments(String heap, String classpath) {
    return List.of(
        "-Xmx" + heap,
        "-XX:+UseG1GC",
        "-XX:MaxGCPauseMillis=20",
        "-XX:InitiatingHeapOccupancyPercent=35",
        "-XX:+ExplicitGCInvokesConcurrent",
        "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true",
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
        "-Dorg.slf4j.simpleLogger.logFile=System.out",
        "-cp",
        classpath,
        "kafka.Kafka",
        properties().toString());
  }

  /**
   * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'.
   */
  static String clusterId() {
    while (true) {
      UUID uuid = UUID.randomUUID();
      ByteBuffer bytes = ByteBuffer.allocate(16);
      bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
      if (!id.startsWith("-")) {
        return id;
      }
    }
  }
}
