package io.vitrum.loadtests.e2e;

import io.vitrum.loadtests.BearerToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The dev run as a user starts it, in a child JVM: {@code io.vitrum.http.Main} in the local profile
 * on the classpath {@code http/bin/vitrum-local} gives it, with every server the launcher starts
 * (Cassandra, Kafka, the MQTT broker, the simulated plant) on free ports and its data under {@code
 * target/}, serving the committed models. Built by the reactor before this module's integration
 * tests run.
 */
final class DevNode implements AutoCloseable {
  final int http;
  final int management;
  final int kafka;
  final int mqtt;
  final int opcua;
  final int modbus;
  final int plantControl;
  final Path log;
  private final Path tokenFile;
  private final Process process;
  private final HttpClient client = HttpClient.newHttpClient();

  private DevNode(Map<String, Integer> ports, Path log, Path tokenFile, Process process) {
    this.http = ports.get("http");
    this.management = ports.get("management");
    this.kafka = ports.get("kafka");
    this.mqtt = ports.get("mqtt");
    this.opcua = ports.get("opcua");
    this.modbus = ports.get("modbus");
    this.plantControl = ports.get("plant-control");
    this.log = log;
    this.tokenFile = tokenFile;
    this.process = process;
  }

  static DevNode start(String name, Duration timeout) throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    Path http = target.getParent().getParent().resolve("http/target");
    Path data = target.resolve(name + "-" + System.currentTimeMillis());
    Files.createDirectories(data);
    String plantClasspath =
        target.resolve("classes") + ":" + read(target.resolve("runtime.classpath"));
    Path plantFile = data.resolve("plant.classpath");
    Files.writeString(plantFile, plantClasspath);
    String classpath =
        http.resolve("classes")
            + ":"
            + read(http.resolve("runtime.classpath"))
            + ":"
            + read(http.resolve("embedded.classpath"));
    Path argFile = data.resolve("node.args");
    Files.writeString(argFile, "-cp\n\"" + classpath + "\"\n");
    Map<String, Integer> ports =
        Map.of(
            "http", free(),
            "management", free(),
            "remote", free(),
            "cassandra", free(),
            "kafka", free(),
            "mqtt", free(),
            "opcua", free(),
            "modbus", free(),
            "plant-control", free(),
            "neo4j", free());
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx768m",
            "@" + argFile,
            "io.vitrum.http.Main");
    Map<String, String> env = builder.environment();
    env.put("VITRUM_PROFILE", "local");
    env.put("VITRUM_DATA_DIR", data.toString());
    env.put("VITRUM_DEV_TOKEN_FILE", data.resolve("dev-token").toString());
    env.put("VITRUM_HTTP_PORT", ports.get("http").toString());
    env.put("VITRUM_MANAGEMENT_PORT", ports.get("management").toString());
    env.put("VITRUM_REMOTE_PORT", ports.get("remote").toString());
    env.put("VITRUM_CASSANDRA_PORT", ports.get("cassandra").toString());
    env.put("VITRUM_KAFKA_PORT", ports.get("kafka").toString());
    env.put("VITRUM_MQTT_PORT", ports.get("mqtt").toString());
    env.put("VITRUM_OPCUA_PORT", ports.get("opcua").toString());
    env.put("VITRUM_MODBUS_PORT", ports.get("modbus").toString());
    env.put("VITRUM_PLANT_CONTROL_PORT", ports.get("plant-control").toString());
    env.put("VITRUM_NEO4J_PORT", ports.get("neo4j").toString());
    env.put("VITRUM_PLANT_CLASSPATH_FILE", plantFile.toString());
    env.put("VITRUM_SIMULATOR_FURNACES", "3");
    env.put("VITRUM_MODELS_DIR", target.getParent().getParent().resolve("models").toString());
    Path log = data.resolve("node.log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    DevNode node = new DevNode(ports, log, data.resolve("dev-token"), process);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.readString(log).contains("Vitrum is ready")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String tail = tail(log);
        node.close();
        throw new IllegalStateException("the dev node did not become ready:\n" + tail);
      }
      Thread.sleep(500);
    }
    return node;
  }

  /** The admin token the node wrote at start. */
  String token() {
    return BearerToken.resolve(tokenFile);
  }

  /** GET {@code path} on the REST API; the body, or an exception naming the status. */
  String get(String path) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** POSTs JSON; the response. */
  HttpResponse<String> post(String path, String json, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token())
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(b::header);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The pids of the node's child processes (the servers it started). */
  List<Long> children() {
    List<Long> out = new ArrayList<>();
    process.descendants().forEach(p -> out.add(p.pid()));
    return out;
  }

  String tail() {
    return tail(log);
  }

  /** SIGTERM, as Ctrl-C or a service manager would; waits for the node and its servers. */
  @Override
  public void close() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle p : descendants) {
        p.onExit().get(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      descendants.forEach(ProcessHandle::destroyForcibly);
    }
  }

  boolean allStopped(List<Long> pids) {
    return pids.stream()
        .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  private static int free() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(
          file + " is missing: build the project with mvn package first", e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
