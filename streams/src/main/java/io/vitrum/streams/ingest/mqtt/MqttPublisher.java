package io.vitrum.streams.ingest.mqtt;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection for publishing (setpoint commands, Sparkplug rebirth requests), kept open: it
 * connects in the background and again with backoff whenever the connection is lost. A publish is
 * one attempt: it completes when the broker acknowledged it (QoS 1: PUBACK; QoS 0: written), and
 * fails at once while disconnected, or after {@code publishTimeout}. Clean session: nothing is
 * queued while away (whoever publishes retries). Thread-safe.
 */
public final class MqttPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);

  private final MqttAsyncClient client;
  private final MqttConnectOptions options;
  private final MqttSettings settings;
  private final Duration publishTimeout;
  private final AtomicInteger failures = new AtomicInteger();
  private volatile boolean closed;

  /**
   * Starts connecting to {@code settings.url()} as {@code clientId}.
   *
   * @param publishTimeout how long the broker may take to acknowledge one publish
   */
  public MqttPublisher(MqttSettings settings, String clientId, Duration publishTimeout) {
    if (!settings.enabled()) {
      throw new IllegalStateException("vitrum.mqtt.url is empty: MQTT is not configured");
    }
    this.settings = settings;
    this.publishTimeout = publishTimeout;
    try {
      this.client = new MqttAsyncClient(settings.url(), clientId, new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create an MQTT client for " + settings.url(), e);
    }
    options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout((int) settings.connectionTimeout().toSeconds());
    options.setMaxInflight(settings.maxInFlight());
    if (settings.authenticated()) {
      options.setUserName(settings.username());
      options.setPassword(settings.password().revealChars());
    }
    client.setCallback(
        new MqttCallbackExtended() {
          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            failures.set(0);
            LOG.info("MQTT publisher {} connected to {}", client.getClientId(), serverUri);
          }

          @Override
          public void connectionLost(Throwable cause) {
            LOG.warn("MQTT publisher {} lost its connection: {}", client.getClientId(), cause);
            reconnectLater();
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {}

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    connect();
  }

  /** Whether the connection is up now. */
  public boolean isConnected() {
    return client.isConnected();
  }

  /** Publishes {@code payload} to {@code topic}; see the class comment for when it completes. */
  public CompletionStage<Done> publish(String topic, byte[] payload, int qos) {
    CompletableFuture<Done> result = new CompletableFuture<>();
    MqttMessage message = new MqttMessage(payload);
    message.setQos(qos);
    try {
      client.publish(
          topic,
          message,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              result.complete(Done.done());
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              result.completeExceptionally(error);
            }
          });
    } catch (MqttException | RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result.orTimeout(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void connect() {
    if (closed) {
      return;
    }
    try {
      client.connect(
          options,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {}

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              LOG.debug("MQTT publisher {} cannot connect: {}", client.getClientId(), error);
              reconnectLater();
            }
          });
    } catch (MqttException e) {
      if (e.getReasonCode() != MqttException.REASON_CODE_CONNECT_IN_PROGRESS
          && e.getReasonCode() != MqttException.REASON_CODE_CLIENT_CONNECTED) {
        reconnectLater();
      }
    }
  }

  private void reconnectLater() {
    if (closed) {
      return;
    }
    int n = Math.min(failures.getAndIncrement(), 16);
    long min = settings.reconnectMinBackoff().toMillis();
    long delay = Math.min(settings.reconnectMaxBackoff().toMillis(), min << Math.min(n, 10));
    CompletableFuture.delayedExecutor(Math.max(delay, 1), TimeUnit.MILLISECONDS)
        .execute(this::connect);
  }

  /** Disconnects and releases the client. */
  @Override
  public void close() {
    closed = true;
    try {
      if (client.isConnected()) {
        client
            .disconnect(settings.disconnectQuiesce().toMillis())
            .waitForCompletion(settings.connectionTimeout().toMillis());
      }
    } catch (MqttException e) {
      LOG.debug("MQTT publisher {} disconnect: {}", client.getClientId(), e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("MQTT publisher {} close: {}", client.getClientId(), e.toString());
    }
  }
}
