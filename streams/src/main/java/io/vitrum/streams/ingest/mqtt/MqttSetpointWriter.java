package io.vitrum.streams.ingest.mqtt;

import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.streams.ingest.SetpointWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Writes setpoints as MQTT commands: the {@link SetpointCommand} JSON to {@code
 * vitrum.mqtt.setpoints.topic} ({@code vitrum/<furnace>/setpoints}) at {@code vitrum.mqtt.qos} (1),
 * over one connection kept open by an {@link MqttPublisher}. A write completes when the broker
 * acknowledged the publish: the broker has it, which is as far as MQTT can tell (the plant's reply
 * is its next readings). Close it to disconnect.
 */
public final class MqttSetpointWriter implements SetpointWriter, AutoCloseable {
  private final MqttSettings settings;
  private final MqttPublisher publisher;
  private final Clock clock;

  /** Connects its own publisher as {@code <client-id>-pub-<random>}. */
  public MqttSetpointWriter(MqttSettings settings, Clock clock) {
    this(
        settings,
        new MqttPublisher(
            settings,
            settings.clientId() + "-pub-" + UUID.randomUUID().toString().substring(0, 8),
            settings.setpoints().publishTimeout()),
        clock);
  }

  /** Publishes through {@code publisher} (closed with this writer). */
  public MqttSetpointWriter(MqttSettings settings, MqttPublisher publisher, Clock clock) {
    this.settings = settings;
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public SourceKind protocol() {
    return SourceKind.MQTT;
  }

  @Override
  public CompletionStage<Done> write(TagMapRow target, double value) {
    Optional<SetpointParameter> parameter = target.setpointParameter();
    if (target.source() != SourceKind.MQTT || parameter.isEmpty()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(target.tag() + " is not an mqtt setpoint row"));
    }
    byte[] json;
    try {
      json =
          new SetpointCommand(target.furnace(), parameter.get().key(), value, clock.instant())
              .toJson();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return publisher.publish(settings.setpoints().topicOf(target.furnace()), json, settings.qos());
  }

  /** Whether the connection is up now. */
  public boolean isConnected() {
    return publisher.isConnected();
  }

  @Override
  public void close() {
    publisher.close();
  }
}
