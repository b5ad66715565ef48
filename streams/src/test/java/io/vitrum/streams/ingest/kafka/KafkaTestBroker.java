package io.vitrum.streams.ingest.kafka;

import io.github.embeddedkafka.EmbeddedK;
import io.github.embeddedkafka.EmbeddedKafka;
import io.github.embeddedkafka.EmbeddedKafkaConfig;
import io.vitrum.streams.ingest.mqtt.MqttTestBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import scala.jdk.javaapi.CollectionConverters;

/** An in-process Kafka broker (KRaft) on free ports, for one test class. */
final class KafkaTestBroker implements AutoCloseable {
  static {
    MqttTestBroker.quietLogging();
  }

  private final EmbeddedK kafka;

  private KafkaTestBroker(EmbeddedK kafka) {
    this.kafka = kafka;
  }

  static KafkaTestBroker start() {
    EmbeddedKafkaConfig config =
        EmbeddedKafkaConfig.apply(
            0,
            0,
            scalaMap(Map.of("group.initial.rebalance.delay.ms", "0")),
            scalaMap(Map.of()),
            scalaMap(Map.of()));
    return new KafkaTestBroker(EmbeddedKafka.start(config));
  }

  String bootstrap() {
    return "127.0.0.1:" + kafka.config().kafkaPort();
  }

  void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(1 << 20));
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  void produce(String topic, List<String> values) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (String v : values) {
        producer.send(new ProducerRecord<>(topic, null, v.getBytes(StandardCharsets.UTF_8))).get();
      }
    }
  }

  @Override
  public void close() {
    EmbeddedKafka.stop();
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> m) {
    return scala.collection.immutable.Map.from(CollectionConverters.asScala(m));
  }
}
