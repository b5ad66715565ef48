package io.vitrum.streams.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.live.LiveEvents;
import io.vitrum.actors.live.LivePublisher;
import io.vitrum.core.live.LiveTopic;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.japi.function.Creator;
import org.apache.pekko.kafka.ProducerMessage;
import org.apache.pekko.kafka.javadsl.Producer;
import org.apache.pekko.stream.javadsl.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where predictions go: the node's latest per furnace (the API), {@code vitrum.predictions} (JSON,
 * key the furnace), the WebSocket topics {@code predictions} and {@code furnace/<id>} (conflated),
 * and the alerts they raise or clear to {@code vitrum.alerts} and as alarms on the Furnace entity
 * ({@link AlertRules}).
 */
public final class PredictionPublisher {
  private static final Logger log = LoggerFactory.getLogger(PredictionPublisher.class);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectWriter JSON = MAPPER.writer();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String SEVERITY = "warning";

  private PredictionPublisher() {}

  public static Flow<Predicted, Prediction, NotUsed> flow(
      ActorSystem<?> system,
      KafkaSettings kafka,
      InferenceSettings settings,
      LatestPredictions latest,
      Duration askTimeout) {
    ClusterSharding sharding = ClusterSharding.get(system);
    LivePublisher live = LiveEvents.get(system).publisher();
    Creator<
            org.apache.pekko.japi.function.Function<
                Predicted, Iterable<ProducerMessage.Envelope<String, byte[], Prediction>>>>
        rules =
            () -> {
              AlertRules alerts = new AlertRules();
              return predicted -> {
                latest.put(predicted);
                Prediction p = predicted.prediction();
                live.publish(
                    "prediction",
                    p.furnace(),
                    p.furnace(),
                    false,
                    MAPPER.convertValue(p, MAP),
                    LiveTopic.global(LiveTopic.PREDICTIONS),
                    LiveTopic.furnace(p.furnace()));
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                records.add(
                    new ProducerRecord<>(settings.predictionsTopic(), p.furnace(), json(p)));
                for (Alert a : alerts.apply(p)) {
                  records.add(new ProducerRecord<>(settings.alertsTopic(), a.furnace(), json(a)));
                  alarm(sharding, a, askTimeout);
                }
                return List.of(ProducerMessage.multi(records, p));
              };
            };
    return Flow.<Predicted>create()
        .statefulMapConcat(rules)
        .via(Producer.flexiFlow(kafka.producer(system)))
        .map(ProducerMessage.Results::passThrough);
  }

  private static void alarm(ClusterSharding sharding, Alert a, Duration timeout) {
    Instant at = Instant.ofEpochMilli(a.at());
    sharding
        .entityRefFor(Furnace.ENTITY_KEY, a.furnace())
        .<Confirmation>ask(
            replyTo ->
                a.raised()
                    ? new Furnace.RaiseAlarm(
                        a.alarmId(), "models", SEVERITY, a.message(), at, replyTo)
                    : new Furnace.ClearAlarm(a.alarmId(), at, replyTo),
            timeout)
        .whenComplete(
            (reply, error) -> {
              if (error != null) {
                log.warn(
                    "Alarm {} of {} not recorded: {}", a.alarmId(), a.furnace(), error.toString());
              }
            });
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value, e);
    }
  }
}
