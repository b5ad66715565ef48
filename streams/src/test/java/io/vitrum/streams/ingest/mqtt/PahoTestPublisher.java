package io.vitrum.streams.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A plain synchronous Paho client for tests: QoS 1 publishes that return once PUBACKed. */
public final class PahoTestPublisher implements AutoCloseable {
  private final MqttClient client;

  public PahoTestPublisher(String url, String clientId) throws MqttException {
    this(url, clientId, "", "");
  }

  /** Connects with {@code user} and {@code password} (blank user: anonymously). */
  public PahoTestPublisher(String url, String clientId, String user, String password)
      throws MqttException {
    client = new MqttClient(url, clientId, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    if (!user.isBlank()) {
      options.setUserName(user);
      options.setPassword(password.toCharArray());
    }
    client.connect(options);
  }

  public void publish(String topic, String text) throws MqttException {
    publish(topic, text.getBytes(StandardCharsets.UTF_8));
  }

  public void publish(String topic, byte[] payload) throws MqttException {
    MqttMessage m = new MqttMessage(payload);
    m.setQos(1);
    client.publish(topic, m);
  }

  public MqttClient client() {
    return client;
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
      client.close();
    } catch (MqttException e) {
      // best effort
    }
  }
}
