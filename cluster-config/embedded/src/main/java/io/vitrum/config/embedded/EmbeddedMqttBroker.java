package io.vitrum.config.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Moquette 0.17 MQTT broker in a child JVM on 127.0.0.1, started from the classpath that the
 * {@code vitrum-mqtt-server} module resolved at build time, through Moquette's own {@code
 * io.moquette.broker.Server} main (which reads {@code config/moquette.conf} under the {@code
 * moquette.path} directory). Anonymous clients (or, with credentials configured, only the engine's
 * user, checked against a Moquette password file), no persistence, no telemetry, and messages up to
 * the configured size. A broker already running on the same directory is reused, as {@link
 * ChildProcess} describes. Ready when its port accepts connections and it prints "Server started".
 */
public final class EmbeddedMqttBroker implements EmbeddedServer {
  private static final String CLASSPATH_RESOURCE = "vitrum/mqtt.classpath";
  private static final String STARTED = "Server started";

  private final ChildProcess process;

  private EmbeddedMqttBroker(ChildProcess process) {
    this.process = process;
  }

  /**
   * Starts the broker (or attaches to the one already running on the same directory) and returns
   * once it accepts connections.
   *
   * @throws IllegalStateException if it does not become ready within the start timeout, its process
   *     dies, or its port is taken; the message carries the end of its log
   */
  public static EmbeddedMqttBroker start(EmbeddedMqttSettings settings) {
    ServerFiles files = new ServerFiles(settings.dataDirectory(), "mqtt");
    ChildSpec spec =
        ChildSpec.of(
                "MQTT broker",
                files,
                ports -> {
                  writeConfig(files, ports.get("mqtt"), settings);
                  String classpath =
                      JavaCommand.classpathResource(CLASSPATH_RESOURCE, "vitrum-mqtt-server");
                  return JavaCommand.write(
                      JavaCommand.currentJava(),
                      files.argFile(),
                      List.of(
                          "-Xmx" + settings.heap(),
                          "-XX:+ExitOnOutOfMemoryError",
                          "-Dmoquette.path=" + files.root(),
                          "-Dorg.slf4j.simpleLogger.showDateTime=true",
                          "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                          "-Dorg.slf4j.simpleLogger.logFile=System.out",
                          "-cp",
                          classpath,
                          "io.moquette.broker.Server"));
                },
                STARTED,
                settings.startTimeout(),
                settings.stopTimeout())
            .withPorts(Map.of("mqtt", settings.port()), List.of("mqtt"));
    return new EmbeddedMqttBroker(ChildProcess.start(spec));
  }

  /** Moquette's main reads {@code <moquette.path>/config/moquette.conf}: "key value" lines. */
  private static void writeConfig(ServerFiles files, int port, EmbeddedMqttSettings settings)
      throws IOException {
    Path config = files.root().resolve("config");
    Files.createDirectories(config);
    Path passwords = config.resolve("passwords.conf");
    Files.deleteIfExists(passwords);
    if (settings.authenticated()) {
      Files.createFile(
          passwords,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(passwords, settings.passwordLine() + "\n");
    }
    Files.writeString(
        config.resolve("moquette.conf"),
        String.join(
            "\n",
            "# Written by the Vitrum embedded launcher at each start.",
            "host 127.0.0.1",
            "port " + port,
            "websocket_port disabled",
            "allow_anonymous " + !settings.authenticated(),
            // Moquette resolves it against moquette.path (the root), even when absolute.
            settings.authenticated() ? "password_file config/" + passwords.getFileName() : "",
            "persistence_enabled false",
            "data_path " + files.root().resolve("data") + "/",
            "telemetry_enabled false",
            "netty.mqtt.message_size " + settings.maxMessageSize(),
            "session_queue_size " + settings.sessionQueueSize(),
            ""));
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return process.port("mqtt");
  }

  /** {@code tcp://127.0.0.1:<port>}, the broker URL a client connects to. */
  public String url() {
    return "tcp://127.0.0.1:" + port();
  }

  /** The operating-system pid of the broker JVM. */
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

  /** Where the broker writes its log. */
  public Path log() {
    return process.log();
  }

  @Override
  public String describe() {
    return "MQTT broker "
        + url()
        + " (Moquette, "
        + process.howStarted("embedded")
        + "), log "
        + log();
  }

  /** Stops a broker this launcher started; no-op when attached. */
  @Override
  public void close() {
    process.close();
  }
}
