package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** Starts the real broker, sends a 1 MB message through it, attaches a second time, stops it. */
class EmbeddedMqttBrokerIT {
  private static final String TOPIC = "vitrum/it-broker/readings";

  @Test
  void startsServesReusesAndStopsTheBroker() throws Exception {
    EmbeddedMqttSettings settings =
        EmbeddedMqttSettings.create(ConfigFactory.load())
            .forTests(TestChildren.freshDirectory("it-mqtt-launcher"));

    try (EmbeddedMqttBroker first = EmbeddedMqttBroker.start(settings)) {
      assertTrue(first.owned());
      byte[] payload = new byte[1 << 20];
      new Random(7).nextBytes(payload);
      assertArrayEquals(payload, roundTrip(first.url(), payload));

      try (EmbeddedMqttBroker second = EmbeddedMqttBroker.start(settings)) {
        assertFalse(second.owned(), "the second start attaches to the running broker");
        assertEquals(first.pid(), second.pid());
        assertEquals(first.url(), second.url());
      }
      assertTrue(TestChildren.alive(first.pid()));

      first.close();
      assertTrue(TestChildren.exits(first.pid(), Duration.ofSeconds(30)), "stopped on close");
      assertFalse(FreePort.accepting(first.port()));
    }
  }

  @Test
  void withCredentialsItRefusesAnonymousAndWrongPasswords() throws Exception {
    EmbeddedMqttSettings settings =
        EmbeddedMqttSettings.create(ConfigFactory.load())
            .forTests(TestChildren.freshDirectory("it-mqtt-auth"))
            .withCredentials("vitrum", "broker-Pa55word");
    assertFalse(settings.toString().contains("broker-Pa55word"), settings.toString());
    assertFalse(settings.toString().contains(settings.passwordLine()), "not even the hash");
    try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(settings)) {
      MqttConnectOptions right = new MqttConnectOptions();
      right.setUserName("vitrum");
      right.setPassword("broker-Pa55word".toCharArray());
      MqttClient client = new MqttClient(broker.url(), "it-auth-right", new MemoryPersistence());
      client.connect(right);
      assertTrue(client.isConnected());
      client.disconnect();
      client.close();

      MqttConnectOptions wrong = new MqttConnectOptions();
      wrong.setUserName("vitrum");
      wrong.setPassword("wrong".toCharArray());
      for (MqttConnectOptions refused :
          new MqttConnectOptions[] {wrong, new MqttConnectOptions()}) {
        MqttClient c = new MqttClient(broker.url(), "it-auth-refused", new MemoryPersistence());
        assertThrows(MqttSecurityException.class, () -> c.connect(refused));
        c.close();
      }
    }
  }

  /** Subscribes at QoS 1, publishes {@code payload} at QoS 1 and returns what arrived. */
  private static byte[] roundTrip(String url, byte[] payload) throws Exception {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    CompletableFuture<byte[]> received = new CompletableFuture<>();
    MqttClient subscriber = new MqttClient(url, "it-subscriber", new MemoryPersistence());
    MqttClient publisher = new MqttClient(url, "it-publisher", new MemoryPersistence());
    try {
      subscriber.connect(options);
      subscriber.subscribe(TOPIC, 1, (topic, message) -> received.complete(message.getPayload()));
      publisher.connect(options);
      MqttMessage message = new MqttMessage(payload);
      message.setQos(1);
      publisher.publish(TOPIC, message);
      return received.get(30, TimeUnit.SECONDS);
    } finally {
      for (MqttClient client : new MqttClient[] {publisher, subscriber}) {
        if (client.isConnected()) {
          client.disconnect();
        }
        client.close();
      }
    }
  }
}
