package io.vitrum.streams.ingest;

import com.typesafe.config.Config;
import io.vitrum.core.plant.ReadingCheck;
import java.time.Duration;
import java.time.Instant;

/**
 * Ingest's settings, from {@code vitrum.ingest} (documented in {@code vitrum-ingest.conf}).
 *
 * @param tagMap path of the tag map CSV, empty for the simulated plant's
 * @param bounds the accepted time window of readings
 * @param maxRangeFractionPerSecond fastest believable change per second, as a fraction of the range
 * @param batchMaxReadings readings per batch written to Kafka
 * @param batchMaxDelay longest a reading waits for its batch
 * @param producerParallelism batches in flight to Kafka per source
 * @param restartMinBackoff first restart delay after a failure
 * @param restartMaxBackoff longest restart delay
 * @param silentAfter a tag with no accepted reading this long is silent
 * @param quarantineCapacity newest quarantine records kept for the API
 * @param delivery the consumer group into the entities
 */
public record IngestSettings(
    String tagMap,
    ReadingCheck.TimeBounds bounds,
    double maxRangeFractionPerSecond,
    int batchMaxReadings,
    Duration batchMaxDelay,
    int producerParallelism,
    Duration restartMinBackoff,
    Duration restartMaxBackoff,
    Duration silentAfter,
    int quarantineCapacity,
    Delivery delivery) {

  /**
   * The delivery of {@code vitrum.readings} into the Sensor entities.
   *
   * @param groupId the consumer group
   * @param batchMaxReadings readings gathered into one delivery batch
   * @param batchMaxDelay longest a record waits for its batch
   * @param parallelism tags of a batch asked at once
   * @param askTimeout time allowed for one ask
   * @param attempts attempts of one ask before the stream restarts
   * @param commitMaxBatch offsets per commit
   * @param commitMaxInterval longest time between commits
   * @param twinSyncInterval how often twins get the latest readings
   */
  public record Delivery(
      String groupId,
      int batchMaxReadings,
      Duration batchMaxDelay,
      int parallelism,
      Duration askTimeout,
      int attempts,
      int commitMaxBatch,
      Duration commitMaxInterval,
      Duration twinSyncInterval) {}

  public static IngestSettings create(Config config) {
    Config c = config.getConfig("vitrum.ingest");
    Config d = c.getConfig("delivery");
    return new IngestSettings(
        c.getString("tag-map").trim(),
        new ReadingCheck.TimeBounds(
            Instant.parse(c.getString("earliest-reading")), c.getDuration("max-clock-skew")),
        c.getDouble("max-range-fraction-per-second"),
        c.getInt("batch-max-readings"),
        c.getDuration("batch-max-delay"),
        c.getInt("producer-parallelism"),
        c.getDuration("restart-min-backoff"),
        c.getDuration("restart-max-backoff"),
        c.getDuration("silent-after"),
        c.getInt("quarantine-capacity"),
        new Delivery(
            d.getString("group-id"),
            d.getInt("batch-max-readings"),
            d.getDuration("batch-max-delay"),
            d.getInt("parallelism"),
            d.getDuration("ask-timeout"),
            d.getInt("attempts"),
            d.getInt("commit-max-batch"),
            d.getDuration("commit-max-interval"),
            d.getDuration("twin-sync-interval")));
  }
}
