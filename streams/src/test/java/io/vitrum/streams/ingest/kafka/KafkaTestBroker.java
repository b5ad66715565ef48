package io.vitrum.streams.ingest.kafka;

import io.vitrum.streams.ingest.mqtt.MqttTestBroker;
import io.vitrum.streams.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The module's shared in-process Kafka broker ({@link TestKafka}) with the helpers the readings.in
 * tests use. It is never stopped here: {@code EmbeddedKafka.stop()} would stop every broker of the
 * JVM, the other test classes' too.
 */
final class KafkaTestBroker {
  static {
    MqttTestBroker.quietLogging();
  }

  private final String bootstrap;

  private KafkaTestBroker(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** The shared broker, started on first use. */
  static KafkaTestBroker shared() {
    return new KafkaTestBroker(TestKafka.bootstrapServers());
  }

  String bootstrap() {
    return bootstrap;
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
}
