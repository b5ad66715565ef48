package io.vitrum.config.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;

/**
 * Runs one Neo4j 5 community server in this JVM for the embedded launcher ({@code
 * io.vitrum.config.embedded.EmbeddedNeo4j}), until SIGTERM.
 *
 * <p>Arguments: {@code <directory> <bolt port> [<page cache, e.g. 32m>]}. Bolt only (no HTTP), on
 * 127.0.0.1, without authentication or encryption. Its databases and transaction logs live under
 * {@code <directory>/data} and survive a restart on the same directory; its debug log goes to
 * {@code <directory>/logs/debug.log}. The test harness it is built with keeps a scratch directory
 * of its own under {@code <directory>/harness} (deleted on a clean stop, emptied at the next start
 * after a kill).
 *
 * <p>Prints {@value #READY} (with the Bolt URI and how long the start took) once Bolt accepts
 * clients. SIGTERM (what the launcher's guard sends) shuts the database down in a shutdown hook:
 * Bolt's Netty is told not to linger (no quiet period, at most a second), so a stop takes about a
 * second instead of ten.
 */
public final class Neo4jServerMain {
  /** The line the launcher waits for on this process's stdout. */
  public static final String READY = "Vitrum Neo4j ready";

  private static final String DEFAULT_PAGE_CACHE = "32m";

  private Neo4jServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: Neo4jServerMain <directory> <bolt port> [<page cache, e.g. 32m>]");
      System.exit(2);
    }
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    int port = Integer.parseInt(args[1]);
    long pageCache = ByteUnit.parse(args.length > 2 ? args[2] : DEFAULT_PAGE_CACHE);
    Instant begin = Instant.now();
    Neo4j neo4j;
    try {
      neo4j = start(root, port, pageCache);
    } catch (RuntimeException | IOException e) {
      System.err.println("Neo4j failed to start on 127.0.0.1:" + port + " in " + root);
      e.printStackTrace();
      // Neo4j's own non-daemon threads would otherwise keep a half-started JVM alive.
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(neo4j), "vitrum-neo4j-stop"));
    System.out.println(
        READY
            + ": Neo4j "
            + Version.getNeo4jVersion()
            + " on "
            + neo4j.boltURI()
            + ", data in "
            + root.resolve("data")
            + ", started in "
            + Duration.between(begin, Instant.now()).toMillis()
            + " ms");
    System.out.flush();
    Thread.currentThread().join();
  }

  private static Neo4j start(Path root, int port, long pageCache) throws IOException {
    Path scratch = root.resolve("harness");
    deleteContents(scratch);
    SocketAddress bolt = new SocketAddress("127.0.0.1", port);
    return Neo4jBuilders.newInProcessBuilder(scratch)
        .withDisabledServer()
        // The harness's own home is a fresh random directory: keep the data out of it.
        .withConfig(GraphDatabaseSettings.data_directory, root.resolve("data"))
        .withConfig(GraphDatabaseSettings.logs_directory, root.resolve("logs"))
        .withConfig(GraphDatabaseSettings.auth_enabled, false)
        .withConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
        .withConfig(GraphDatabaseSettings.udc_enabled, false)
        .withConfig(BoltConnector.enabled, true)
        .withConfig(BoltConnector.listen_address, bolt)
        .withConfig(BoltConnector.advertised_address, bolt)
        .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .withConfig(
            GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
        .build();
  }

  private static void stop(Neo4j neo4j) {
    Instant begin = Instant.now();
    System.out.println("Stopping Neo4j");
    try {
      neo4j.close();
      System.out.println(
          "Neo4j stopped in " + Duration.between(begin, Instant.now()).toMillis() + " ms");
    } catch (RuntimeException e) {
      System.err.println("Neo4j did not stop cleanly");
      e.printStackTrace();
    }
    System.out.flush();
  }

  /** Deletes what a killed run left in {@code directory} (the harness's scratch directories). */
  private static void deleteContents(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(directory)) {
          Files.delete(path);
        }
      }
    }
  }
}
