package io.vitrum.streams.ingest;

import com.typesafe.config.Config;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ingest.kafka.ReadingsInSettings;
import io.vitrum.streams.ingest.kafka.ReadingsInSource;
import io.vitrum.streams.ingest.modbus.ModbusSetpointWriter;
import io.vitrum.streams.ingest.modbus.ModbusSettings;
import io.vitrum.streams.ingest.modbus.ModbusSource;
import io.vitrum.streams.ingest.mqtt.MqttJsonSource;
import io.vitrum.streams.ingest.mqtt.MqttSetpointWriter;
import io.vitrum.streams.ingest.mqtt.MqttSettings;
import io.vitrum.streams.ingest.mqtt.SparkplugSource;
import io.vitrum.streams.ingest.opcua.OpcUaSetpointWriter;
import io.vitrum.streams.ingest.opcua.OpcUaSettings;
import io.vitrum.streams.ingest.opcua.OpcUaSource;
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
  private final OpcUaSettings opcua;
  private final ModbusSettings modbus;

  private Sources(ActorSystem<?> system, Config config) {
    this.system = system;
    this.config = config;
    this.mqtt = MqttSettings.create(config);
    this.opcua = OpcUaSettings.create(config);
    this.modbus = ModbusSettings.create(config);
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
    if (opcua.isConfigured()) {
      factories.add(
          following(
              "opcua",
              SourceKind.OPCUA,
              rows -> new OpcUaSource(opcua, rows, status.handle("opcua"))));
    }
    if (modbus.isConfigured()) {
      factories.add(
          following(
              "modbus",
              SourceKind.MODBUS,
              rows -> new ModbusSource(modbus, rows, status.handle("modbus"))));
    }
    return List.copyOf(factories);
  }

  /** One setpoint writer per configured protocol. */
  public Map<SourceKind, SetpointWriter> writers() {
    Map<SourceKind, SetpointWriter> writers = new EnumMap<>(SourceKind.class);
    if (!mqtt.url().isEmpty()) {
      writers.put(SourceKind.MQTT, new MqttSetpointWriter(mqtt, Clock.systemUTC()));
    }
    if (opcua.isConfigured()) {
      writers.put(SourceKind.OPCUA, new OpcUaSetpointWriter(opcua));
    }
    if (modbus.isConfigured()) {
      writers.put(SourceKind.MODBUS, new ModbusSetpointWriter(modbus));
    }
    return Map.copyOf(writers);
  }

  /** A source subscribed to the map's rows of {@code kind}, made again when the map changes. */
  private static SourceFactory following(
      String name, SourceKind kind, Function<List<TagMapRow>, IngestSource<?>> make) {
    return new SourceFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean followsTagMap() {
        return true;
      }

      @Override
      public List<TagMapRow> rows(TagMap map) {
        return map.sensors(kind);
      }

      @Override
      public Optional<IngestSource<?>> create(TagMap map) {
        List<TagMapRow> rows = map.sensors(kind);
        return rows.isEmpty() ? Optional.empty() : Optional.of(make.apply(rows));
      }
    };
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
