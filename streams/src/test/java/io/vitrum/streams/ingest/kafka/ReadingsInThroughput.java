package io.vitrum.streams.ingest.kafka;

import com.typesafe.config.ConfigFactory;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.json.ReadingsPayloads;
import io.vitrum.streams.ingest.mqtt.Await;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Measures {@link ReadingsInSource} consumption (decode and commit) from an in-process Kafka:
 * records/s and readings/s. Not a test: run its main ({@code [records] [readingsPerRecord]}).
 */
public final class ReadingsInThroughput {
  private ReadingsInThroughput() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int perRecord = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    KafkaTestBroker kafka = KafkaTestBroker.shared();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "ReadingsInThroughput");
    try {
      String topic = "bench-readings-in";
      kafka.createTopic(topic, 4);
      byte[] value = ReadingsPayloads.array(1, perRecord).getBytes(StandardCharsets.UTF_8);
      long t0 = System.nanoTime();
      try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
        for (int i = 0; i < records; i++) {
          producer.send(new ProducerRecord<>(topic, null, value));
        }
        producer.flush();
      }
      double produced = (System.nanoTime() - t0) / 1e9;
      ReadingsInSettings settings =
          ReadingsInSettings.create(
              ConfigFactory.parseString(
                      "vitrum.kafka { bootstrap-servers = \""
                          + kafka.bootstrap()
                          + "\"\n topics.readings-in = \""
                          + topic
                          + "\" }")
                  .withFallback(ConfigFactory.load()));
      ReadingsInSource source =
          new ReadingsInSource(system, settings, new IngestStatus(Clock.systemUTC()));
      AtomicLong readings = new AtomicLong();
      AtomicLong received = new AtomicLong();
      long start = System.nanoTime();
      source
          .inbound()
          .map(
              in -> {
                readings.addAndGet(in.readings().size());
                received.incrementAndGet();
                return in.ack();
              })
          .runWith(source.acknowledgements(), system);
      Await.until(Duration.ofMinutes(5), "all consumed", () -> received.get() >= records);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "Kafka readings.in: produced %d records x %d readings (%d bytes) in %.2f s; consumed,"
              + " decoded and committed %.0f records/s, %.0f readings/s (incl. group join)%n",
          records, perRecord, value.length, produced, records / seconds, readings.get() / seconds);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }
}
