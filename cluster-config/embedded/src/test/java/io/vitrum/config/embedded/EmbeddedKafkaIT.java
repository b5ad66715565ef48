package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Starts a real Kafka, sends a record through it, attaches to it a second time, then stops it. */
class EmbeddedKafkaIT {
  private static final String TOPIC = "it-embedded-kafka";

  @Test
  void startsServesReusesAndStopsARealKafka() throws Exception {
    EmbeddedKafkaSettings settings =
        EmbeddedKafkaSettings.create(ConfigFactory.load())
            .forTests(TestChildren.freshDirectory("it-kafka-launcher"));

    try (EmbeddedKafka first = EmbeddedKafka.start(settings)) {
      assertTrue(first.owned());
      assertTrue(FreePort.accepting(first.port()));
      assertEquals(Optional.of("hello"), roundTrip(first.bootstrapServers(), "hello"));

      try (EmbeddedKafka second = EmbeddedKafka.start(settings)) {
        assertFalse(second.owned(), "the second start attaches to the running server");
        assertEquals(first.pid(), second.pid());
        assertEquals(first.bootstrapServers(), second.bootstrapServers());
      }
      assertTrue(TestChildren.alive(first.pid()), "closing the attached one leaves it running");

      first.close();
      assertTrue(TestChildren.exits(first.pid(), Duration.ofSeconds(60)), "Kafka stopped on close");
      assertFalse(FreePort.accepting(first.port()));
    }
  }

  /** Produces {@code value} to a topic created on first use and consumes it back. */
  private static Optional<String> roundTrip(String bootstrap, String value) throws Exception {
    Map<String, Object> producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
      producer.send(new ProducerRecord<>(TOPIC, "key", value)).get();
    }
    Map<String, Object> consumerConfig =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-embedded-kafka",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      assertEquals(8, consumer.partitionsFor(TOPIC).size(), "auto-created with num.partitions");
      consumer.subscribe(List.of(TOPIC));
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline)) {
        Optional<String> received =
            StreamSupport.stream(consumer.poll(Duration.ofMillis(500)).spliterator(), false)
                .map(ConsumerRecord::value)
                .findFirst();
        if (received.isPresent()) {
          return received;
        }
      }
      return Optional.empty();
    }
  }
}
