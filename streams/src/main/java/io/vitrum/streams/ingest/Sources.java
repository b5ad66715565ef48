package io.vitrum.streams.ingest;

import com.typesafe.config.Config;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.ReadingsInSettings;
import io.vitrum.streams.ingest.kafka.ReadingsInSource;
import io.vitrum.streams.ingest.mqtt.MqttJsonSource;
import io.vitrum.streams.ingest.mqtt.MqttSetpointWriter;
import io.vitrum.streams.ingest.mqtt.MqttSettings;
import io.vitrum.streams.ingest.mqtt.SparkplugSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The protocol sources and setpoint writers a node's configuration asks for: Kafka {@code
 * vitrum.readings.in} whenever Kafka is configured; MQTT JSON (and Sparkplug B when groups are
 * named) when {@code vitrum.mqtt.url} is set; OPC UA when {@code vitrum.opcua.endpoint} is set;
 * Modbus TCP when {@code vitrum.modbus.host} is set.
 */
public final class Sources {
  private final ActorSystem<?> system;
  private final Config config;
  private final MqttSettings mqtt;

  private Sources(ActorSystem<?> system, Config config) {
    this.system = system;
    this.config = config;
    this.mqtt = MqttSettings.create(config);
  }

  public static Sources fromConfig(ActorSystem<?> system, Config config) {
    return new Sources(system, config);
  }

  /** One factory per configured protocol, reporting to {@code status}. */
  public List<SourceFactory> factories(IngestStatus status, Supplier<TagMap> tagMap) {
    List<SourceFactory> factories = new ArrayList<>();
    if (KafkaSettings.create(config).configured()) {
      ReadingsInSettings settings = ReadingsInSettings.create(config);
      factories.add(fixed("kafka", map -> new ReadingsInSource(system, settings, status)));
    }
    if (!mqtt.url().isEmpty()) {
      factories.add(fixed("mqtt", map -> new MqttJsonSource(mqtt, status)));
      if (!mqtt.sparkplug().groups().isEmpty()) {
        factories.add(
            fixed(
                "sparkplug",
                map -> new SparkplugSource(mqtt, tagMap, status, Clock.systemUTC(), null)));
      }
    }
    return List.copyOf(factories);
  }

  /** One setpoint writer per configured protocol. */
  public Map<SourceKind, SetpointWriter> writers() {
    Map<SourceKind, SetpointWriter> writers = new EnumMap<>(SourceKind.class);
    if (!mqtt.url().isEmpty()) {
      writers.put(SourceKind.MQTT, new MqttSetpointWriter(mqtt, Clock.systemUTC()));
    }
    return Map.copyOf(writers);
  }

  /** A source made once, whatever the tag map (it reads the map as it goes). */
  private static SourceFactory fixed(String name, Function<TagMap, IngestSource<?>> make) {
    return new SourceFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean followsTagMap() {
        return false;
      }

      @Override
      public Optional<IngestSource<?>> create(TagMap map) {
        return Optional.of(make.apply(map));
      }
    };
  }
}
