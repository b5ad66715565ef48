package io.vitrum.streams.ingest.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.stream.connectors.mqtt.MqttMessage;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;

/**
 * A received message whose {@link #ack()} frees its slot in the connection's {@link AckGate} and
 * then acknowledges it (PUBACK). Acknowledging twice does nothing the second time. A message whose
 * connection is gone fails its ack at once: the connector's stage has stopped and would never
 * answer, and the broker redelivers the message to the next connection anyway.
 */
final class GatedMessage implements MqttMessageWithAck {
  private final MqttMessageWithAck delegate;
  private final AckGate gate;
  private final AtomicBoolean acked = new AtomicBoolean();

  GatedMessage(MqttMessageWithAck delegate, AckGate gate) {
    this.delegate = delegate;
    this.gate = gate;
  }

  @Override
  public MqttMessage message() {
    return delegate.message();
  }

  @Override
  public CompletionStage<Done> ack() {
    if (!acked.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(Done.done());
    }
    gate.release();
    if (gate.isClosed()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "the connection that delivered this message is closed; the broker redelivers it"));
    }
    return delegate.ack();
  }

  @Override
  public String toString() {
    return "MqttMessage(" + delegate.message().topic() + ")";
  }
}
