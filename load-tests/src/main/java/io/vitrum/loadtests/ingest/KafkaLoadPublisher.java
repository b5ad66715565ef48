package io.vitrum.loadtests.ingest;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes to Kafka {@code vitrum.readings.in}, batched and acknowledged by all replicas. */
public final class KafkaLoadPublisher implements LoadPublisher {
  private final KafkaProducer<String, byte[]> producer;
  private final String topic;

  public KafkaLoadPublisher(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    this.producer = new KafkaProducer<>(p);
    this.topic = topic;
  }

  @Override
  public void publish(String key, byte[] json) {
    producer.send(new ProducerRecord<>(topic, key, json));
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
