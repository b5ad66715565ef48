package io.vitrum.actors.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.config.VitrumConfig;
import io.vitrum.config.embedded.EmbeddedCassandra;
import io.vitrum.config.embedded.EmbeddedCassandraSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Cassandra per test JVM for integration tests, and the Pekko configuration of a test node
 * that journals into it.
 *
 * <p>Register with {@code @ExtendWith(CassandraFixture.class)}: the first test class that does
 * starts Cassandra (data under {@code target/it-cassandra}, a free CQL port, 384 MB heap; a
 * Cassandra left running on that directory is reused); it is stopped when the JUnit run in this JVM
 * ends, after every class's {@code @AfterAll} has terminated its actor systems. Each test class
 * journals into its own keyspace; because the data directory outlives a run, tests also name their
 * entities with {@link #runId()} so that a second run never sees the first run's events.
 *
 * <p>Projections keep their offsets in a keyspace of the class too ({@code <keyspace>_projection}),
 * created at start, and tagged-event queries start from the hour before this JVM started, so a
 * fresh projection does not walk the hourly buckets since the production default.
 */
public final class CassandraFixture implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CassandraFixture.class);
  private static final Path DATA_DIRECTORY = Path.of("target", "it-cassandra");
  private static final String HEAP = "384m";
  private static final String RUN_ID =
      Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);
  private static final String FIRST_TIME_BUCKET =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm")
          .withZone(ZoneOffset.UTC)
          .format(Instant.now().minus(Duration.ofHours(1)));

  private static EmbeddedCassandra cassandra;

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> new Running(start()), Running.class);
  }

  /** Stops the shared Cassandra when JUnit closes the root store at the end of the run. */
  private record Running(EmbeddedCassandra server) implements AutoCloseable {
    @Override
    public void close() {
      synchronized (CassandraFixture.class) {
        server.close();
        cassandra = null;
      }
    }
  }

  private static synchronized EmbeddedCassandra start() {
    if (cassandra == null) {
      EmbeddedCassandraSettings defaults = EmbeddedCassandraSettings.create(ConfigFactory.load());
      cassandra =
          EmbeddedCassandra.start(
              new EmbeddedCassandraSettings(
                  true, DATA_DIRECTORY, 0, HEAP, defaults.startTimeout(), defaults.javaHome()));
    }
    return cassandra;
  }

  /** {@code 127.0.0.1:<port>} of the running Cassandra. */
  public static synchronized String contactPoint() {
    if (cassandra == null) {
      throw new IllegalStateException(
          "Cassandra is not running: annotate the test class with @ExtendWith(CassandraFixture.class)");
    }
    return cassandra.contactPoint();
  }

  /** Distinguishes this test run's entity ids from those of earlier runs on the same data. */
  public static String runId() {
    return RUN_ID;
  }

  /** The journal keyspace of {@code testClass}: {@code it_<simple name in lower case>}. */
  public static String keyspace(Class<?> testClass) {
    return "it_" + testClass.getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** A cluster node on 127.0.0.1 and a free port, journaling into {@code testClass}'s keyspace. */
  public static Config nodeConfig(Class<?> testClass) {
    return nodeConfig(testClass, ConfigFactory.empty());
  }

  /** As {@link #nodeConfig(Class)}, with {@code overrides} taking precedence. */
  public static Config nodeConfig(Class<?> testClass, Config overrides) {
    String keyspace = keyspace(testClass);
    Config node =
        ConfigFactory.parseString(
            """
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.hostname = "127.0.0.1"
            pekko.remote.artery.canonical.port = 0
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.persistence.cassandra.journal {
              keyspace = "%1$s"
              keyspace-autocreate = on
              tables-autocreate = on
            }
            pekko.persistence.cassandra.snapshot {
              keyspace = "%1$s_snapshot"
              keyspace-autocreate = on
              tables-autocreate = on
            }
            pekko.persistence.cassandra.events-by-tag.first-time-bucket = "%2$s"
            pekko.projection.cassandra.offset-store.keyspace = "%1$s_projection"
            vitrum.projections.create-offset-tables = on
            # Creating a keyspace or table on a busy 2-core machine can outlast the driver's
            # default 2 s, and the journal does not retry a failed creation.
            datastax-java-driver.basic.request.timeout = 10s
            # A leaving or terminating cluster node hands its shards off before it stops.
            pekko.actor.testkit.typed.system-shutdown-default = 30s
            """
                .formatted(keyspace, FIRST_TIME_BUCKET));
    return VitrumConfig.withCassandraContactPoints(
        overrides.withFallback(node).withFallback(ConfigFactory.load()), contactPoint());
  }
}
