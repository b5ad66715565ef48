package io.vitrum.streams.ingest.mqtt;

import com.typesafe.config.ConfigFactory;
import io.vitrum.streams.ingest.ConnectionState;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.json.ReadingsPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Measures what one Paho publisher connection delivers through an in-process Moquette into {@link
 * MqttJsonSource} (decoded and acknowledged): messages/s and readings/s. Not a test: run its main
 * ({@code [messages] [readingsPerMessage]}).
 */
public final class MqttThroughput {
  private MqttThroughput() {}

  public static void main(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int perMessage = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "MqttThroughput");
    try (MqttTestBroker broker = MqttTestBroker.start(false)) {
      MqttSettings settings =
          MqttSettings.create(ConfigFactory.load())
              .withUrl(broker.url())
              .withClientId("bench-" + System.nanoTime());
      IngestStatus status = new IngestStatus(Clock.systemUTC());
      MqttJsonSource source = new MqttJsonSource(settings, status);
      AtomicLong readings = new AtomicLong();
      AtomicLong received = new AtomicLong();
      source
          .inbound()
          .map(
              in -> {
                readings.addAndGet(in.readings().size());
                received.incrementAndGet();
                return in.ack();
              })
          .runWith(source.acknowledgements(), system);
      Await.until(
          Duration.ofSeconds(30),
          "subscribed",
          () -> status.handle("mqtt").status().state() == ConnectionState.CONNECTED);
      byte[] payload = ReadingsPayloads.array(1, perMessage).getBytes(StandardCharsets.UTF_8);
      MqttAsyncClient pub = new MqttAsyncClient(broker.url(), "bench-pub", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMaxInflight(1000);
      pub.connect(options).waitForCompletion();
      long start = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        while (true) {
          try {
            pub.publish("vitrum/F2/readings", m);
            break;
          } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
              throw e;
            }
            Thread.onSpinWait();
          }
        }
      }
      double published = (System.nanoTime() - start) / 1e9;
      Await.until(Duration.ofMinutes(5), "all received", () -> received.get() >= messages);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "MQTT: %d messages x %d readings (%d bytes): publisher done in %.2f s; through the source"
              + " %.0f messages/s, %.0f readings/s%n",
          messages,
          perMessage,
          payload.length,
          published,
          messages / seconds,
          readings.get() / seconds);
      pub.disconnect().waitForCompletion();
      pub.close();
    } finally {
      system.terminate();
    }
  }
}
