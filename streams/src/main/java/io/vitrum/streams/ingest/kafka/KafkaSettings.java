package io.vitrum.streams.ingest.kafka;

import com.typesafe.config.Config;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.ProducerSettings;

/**
 * Where Kafka is and what its topics are called, from {@code vitrum.kafka}.
 *
 * @param bootstrapServers {@code host:port[,...]}; empty when none is configured
 * @param readingsIn integrators' JSON readings
 * @param readings validated readings, the durable raw log
 * @param quarantine bad input with its reason
 * @param frames MIK-1 inspection frames
 * @param partitions partitions of topics the engine creates
 * @param replicationFactor replication of topics the engine creates
 * @param security how the clients authenticate and encrypt (applied to every client made from these
 *     settings)
 */
public record KafkaSettings(
    String bootstrapServers,
    String readingsIn,
    String readings,
    String quarantine,
    String frames,
    int partitions,
    short replicationFactor,
    KafkaSecurity security) {

  public static KafkaSettings create(Config config) {
    Config c = config.getConfig("vitrum.kafka");
    Config t = c.getConfig("topics");
    return new KafkaSettings(
        c.getString("bootstrap-servers").trim(),
        t.getString("readings-in"),
        t.getString("readings"),
        t.getString("quarantine"),
        t.getString("frames"),
        c.getInt("partitions"),
        (short) c.getInt("replication-factor"),
        KafkaSecurity.create(c));
  }

  /** Whether a Kafka cluster is configured (ingest runs only then). */
  public boolean configured() {
    return !bootstrapServers.isEmpty();
  }

  /** The same settings with other topic names (tests give each class its own). */
  public KafkaSettings withTopicPrefix(String prefix) {
    return new KafkaSettings(
        bootstrapServers,
        prefix + readingsIn,
        prefix + readings,
        prefix + quarantine,
        prefix + frames,
        partitions,
        replicationFactor,
        security);
  }

  /** The same settings with other client security (tests). */
  public KafkaSettings withSecurity(KafkaSecurity other) {
    return new KafkaSettings(
        bootstrapServers,
        readingsIn,
        readings,
        quarantine,
        frames,
        partitions,
        replicationFactor,
        other);
  }

  /**
   * {@code bootstrap.servers} and the security properties, for the plain clients (admin, the
   * quarantine reader). Holds revealed secrets: never log it.
   */
  public Map<String, Object> clientProperties() {
    Map<String, Object> p = new HashMap<>(security.clientProperties());
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return p;
  }

  /**
   * A producer that waits for all in-sync replicas and never duplicates on retry, batching for
   * throughput (uncompressed: the records are small and CPU is the scarcer resource).
   */
  public ProducerSettings<String, byte[]> producer(ClassicActorSystemProvider system) {
    return ProducerSettings.create(system, new StringSerializer(), new ByteArraySerializer())
        .withBootstrapServers(bootstrapServers)
        .withProperties(
            Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144"))
        .withProperties(security.clientProperties());
  }

  /** A consumer in group {@code groupId} that starts at the earliest offset when it has none. */
  public ConsumerSettings<String, byte[]> consumer(
      ClassicActorSystemProvider system, String groupId) {
    return ConsumerSettings.create(system, new StringDeserializer(), new ByteArrayDeserializer())
        .withBootstrapServers(bootstrapServers)
        .withGroupId(groupId)
        .withProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
        .withProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
        .withProperties(security.clientProperties());
  }
}
