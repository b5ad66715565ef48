package io.vitrum.streams.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** The MQTT setpoint writer against a real (in-process) broker. */
class MqttSetpointWriterIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  static TagMapRow row(String tag, SourceKind source) {
    return new TagMapRow(2, tag, "F2", "degC", 1450, 1650, null, null, source, "");
  }

  @Test
  void aSubscriberReceivesTheCommandAndTheWriterSurvivesABrokerRestart() throws Exception {
    try (MqttTestBroker broker = MqttTestBroker.start(false)) {
      MqttSettings settings =
          MqttSettings.create(
                  ConfigFactory.parseString(
                          "vitrum.mqtt { reconnect { min-backoff = 100ms, max-backoff = 500ms } }")
                      .withFallback(ConfigFactory.load()))
              .withUrl(broker.url())
              .withClientId("it-setpoints");
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
      try (MqttSetpointWriter writer = new MqttSetpointWriter(settings, clock)) {
        PahoTestPublisher plant = new PahoTestPublisher(broker.url(), "it-setpoints-plant");
        plant
            .client()
            .subscribe(
                "vitrum/+/setpoints",
                1,
                (topic, m) -> received.add(topic + " " + new String(m.getPayload())));
        Await.until(LIMIT, "connected", writer::isConnected);
        writer
            .write(row("F2.setpoint.crownTemperature", SourceKind.MQTT), 1580.0)
            .toCompletableFuture()
            .join();
        String got = Await.next(received, LIMIT, "the command");
        assertEquals(
            "vitrum/F2/setpoints {\"furnace\":\"F2\",\"parameter\":\"crownTemperature\","
                + "\"value\":1580.0,\"ts\":\"2026-12-01T10:00:00Z\"}",
            got);
        assertEquals(
            new SetpointCommand("F2", "crownTemperature", 1580.0, NOW),
            SetpointCommand.fromJson(got.substring(got.indexOf(' ') + 1).getBytes()));

        assertThrows(
            CompletionException.class,
            () ->
                writer.write(row("F2.crown.T1", SourceKind.MQTT), 1).toCompletableFuture().join());
        assertThrows(
            CompletionException.class,
            () ->
                writer
                    .write(row("F2.setpoint.pullRate", SourceKind.MODBUS), 1)
                    .toCompletableFuture()
                    .join());

        plant.close();
        broker.stop();
        Await.until(LIMIT, "disconnected", () -> !writer.isConnected());
        assertThrows(
            CompletionException.class,
            () ->
                writer
                    .write(row("F2.setpoint.crownTemperature", SourceKind.MQTT), 1581.0)
                    .toCompletableFuture()
                    .join());
        broker.start();
        Await.until(LIMIT, "reconnected", writer::isConnected);
        try (PahoTestPublisher again = new PahoTestPublisher(broker.url(), "it-setpoints-plant")) {
          again
              .client()
              .subscribe(
                  "vitrum/+/setpoints", 1, (topic, m) -> received.add(new String(m.getPayload())));
          writer
              .write(row("F2.setpoint.crownTemperature", SourceKind.MQTT), 1582.0)
              .toCompletableFuture()
              .join();
          assertEquals(
              1582.0,
              SetpointCommand.fromJson(Await.next(received, LIMIT, "after restart").getBytes())
                  .value());
        }
      }
    }
  }
}
