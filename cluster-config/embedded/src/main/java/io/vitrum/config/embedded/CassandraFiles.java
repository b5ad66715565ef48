package io.vitrum.config.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files an embedded Cassandra runs from, all under its data directory: a minimal single-node
 * {@code cassandra.yaml} bound to 127.0.0.1, a logback file that logs to {@code logs/} at INFO
 * (Cassandra's own default prints about a thousand DEBUG lines), and its JVM arguments.
 */
final class CassandraFiles {
  private final ServerFiles server;

  CassandraFiles(Path root) {
    this.server = new ServerFiles(root, "cassandra");
  }

  /** The generic layout: pid and ports files, lock, argument file, {@code logs/stdout.log}. */
  ServerFiles server() {
    return server;
  }

  Path root() {
    return server.root();
  }

  Path conf() {
    return server.conf();
  }

  Path systemLog() {
    return server.logs().resolve("system.log");
  }

  /** Writes {@code cassandra.yaml} and {@code logback.xml} for the given ports. */
  void write(int cqlPort, int storagePort) throws IOException {
    Files.createDirectories(conf());
    Files.createDirectories(server.logs());
    Files.writeString(conf().resolve("cassandra.yaml"), yaml(cqlPort, storagePort));
    Files.writeString(conf().resolve("logback.xml"), logback());
  }

  private String yaml(int cqlPort, int storagePort) {
    Path root = root();
    return String.join(
        "\n",
        "cluster_name: vitrum-embedded",
        "num_tokens: 1",
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "commitlog_sync: periodic",
        "commitlog_sync_period: 10000ms",
        "endpoint_snitch: SimpleSnitch",
        "seed_provider:",
        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
        "    parameters:",
        "      - seeds: \"127.0.0.1:" + storagePort + "\"",
        "listen_address: 127.0.0.1",
        "rpc_address: 127.0.0.1",
        "storage_port: " + storagePort,
        "native_transport_port: " + cqlPort,
        "start_native_transport: true",
        "data_file_directories:",
        "  - " + root.resolve("data"),
        "commitlog_directory: " + root.resolve("commitlog"),
        "saved_caches_directory: " + root.resolve("saved_caches"),
        "hints_directory: " + root.resolve("hints"),
        "cdc_raw_directory: " + root.resolve("cdc_raw"),
        "");
  }

  private String logback() {
    return """
        <configuration>
          <appender name="FILE" class="ch.qos.logback.core.FileAppender">
            <file>%s</file>
            <encoder><pattern>%%d{ISO8601} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="FILE"/></root>
        </configuration>
        """
        .formatted(systemLog());
  }

  /** The JVM flags Cassandra 5.0 needs on JDK 17 (its own conf/jvm17-server.options). */
  List<String> jvmArguments(String heap, String classpath) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "-Xms" + heap,
            "-Xmx" + heap,
            "-XX:+UseG1GC",
            "-XX:+ParallelRefProcEnabled",
            "-XX:MaxTenuringThreshold=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djdk.attach.allowAttachSelf=true"));
    for (String export :
        List.of(
            "java.base/jdk.internal.misc",
            "java.management.rmi/com.sun.jmx.remote.internal.rmi",
            "java.rmi/sun.rmi.registry",
            "java.rmi/sun.rmi.server",
            "java.sql/java.sql",
            "java.base/java.lang.ref",
            "jdk.unsupported/sun.misc",
            "jdk.compiler/com.sun.tools.javac.file",
            "jdk.attach/sun.tools.attach")) {
      args.add("--add-exports=" + export + "=ALL-UNNAMED");
    }
    for (String open :
        List.of(
            "java.base/java.lang.module",
            "java.base/jdk.internal.loader",
            "java.base/jdk.internal.ref",
            "java.base/jdk.internal.reflect",
            "java.base/jdk.internal.math",
            "java.base/jdk.internal.module",
            "java.base/jdk.internal.util.jar",
            "java.base/sun.nio.ch",
            "java.base/java.io",
            "java.base/java.lang.reflect",
            "java.base/java.lang",
            "java.base/java.util",
            "jdk.management/com.sun.management.internal",
            "jdk.compiler/com.sun.tools.javac")) {
      args.add("--add-opens=" + open + "=ALL-UNNAMED");
    }
    args.addAll(
        List.of(
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dcassandra.config=" + conf().resolve("cassandra.yaml").toUri(),
            "-Dcassandra.storagedir=" + root(),
            "-Dcassandra-foreground=yes",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.superuser_setup_delay_ms=0",
            "-Dlogback.configurationFile=" + conf().resolve("logback.xml"),
            "-cp",
            classpath,
            "org.apache.cassandra.service.CassandraDaemon"));
    return args;
  }
}
