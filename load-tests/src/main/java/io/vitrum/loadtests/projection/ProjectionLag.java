package io.vitrum.loadtests.projection;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Alarm;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.furnace.FurnaceSettings;
import io.vitrum.actors.furnace.SensorAnomalyToFurnaceAlarms;
import io.vitrum.actors.projection.ProjectionSettings;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.actors.sensor.SensorSettings;
import io.vitrum.config.VitrumConfig;
import io.vitrum.config.embedded.EmbeddedCassandra;
import io.vitrum.config.embedded.EmbeddedCassandraSettings;
import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.loadtests.Cli;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * Measures the lag of the furnace-alarm projection: from a sensor's reply to a reading that changed
 * its anomaly (the transition is persisted by then) to the alarm showing on its furnace, raised or
 * cleared. Prints p50, p90, p99 and max over all transitions; asserts nothing.
 *
 * <p>Runs one node of the local profile in this JVM (Sensor, Furnace, the projection) against an
 * embedded Cassandra under {@code --data-dir}, in a keyspace of its own per run. Each of {@code
 * --sensors} sensors (spread over 4 furnaces, and so over the tag slices) toggles between high and
 * normal, one transition at a time, and polls its furnace every {@code --poll-ms} until the alarm
 * shows; the first transition of each sensor warms up and is not counted. The projection's settings
 * are those shipped ({@code vitrum-persistence.conf}) unless overridden with {@code -D}, e.g.
 * {@code -Dpekko.persistence.cassandra.events-by-tag.eventual-consistency-delay=200ms}.
 *
 * <pre>
 * mvn -q -pl load-tests -am package -DskipTests
 * java -cp "load-tests/target/classes:$(cat load-tests/target/runtime.classpath)" \
 *     io.vitrum.loadtests.projection.ProjectionLag [--transitions 100] [--sensors 5] \
 *     [--poll-ms 20] [--data-dir load-tests/target/lag-cassandra]
 * </pre>
 */
public final class ProjectionLag {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration ALARM_TIMEOUT = Duration.ofSeconds(60);
  private static final int FURNACES = 4;
  private static final AlarmLimits LIMITS = new AlarmLimits(1400.0, 1600.0, 5);
  private static final double HIGH = 1620;
  private static final double NORMAL = 1500;

  private ProjectionLag() {}

  /** What to run. */
  record Options(int transitions, int sensors, int pollMillis, Path dataDirectory) {}

  public static void main(String[] args) throws Exception {
    Options options =
        Cli.parseOrExit(
            args,
            ProjectionLag::parse,
            "usage: ProjectionLag [--transitions 100] [--sensors 5] [--poll-ms 20]"
                + " [--data-dir load-tests/target/lag-cassandra]");
    EmbeddedCassandra cassandra =
        EmbeddedCassandra.start(
            EmbeddedCassandraSettings.create(VitrumConfig.load("local"))
                .forTests(options.dataDirectory()));
    try {
      run(options, cassandra);
    } finally {
      cassandra.close();
    }
    System.exit(0);
  }

  private static void run(Options options, EmbeddedCassandra cassandra) throws Exception {
    String keyspace = "lag_" + Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);
    Config config = nodeConfig(keyspace, cassandra.contactPoint());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "ProjectionLag", config);
    try {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
      SensorSettings sensorSettings = SensorSettings.create(config);
      Sensor.init(system, sensorSettings);
      Furnace.init(system, FurnaceSettings.create(config));
      SensorAnomalyToFurnaceAlarms.init(
          system,
          Sensor.anomalyTags(sensorSettings),
          ProjectionSettings.create(config, SensorAnomalyToFurnaceAlarms.NAME));

      ClusterSharding sharding = ClusterSharding.get(system);
      List<String> tags = new ArrayList<>();
      for (int i = 0; i < options.sensors(); i++) {
        String tag = "LAG" + (i % FURNACES) + ".crown.T" + i;
        tags.add(tag);
        configure(sharding, tag);
      }
      int perSensor = (options.transitions() + options.sensors() - 1) / options.sensors();
      ExecutorService workers = Executors.newFixedThreadPool(options.sensors());
      List<Future<List<Long>>> results = new ArrayList<>();
      long began = System.nanoTime();
      for (String tag : tags) {
        results.add(
            workers.submit(() -> toggle(sharding, tag, perSensor + 1, options.pollMillis())));
      }
      List<Long> lags = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        lags.addAll(result.get());
      }
      workers.shutdown();
      report(config, options, lags, System.nanoTime() - began);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  /** The local profile on a free remoting port, in keyspaces of its own, from the last hour. */
  private static Config nodeConfig(String keyspace, String contactPoint) {
    String firstBucket =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now().minus(Duration.ofHours(1)));
    Config overrides =
        ConfigFactory.parseString(
            """
            pekko.remote.artery.canonical.port = 0
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.persistence.cassandra.journal.keyspace = "%1$s"
            pekko.persistence.cassandra.snapshot.keyspace = "%1$s_snapshot"
            pekko.projection.cassandra.offset-store.keyspace = "%1$s_projection"
            pekko.persistence.cassandra.events-by-tag.first-time-bucket = "%2$s"
            """
                .formatted(keyspace, firstBucket));
    // System properties (-D) still win over everything.
    Config layered =
        ConfigFactory.systemProperties()
            .withFallback(overrides)
            .withFallback(VitrumConfig.load("local"));
    return VitrumConfig.withCassandraContactPoints(layered, contactPoint);
  }

  /** Configures a sensor; the first one also creates the keyspace and tables, so it may retry. */
  private static void configure(ClusterSharding sharding, String tag) throws Exception {
    SensorConfig config =
        new SensorConfig(tag.substring(0, tag.indexOf('.')), "degC", 0, 1800, LIMITS);
    EntityRef<Sensor.Command> sensor = sharding.entityRefFor(Sensor.ENTITY_KEY, tag);
    long deadline = System.nanoTime() + ALARM_TIMEOUT.toNanos();
    while (true) {
      try {
        Confirmation reply =
            sensor
                .<Confirmation>ask(replyTo -> new Sensor.Configure(config, replyTo), ASK_TIMEOUT)
                .toCompletableFuture()
                .get();
        if (reply instanceof Confirmation.Accepted) {
          return;
        }
        throw new IllegalStateException(tag + " not configured: " + reply);
      } catch (java.util.concurrent.ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  /**
   * Toggles sensor {@code tag} {@code count} times and returns the lag of each transition but the
   * first, in nanoseconds.
   */
  private static List<Long> toggle(ClusterSharding sharding, String tag, int count, int pollMillis)
      throws Exception {
    EntityRef<Sensor.Command> sensor = sharding.entityRefFor(Sensor.ENTITY_KEY, tag);
    EntityRef<Furnace.Command> furnace =
        sharding.entityRefFor(Furnace.ENTITY_KEY, tag.substring(0, tag.indexOf('.')));
    List<Long> lags = new ArrayList<>();
    Instant last = Instant.EPOCH;
    for (int i = 0; i < count; i++) {
      boolean raise = i % 2 == 0;
      Instant now = Instant.now();
      Instant ts = now.isAfter(last) ? now : last.plusMillis(1);
      last = ts;
      Sensor.ReadingsAck ack =
          sensor
              .<Sensor.ReadingsAck>ask(
                  replyTo ->
                      new Sensor.RecordReadings(
                          List.of(new Sensor.Sample(ts, raise ? HIGH : NORMAL)), false, replyTo),
                  ASK_TIMEOUT)
              .toCompletableFuture()
              .get();
      if (ack.accepted() != 1) {
        throw new IllegalStateException(tag + " rejected a reading: " + ack);
      }
      long persisted = System.nanoTime();
      awaitAlarm(furnace, tag, raise, ts, pollMillis);
      if (i > 0) {
        lags.add(System.nanoTime() - persisted);
      }
    }
    return lags;
  }

  /** Polls the furnace until alarm {@code tag} is active from {@code ts}, or cleared. */
  private static void awaitAlarm(
      EntityRef<Furnace.Command> furnace, String tag, boolean raised, Instant ts, int pollMillis)
      throws Exception {
    long deadline = System.nanoTime() + ALARM_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Furnace.FurnaceView view =
          furnace
              .<Furnace.FurnaceView>ask(Furnace.GetState::new, ASK_TIMEOUT)
              .toCompletableFuture()
              .get();
      for (Alarm alarm : view.alarms()) {
        if (alarm.alarmId().equals(tag)
            && (raised ? alarm.active() && alarm.raisedAt().equals(ts) : !alarm.active())) {
          return;
        }
      }
      Thread.sleep(pollMillis);
    }
    throw new TimeoutException(
        "alarm " + tag + " not " + (raised ? "raised" : "cleared") + " within " + ALARM_TIMEOUT);
  }

  private static void report(Config config, Options options, List<Long> lags, long wallNanos) {
    Collections.sort(lags);
    String cassandra = "pekko.persistence.cassandra.";
    System.out.printf(
        Locale.ROOT,
        "ProjectionLag: %d transitions over %d sensors on %d furnaces in %.1f s"
            + " (eventual-consistency-delay %s, refresh-interval %s, poll %d ms)%n",
        lags.size(),
        options.sensors(),
        Math.min(FURNACES, options.sensors()),
        wallNanos / 1e9,
        config.getDuration(cassandra + "events-by-tag.eventual-consistency-delay").toMillis()
            + " ms",
        config.getDuration(cassandra + "query.refresh-interval").toMillis() + " ms",
        options.pollMillis());
    System.out.printf(
        Locale.ROOT,
        "  lag persisted -> alarm visible: p50 %d ms, p90 %d ms, p99 %d ms, min %d ms, max %d ms%n",
        millis(percentile(lags, 50)),
        millis(percentile(lags, 90)),
        millis(percentile(lags, 99)),
        millis(lags.get(0)),
        millis(lags.get(lags.size() - 1)));
  }

  /** Nearest-rank percentile of sorted {@code values}. */
  private static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }

  static Options parse(String[] args) {
    int transitions = 100;
    int sensors = 5;
    int pollMillis = 20;
    Path dataDirectory = Path.of("load-tests", "target", "lag-cassandra");
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException("missing value after " + args[i]);
      }
      switch (args[i]) {
        case "--transitions" -> transitions = bounded(args[i], value, 1, 10_000);
        case "--sensors" -> sensors = bounded(args[i], value, 1, 64);
        case "--poll-ms" -> pollMillis = bounded(args[i], value, 1, 1000);
        case "--data-dir" -> dataDirectory = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
      i++;
    }
    return new Options(transitions, sensors, pollMillis, dataDirectory);
  }

  private static int bounded(String option, String value, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, not " + value);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(option + " must be within " + min + ".." + max);
    }
    return n;
  }
}
