package io.vitrum.streams.ingest.mqtt;

import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestSource;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceHandle;
import io.vitrum.streams.ingest.json.ReadingsJson;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * JSON readings over MQTT: subscribes QoS 1 to {@code vitrum.mqtt.json.topics} (default {@code
 * vitrum/+/readings}) as {@code <client-id>-json} with a persistent session, decodes each message
 * with {@link ReadingsJson} and hands it on with the message itself as the acknowledgement token:
 * the PUBACK goes out only when the token reaches {@link #acknowledgements()}. A message whose
 * token never comes back is redelivered by the broker to the next connection.
 *
 * <p>The furnace segment of the topic is not compared with the readings' tags: the tag id alone
 * says which sensor a reading belongs to, and validation rejects tags the tag map does not name.
 */
public final class MqttJsonSource implements IngestSource<MqttMessageWithAck> {
  /** The source's name in metrics, status and quarantine records. */
  public static final String NAME = "mqtt";

  private final MqttSettings settings;
  private final SourceHandle handle;
  private final ReadingsJson json;

  /**
   * @param settings {@code vitrum.mqtt} (its url must be set)
   * @param status where the source reports its state (as {@value #NAME})
   */
  public MqttJsonSource(MqttSettings settings, IngestStatus status) {
    this.settings = settings;
    this.handle = status.handle(NAME);
    this.json = new ReadingsJson(settings.json().maxPayloadBytes(), settings.json().maxReadings());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Source<Inbound<MqttMessageWithAck>, NotUsed> inbound() {
    return MqttSubscription.source(
            settings, settings.clientId() + "-json", settings.json().topics(), handle)
        .map(this::decode);
  }

  private Inbound<MqttMessageWithAck> decode(MqttMessageWithAck message) {
    byte[] payload = message.message().payload().toArrayUnsafe();
    ReadingsJson.Decoded decoded = json.decode(payload);
    handle.received(decoded.readings().size());
    return decoded.toInbound(NAME, payload, message);
  }

  @Override
  public Sink<MqttMessageWithAck, CompletionStage<Done>> acknowledgements() {
    return MqttSubscription.acknowledgements(settings);
  }
}
