package io.vitrum.streams.testing;

import io.github.embeddedkafka.EmbeddedK;
import io.github.embeddedkafka.EmbeddedKafka;
import io.github.embeddedkafka.EmbeddedKafkaConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One real Kafka broker (KRaft, in-process) shared by every test of this module's JVM, started on
 * first use on free ports; each test class uses its own topics ({@link #uniquePrefix}).
 */
public final class TestKafka {
  private static EmbeddedK broker;

  private TestKafka() {}

  /** {@code 127.0.0.1:<port>} of the shared broker, started on first call. */
  public static synchronized String bootstrapServers() {
    if (broker == null) {
      broker = EmbeddedKafka.start(config(0, 0));
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafka::stop));
    }
    return "127.0.0.1:" + broker.config().kafkaPort();
  }

  /** The broker settings tests need: no rebalance delay, auto-created topics of 4 partitions. */
  public static EmbeddedKafkaConfig config(int kafkaPort, int controllerPort) {
    Map<String, String> broker =
        Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "num.partitions", "4",
            "auto.create.topics.enable", "true",
            "offsets.topic.num.partitions", "4");
    return EmbeddedKafkaConfig.apply(
        kafkaPort,
        controllerPort,
        scala.collection.immutable.Map.from(CollectionConverters.asScala(broker)),
        scala.collection.immutable.Map$.MODULE$.empty(),
        scala.collection.immutable.Map$.MODULE$.empty());
  }

  /** A topic prefix no other test uses. */
  public static String uniquePrefix(String testName) {
    return testName + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  /** Every record of {@code topic} that arrives within {@code within} (from the beginning). */
  public static List<ConsumerRecord<String, byte[]>> readAll(
      String bootstrap, String topic, int atLeast, Duration within) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    long deadline = System.nanoTime() + within.toNanos();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
      c.subscribe(List.of(topic));
      while (out.size() < atLeast && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** A producer of string keys and byte values. */
  public static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /** Sends {@code value} to {@code topic} and waits for the broker's acknowledgement. */
  public static void send(String bootstrap, String topic, String key, byte[] value)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }
}
