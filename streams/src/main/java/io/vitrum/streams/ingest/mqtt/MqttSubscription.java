package io.vitrum.streams.ingest.mqtt;

import io.vitrum.streams.ingest.SourceHandle;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.connectors.mqtt.MqttConnectionSettings;
import org.apache.pekko.stream.connectors.mqtt.MqttQoS;
import org.apache.pekko.stream.connectors.mqtt.MqttSubscriptions;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttSource;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The at-least-once subscription both MQTT sources share: {@code MqttSource.atLeastOnce} with a
 * persistent session under a stable client id, in a restart with backoff, with the number of
 * delivered-but-unacknowledged messages bounded.
 *
 * <p>Where messages wait when downstream is slow: at most {@code max-unacked} delivered and not
 * acknowledged (the {@link AckGate}), then {@code buffer-size} inside the connector, whose full
 * buffer blocks Paho's callback thread, which stops Paho reading the socket, so TCP pushes back and
 * the broker keeps the rest in the session. The broker's own window of unacknowledged QoS 1
 * messages per session (Moquette 10, Mosquitto 20 by default) usually binds before that.
 *
 * <p>A lost connection fails the connector's stage (Paho's automatic reconnect is off: a fresh
 * connection after the backoff resubscribes and gets the session's unacknowledged messages again).
 */
final class MqttSubscription {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSubscription.class);

  private MqttSubscription() {}

  /** Messages from {@code topics}, never completing; state goes to {@code handle}. */
  static Source<MqttMessageWithAck, NotUsed> source(
      MqttSettings settings, String clientId, List<String> topics, SourceHandle handle) {
    if (!settings.enabled()) {
      throw new IllegalStateException("vitrum.mqtt.url is empty: MQTT is not configured");
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("no topics to subscribe");
    }
    MqttQoS qos = qos(settings.qos());
    MqttSubscriptions subscriptions =
        MqttSubscriptions.create(topics.stream().map(t -> Pair.create(t, qos)).toList());
    String endpoint = settings.url() + " " + String.join(",", topics) + " as " + clientId;
    RestartSettings restart =
        RestartSettings.create(
            settings.reconnectMinBackoff(),
            settings.reconnectMaxBackoff(),
            settings.reconnectRandomFactor());
    return RestartSource.withBackoff(
        restart,
        () -> {
          handle.connecting(endpoint);
          AckGate gate = new AckGate(settings.maxUnacked());
          return MqttSource.atLeastOnce(
                  connection(settings, clientId), subscriptions, settings.bufferSize())
              .viaMat(KillSwitches.single(), Keep.both())
              .mapMaterializedValue(
                  subscribedAndSwitch -> {
                    subscribedAndSwitch
                        .first()
                        .whenComplete(
                            (done, error) -> {
                              if (error == null) {
                                LOG.info("MQTT subscribed: {}", endpoint);
                                handle.connected(endpoint);
                              } else {
                                // A refused subscription leaves the connector connected but deaf.
                                // Logged before it is reported, so whoever sees the state finds
                                // the reason in the log.
                                LOG.warn(
                                    "MQTT subscription {} refused: {}", endpoint, error.toString());
                                handle.failed(error);
                                subscribedAndSwitch.second().abort(error);
                              }
                            });
                    return NotUsed.notUsed();
                  })
              .watchTermination(
                  (notUsed, terminated) -> {
                    terminated.whenComplete(
                        (done, error) -> {
                          gate.close();
                          if (error != null) {
                            LOG.warn("MQTT connection {} ended: {}", endpoint, error.toString());
                            handle.failed(error);
                          }
                        });
                    return notUsed;
                  })
              .mapAsync(
                  1,
                  message ->
                      gate.acquire()
                          .thenApply(free -> (MqttMessageWithAck) new GatedMessage(message, gate)));
        });
  }

  /**
   * Acknowledges each message (PUBACK) in arrival order, {@code ack-parallelism} at a time. Never
   * fails: an acknowledgement that fails or times out is logged and given up, and the broker
   * redelivers that message.
   */
  static Sink<MqttMessageWithAck, CompletionStage<Done>> acknowledgements(MqttSettings settings) {
    long timeoutMillis = settings.ackTimeout().toMillis();
    return Flow.<MqttMessageWithAck>create()
        .mapAsync(
            settings.ackParallelism(),
            message ->
                message
                    .ack()
                    .toCompletableFuture()
                    .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .handle(
                        (done, error) -> {
                          if (error != null) {
                            LOG.debug("MQTT ack of {} not sent: {}", message, error.toString());
                          }
                          return Done.done();
                        }))
        .toMat(Sink.ignore(), Keep.right());
  }

  static MqttConnectionSettings connection(MqttSettings settings, String clientId) {
    MqttConnectionSettings connection =
        MqttConnectionSettings.create(settings.url(), clientId, new MemoryPersistence())
            .withCleanSession(false)
            .withAutomaticReconnect(false)
            .withKeepAliveInterval(settings.keepAlive())
            .withConnectionTimeout(settings.connectionTimeout())
            .withDisconnectQuiesceTimeout(settings.disconnectQuiesce())
            .withMaxInFlight(settings.maxInFlight());
    return settings.authenticated()
        ? connection.withAuth(settings.username(), settings.password().reveal())
        : connection;
  }

  static MqttQoS qos(int qos) {
    return switch (qos) {
      case 0 -> MqttQoS.atMostOnce();
      case 1 -> MqttQoS.atLeastOnce();
      default -> MqttQoS.exactlyOnce();
    };
  }
}
