package io.vitrum.streams.ingest.mqtt;

import io.vitrum.core.ingest.TagMap;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestSource;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sparkplug B over MQTT, as a (non-primary) host application: subscribes QoS 1 to {@code
 * spBv1.0/<group>/+/#} for each of {@code vitrum.mqtt.sparkplug.groups} as {@code <client-id>-spb}
 * with a persistent session, decodes each message with a {@link SparkplugDecoder} (births, deaths,
 * aliases, tag-map mapping: see there) and hands it on with the message as its acknowledgement
 * token, like {@link MqttJsonSource}. BIRTH, DEATH and command messages go on too (with their
 * readings, or none) so that their acknowledgements come back in order.
 *
 * <p>When the decoder asks for a rebirth and a publisher was given, an NCMD {@code Node
 * Control/Rebirth = true} goes to the edge node (QoS 0, as Sparkplug commands are). The tag map is
 * read through the supplier on every message, so a new map applies at once.
 */
public final class SparkplugSource implements IngestSource<MqttMessageWithAck> {
  /** The source's name in metrics, status and quarantine records. */
  public static final String NAME = "sparkplug";

  private static final Logger LOG = LoggerFactory.getLogger(SparkplugSource.class);

  private final MqttSettings settings;
  private final SourceHandle handle;
  private final SparkplugDecoder decoder;
  private final MqttPublisher rebirthPublisher;
  private final Clock clock;

  /**
   * @param settings {@code vitrum.mqtt} (url and sparkplug groups set)
   * @param tagMap the current tag map
   * @param status where the source reports its state (as {@value #NAME})
   * @param clock the time of rebirth requests
   * @param rebirthPublisher where rebirth requests go out, or {@code null} for none
   */
  public SparkplugSource(
      MqttSettings settings,
      Supplier<TagMap> tagMap,
      IngestStatus status,
      Clock clock,
      MqttPublisher rebirthPublisher) {
    if (settings.sparkplug().groups().isEmpty()) {
      throw new IllegalArgumentException("vitrum.mqtt.sparkplug.groups is empty");
    }
    this.settings = settings;
    this.handle = status.handle(NAME);
    this.clock = clock;
    this.rebirthPublisher = rebirthPublisher;
    this.decoder =
        new SparkplugDecoder(
            tagMap,
            settings.sparkplug().rebirthRequests() && rebirthPublisher != null,
            settings.sparkplug().rebirthMinInterval(),
            settings.sparkplug().maxPayloadBytes());
  }

  @Override
  public String name() {
    return NAME;
  }

  /** What the source has seen: births, deaths, unknown aliases, sequence gaps, nodes online. */
  public SparkplugCounters counters() {
    return decoder.counters();
  }

  @Override
  public Source<Inbound<MqttMessageWithAck>, NotUsed> inbound() {
    return MqttSubscription.source(
            settings, settings.clientId() + "-spb", settings.sparkplug().topics(), handle)
        .map(this::decode);
  }

  private Inbound<MqttMessageWithAck> decode(MqttMessageWithAck message) {
    String topic = message.message().topic();
    byte[] payload = message.message().payload().toArrayUnsafe();
    Instant now = clock.instant();
    SparkplugDecoder.Decoded decoded = decoder.decode(topic, payload, now);
    handle.received(decoded.readings().size());
    if (topic.contains("/NDEATH/") || topic.contains("/DDEATH/")) {
      LOG.info("Sparkplug {}", topic);
    }
    if (decoded.rebirth() != null) {
      requestRebirth(decoded.rebirth(), now);
    }
    return decoded.rejection() == null
        ? Inbound.of(NAME, payload, decoded.readings(), message)
        : Inbound.malformed(NAME, payload, decoded.rejection(), message);
  }

  private void requestRebirth(SparkplugTopic node, Instant now) {
    byte[] command =
        Payload.newBuilder()
            .setTimestamp(now.toEpochMilli())
            .addMetrics(
                Metric.newBuilder()
                    .setName("Node Control/Rebirth")
                    .setTimestamp(now.toEpochMilli())
                    .setDatatype(DataType.Boolean_VALUE)
                    .setBooleanValue(true))
            .build()
            .toByteArray();
    String topic = node.topicOf(SparkplugTopic.Type.NCMD);
    LOG.info("Sparkplug: asking {} for a rebirth", node.nodeKey());
    rebirthPublisher
        .publish(topic, command, 0)
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                LOG.warn("Sparkplug rebirth request to {} failed: {}", topic, error.toString());
              }
            });
  }

  @Override
  public Sink<MqttMessageWithAck, CompletionStage<Done>> acknowledgements() {
    return MqttSubscription.acknowledgements(settings);
  }
}
