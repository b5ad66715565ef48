package io.vitrum.streams.ingest.kafka;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;

/**
 * The {@code vitrum.readings.in} consumer, from {@code vitrum.kafka.bootstrap-servers}, {@code
 * vitrum.kafka.topics.readings-in} and the optional block {@code vitrum.kafka.readings-in} (its
 * defaults, with what each key means, are {@link #DEFAULTS}).
 *
 * @param bootstrapServers {@code host:port[,…]}; blank: Kafka is not configured
 * @param topic the topic to consume
 * @param groupId the consumer group (offsets are committed under it)
 * @param autoOffsetReset where a group without committed offsets starts
 * @param maxPayloadBytes larger record values are too large
 * @param maxReadings arrays with more readings are too large
 * @param minBackoff first backoff after the consumer failed
 * @param maxBackoff longest backoff
 * @param randomFactor jitter of the backoff
 * @param commitMaxBatch offsets per commit at most
 * @param commitMaxInterval commit at least this often while acknowledgements come
 * @param commitParallelism commits in flight
 * @param lagInterval how often the consumer lag is read from the client's metrics
 * @param stopTimeout how long a stopped consumer stays to let late commits through
 * @param security the client security of {@code vitrum.kafka} ({@link KafkaSecurity})
 */
public record ReadingsInSettings(
    String bootstrapServers,
    String topic,
    String groupId,
    String autoOffsetReset,
    int maxPayloadBytes,
    int maxReadings,
    Duration minBackoff,
    Duration maxBackoff,
    double randomFactor,
    int commitMaxBatch,
    Duration commitMaxInterval,
    int commitParallelism,
    Duration lagInterval,
    Duration stopTimeout,
    KafkaSecurity security) {

  /** The defaults of {@code vitrum.kafka.readings-in}, each key with its meaning. */
  public static final String DEFAULTS =
      """
      # Consumer group of the readings.in source (its own: offsets are ours alone).
      group-id = "vitrum-ingest-readings-in"
      # Where a group without committed offsets starts: earliest (lose nothing) or latest.
      auto-offset-reset = "earliest"
      # Larger record values are quarantined as payload-too-large.
      max-payload-bytes = 1048576
      # Arrays with more readings are quarantined as payload-too-large.
      max-readings = 10000
      # Backoff between consumer restarts after a failure.
      min-backoff = 1s
      max-backoff = 30s
      random-factor = 0.2
      # Acknowledged offsets are committed in batches of at most this many, at least this often.
      commit-max-batch = 1000
      commit-max-interval = 1s
      commit-parallelism = 2
      # How often the lag (records behind the end of the topic) is read from the client metrics.
      lag-interval = 5s
      # How long a stopped consumer stays to let late commits through.
      stop-timeout = 5s
      """;

  /** Reads the settings from {@code config}. */
  public static ReadingsInSettings create(Config config) {
    Config kafka = config.getConfig("vitrum.kafka");
    Config own =
        (kafka.hasPath("readings-in") ? kafka.getConfig("readings-in") : ConfigFactory.empty())
            .withFallback(ConfigFactory.parseString(DEFAULTS));
    return new ReadingsInSettings(
        kafka.getString("bootstrap-servers").trim(),
        kafka.getString("topics.readings-in"),
        own.getString("group-id"),
        own.getString("auto-offset-reset"),
        own.getInt("max-payload-bytes"),
        own.getInt("max-readings"),
        own.getDuration("min-backoff"),
        own.getDuration("max-backoff"),
        own.getDouble("random-factor"),
        own.getInt("commit-max-batch"),
        own.getDuration("commit-max-interval"),
        own.getInt("commit-parallelism"),
        own.getDuration("lag-interval"),
        own.getDuration("stop-timeout"),
        KafkaSecurity.create(kafka));
  }

  /** Whether a Kafka cluster is configured. */
  public boolean enabled() {
    return !bootstrapServers.isBlank();
  }
}
