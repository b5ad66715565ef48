package io.vitrum.streams.ingest.kafka;

import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestSource;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceHandle;
import io.vitrum.streams.ingest.json.ReadingsJson;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.RestrictedConsumer;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.PartitionAssignmentHandler;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartFlow;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Integrators' JSON readings from Kafka {@code vitrum.readings.in} (the same JSON as MQTT, decoded
 * by {@link ReadingsJson}; keys are ignored), consumed by its own group with a committable source
 * in a restart with backoff. The acknowledgement token is the record's offset; {@link
 * #acknowledgements()} commits the offsets that reach it, in batches. An offset that never reaches
 * it is never committed: after a restart the group reads those records again.
 *
 * <p>State: connected once partitions are assigned; lag (records behind the end of the assigned
 * partitions) from the consumer's {@code records-lag} metrics every {@code lag-interval}.
 */
public final class ReadingsInSource implements IngestSource<ConsumerMessage.CommittableOffset> {
  /** The source's name in metrics, status and quarantine records. */
  public static final String NAME = "kafka";

  private static final Logger LOG = LoggerFactory.getLogger(ReadingsInSource.class);

  private final ActorSystem<?> system;
  private final ReadingsInSettings settings;
  private final SourceHandle handle;
  private final ReadingsJson json;
  private final AtomicReference<Consumer.Control> control = new AtomicReference<>();

  /**
   * @param system the node's actor system (consumer and committer defaults from {@code
   *     pekko.kafka})
   * @param settings the consumer's settings (bootstrap servers set)
   * @param status where the source reports its state (as {@value #NAME})
   */
  public ReadingsInSource(ActorSystem<?> system, ReadingsInSettings settings, IngestStatus status) {
    if (!settings.enabled()) {
      throw new IllegalStateException(
          "vitrum.kafka.bootstrap-servers is empty: Kafka is not configured");
    }
    this.system = system;
    this.settings = settings;
    this.handle = status.handle(NAME);
    this.json = new ReadingsJson(settings.maxPayloadBytes(), settings.maxReadings());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Source<Inbound<ConsumerMessage.CommittableOffset>, NotUsed> inbound() {
    String endpoint = settings.bootstrapServers() + " " + settings.topic();
    ConsumerSettings<byte[], byte[]> consumer =
        ConsumerSettings.create(system, new ByteArrayDeserializer(), new ByteArrayDeserializer())
            .withBootstrapServers(settings.bootstrapServers())
            .withGroupId(settings.groupId())
            .withProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset())
            .withStopTimeout(settings.stopTimeout())
            .withProperties(settings.security().clientProperties());
    RestartSettings restart =
        RestartSettings.create(
            settings.minBackoff(), settings.maxBackoff(), settings.randomFactor());
    return RestartSource.withBackoff(
            restart,
            () -> {
              handle.connecting(endpoint);
              return Consumer.committableSource(
                      consumer,
                      Subscriptions.topics(settings.topic())
                          .withPartitionAssignmentHandler(new Assignments(endpoint)))
                  .mapMaterializedValue(
                      c -> {
                        control.set(c);
                        return NotUsed.notUsed();
                      })
                  .watchTermination(
                      (notUsed, terminated) -> {
                        terminated.whenComplete(
                            (done, error) -> {
                              if (error != null) {
                                LOG.warn(
                                    "Kafka {} consumer failed: {}", endpoint, error.toString());
                                handle.failed(error);
                              }
                            });
                        return notUsed;
                      })
                  .map(this::decode);
            })
        .watchTermination(
            (notUsed, terminated) -> {
              Cancellable lag =
                  system
                      .scheduler()
                      .scheduleWithFixedDelay(
                          settings.lagInterval(),
                          settings.lagInterval(),
                          this::reportLag,
                          system.executionContext());
              terminated.whenComplete((done, error) -> lag.cancel());
              return notUsed;
            });
  }

  private Inbound<ConsumerMessage.CommittableOffset> decode(
      ConsumerMessage.CommittableMessage<byte[], byte[]> message) {
    ConsumerRecord<byte[], byte[]> record = message.record();
    byte[] payload = record.value() == null ? new byte[0] : record.value();
    ReadingsJson.Decoded decoded = json.decode(payload);
    handle.received(decoded.readings().size());
    return decoded.toInbound(NAME, payload, message.committableOffset());
  }

  /**
   * Commits the offsets that reach it, batched ({@code commit-max-batch}, {@code
   * commit-max-interval}). A failed commit (say, of an offset from a consumer that has since
   * restarted) restarts the committer instead of failing the sink; those records come again.
   */
  @Override
  public Sink<ConsumerMessage.CommittableOffset, CompletionStage<Done>> acknowledgements() {
    CommitterSettings committer =
        CommitterSettings.create(system)
            .withMaxBatch(settings.commitMaxBatch())
            .withMaxInterval(settings.commitMaxInterval())
            .withParallelism(settings.commitParallelism());
    RestartSettings restart =
        RestartSettings.create(
            settings.minBackoff(), settings.maxBackoff(), settings.randomFactor());
    return RestartFlow.<ConsumerMessage.CommittableOffset, Done>onFailuresWithBackoff(
            restart, () -> Committer.<ConsumerMessage.CommittableOffset>flow(committer))
        .toMat(Sink.ignore(), Keep.right());
  }

  private void reportLag() {
    Consumer.Control current = control.get();
    if (current == null) {
      return;
    }
    current
        .getMetrics()
        .thenAccept(
            metrics -> {
              double sum = 0;
              boolean any = false;
              for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
                MetricName name = e.getKey();
                if (name.name().equals("records-lag")
                    && name.group().equals("consumer-fetch-manager-metrics")
                    && name.tags().containsKey("partition")
                    && e.getValue().metricValue() instanceof Double v
                    && Double.isFinite(v)) {
                  sum += v;
                  any = true;
                }
              }
              if (any) {
                handle.lag((long) sum);
              }
            });
  }

  /** Reports connected when the group assigns partitions. */
  private final class Assignments implements PartitionAssignmentHandler {
    private final String endpoint;

    Assignments(String endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public void onAssign(Set<TopicPartition> assigned, RestrictedConsumer consumer) {
      handle.connected(endpoint + " (" + assigned.size() + " partitions assigned)");
    }

    @Override
    public void onRevoke(Set<TopicPartition> revoked, RestrictedConsumer consumer) {}

    @Override
    public void onLost(Set<TopicPartition> lost, RestrictedConsumer consumer) {
      handle.connecting(endpoint);
    }

    @Override
    public void onStop(Set<TopicPartition> stopped, RestrictedConsumer consumer) {}
  }
}
