package io.vitrum.streams.ingest.mqtt;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * An in-process Moquette broker on 127.0.0.1 and a free port, optionally persistent (sessions and
 * queues in a temporary directory, so that a restart keeps them). Restartable on the same port.
 */
public final class MqttTestBroker implements AutoCloseable {
  static {
    quietLogging();
  }

  private final int port;
  private final Path dataDir;
  private final Path passwordFile;
  private Server server;

  private MqttTestBroker(int port, Path dataDir, Path passwordFile) {
    this.port = port;
    this.dataDir = dataDir;
    this.passwordFile = passwordFile;
  }

  /**
   * Starts a non-persistent broker that refuses anonymous clients and accepts only {@code user}
   * with {@code password}: Moquette's own {@code password_file} ({@code user:sha256hex} lines).
   */
  public static MqttTestBroker startWithPassword(String user, String password) {
    try {
      Path file = Files.createTempFile("moquette-passwords-", ".conf");
      Files.writeString(file, user + ":" + sha256Hex(password) + "\n");
      MqttTestBroker broker = new MqttTestBroker(freePort(), null, file);
      broker.start();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a broker; {@code persistent} keeps sessions and queued messages across restarts. */
  public static MqttTestBroker start(boolean persistent) {
    try {
      Path dir = persistent ? Files.createTempDirectory("moquette-") : null;
      MqttTestBroker broker = new MqttTestBroker(freePort(), dir, null);
      broker.start();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts (again) on the same port and data. */
  public synchronized void start() {
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(port));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("allow_anonymous", Boolean.toString(passwordFile == null));
    if (passwordFile != null) {
      p.setProperty("password_file", passwordFile.toString());
    }
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("netty.mqtt.message_size", Integer.toString(4 << 20));
    p.setProperty("persistence_enabled", Boolean.toString(dataDir != null));
    if (dataDir != null) {
      p.setProperty("data_path", dataDir.toString() + "/");
      p.setProperty("persistent_queue_type", "segmented");
    }
    Server s = new Server();
    try {
      s.startServer(new MemoryConfig(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = s;
  }

  /** Stops the broker (its clients lose their connections). */
  public synchronized void stop() {
    if (server != null) {
      server.stopServer();
      server = null;
    }
  }

  /** Drops a client's connection as a network failure would. */
  public synchronized boolean disconnect(String clientId) {
    return server.disconnectClient(clientId);
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Stops the broker and deletes its data. */
  @Override
  public void close() {
    stop();
    if (passwordFile != null) {
      passwordFile.toFile().delete();
    }
    if (dataDir != null) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary directory
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /** Brokers and clients at DEBUG would drown the tests' output (no logback-test.xml here). */
  public static void quietLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
      for (String noisy :
          new String[] {
            "io.moquette",
            "io.netty",
            "org.apache.kafka",
            "kafka",
            "org.apache.zookeeper",
            "state.change.logger",
            "org.eclipse.paho"
          }) {
        context.getLogger(noisy).setLevel(Level.WARN);
      }
    }
  }
}
