package io.vitrum.loadtests.ingest;

import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes QoS 1 to {@code vitrum/<furnace>/readings} with Paho; at most {@code maxInflight}
 * messages wait for their PUBACK, and a full window blocks the publisher.
 */
final class MqttLoadPublisher implements LoadPublisher {
  private static final int MAX_INFLIGHT = 1000;
  private final MqttAsyncClient client;
  private final String topic;

  MqttLoadPublisher(String url, String furnace) throws MqttException {
    this.client =
        new MqttAsyncClient(
            url, "vitrum-load-" + ProcessHandle.current().pid(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(MAX_INFLIGHT);
    options.setCleanSession(true);
    client.connect(options).waitForCompletion(10_000);
    this.topic = "vitrum/" + furnace + "/readings";
  }

  @Override
  public void publish(String key, byte[] json) throws Exception {
    while (true) {
      try {
        client.publish(topic, json, 1, false);
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
          throw e;
        }
        Thread.sleep(1);
      }
    }
  }

  @Override
  public void flush() throws Exception {
    for (IMqttToken token : client.getPendingDeliveryTokens()) {
      token.waitForCompletion(30_000);
    }
  }

  @Override
  public void close() {
    try {
      client.disconnect().waitForCompletion(5_000);
      client.close();
    } catch (MqttException e) {
      // closing anyway
    }
  }
}
