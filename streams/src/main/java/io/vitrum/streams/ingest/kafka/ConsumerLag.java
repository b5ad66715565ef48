package io.vitrum.streams.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind on a topic: the sum over partitions of (end offset − committed
 * offset). One admin connection, reused.
 */
public final class ConsumerLag implements AutoCloseable {
  private final Admin admin;

  /** Connects to the cluster of {@code settings}, with its client security. */
  public ConsumerLag(KafkaSettings settings) {
    this.admin = Admin.create(KafkaTopics.admin(settings, "5000", "10000"));
  }

  /**
   * Messages of {@code topic} that {@code group} has not committed yet (a partition it never
   * committed counts whole).
   */
  public long of(String group, String topic, Duration timeout) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    var partitions =
        admin
            .describeTopics(java.util.List.of(topic))
            .allTopicNames()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .get(topic)
            .partitions();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(
        p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    var ends = admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    long lag = 0;
    for (var e : ends.entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      lag += e.getValue().offset() - (c == null ? 0 : c.offset());
    }
    return lag;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
