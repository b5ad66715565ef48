package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.config.VitrumConfig;
import org.junit.jupiter.api.Test;

/** Which servers the local profile starts, and how external endpoints replace them. */
class EmbeddedSettingsTest {
  private static final Config LOCAL = VitrumConfig.load("local");

  private static Config local(String overrides) {
    return ConfigFactory.parseString(overrides).withFallback(LOCAL).resolve();
  }

  @Test
  void theLocalProfileStartsEveryServerOnItsUsualPort() {
    EmbeddedKafkaSettings kafka = EmbeddedKafkaSettings.create(LOCAL);
    EmbeddedMqttSettings mqtt = EmbeddedMqttSettings.create(LOCAL);
    SimulatedPlantSettings plant = SimulatedPlantSettings.create(LOCAL);

    assertTrue(kafka.enabled());
    assertEquals(9092, kafka.port());
    assertEquals("512m", kafka.heap());
    assertTrue(mqtt.enabled());
    assertEquals(1883, mqtt.port());
    assertTrue(mqtt.maxMessageSize() >= 1 << 20, "room for ~1 MB payloads");
    assertTrue(plant.enabled());
    assertEquals(3, plant.furnaces());
    assertEquals(42, plant.seed());
    assertEquals(4840, plant.opcuaPort());
    assertEquals(5020, plant.modbusPort());
    assertEquals(8090, plant.controlPort());
    assertEquals(
        0,
        SimulatedPlantSettings.create(local("vitrum.embedded.plant.control-port = 0"))
            .controlPort());
  }

  @Test
  void otherProfilesStartNothing() {
    Config cluster = VitrumConfig.load("cluster");
    assertFalse(EmbeddedKafkaSettings.create(cluster).enabled());
    assertFalse(EmbeddedMqttSettings.create(cluster).enabled());
    assertFalse(SimulatedPlantSettings.create(cluster).enabled());
  }

  @Test
  void anExternalKafkaOrBrokerReplacesTheEmbeddedOne() {
    Config config =
        local(
            "vitrum.kafka.bootstrap-servers = \"kafka-1:9092\"\n"
                + "vitrum.mqtt.url = \"tcp://broker:1883\"");
    assertFalse(EmbeddedKafkaSettings.create(config).enabled());
    assertFalse(EmbeddedMqttSettings.create(config).enabled());
    assertTrue(SimulatedPlantSettings.create(config).enabled());
  }

  @Test
  void anExternalOpcUaOrModbusServerTurnsThePlantsOff() {
    Config config =
        local("vitrum.opcua.endpoint = \"opc.tcp://plc:4840\"\n" + "vitrum.modbus.host = \"plc\"");
    SimulatedPlantSettings plant = SimulatedPlantSettings.create(config);
    assertEquals(0, plant.opcuaPort());
    assertEquals(0, plant.modbusPort());
    assertTrue(plant.enabled(), "the plant still simulates its MQTT furnaces and cameras");
  }

  @Test
  void theNodeIsPointedAtTheEmbeddedEndpoints() {
    Config config =
        VitrumConfig.withModbus(
            VitrumConfig.withOpcUaEndpoint(
                VitrumConfig.withMqttUrl(
                    VitrumConfig.withKafkaBootstrapServers(LOCAL, "127.0.0.1:1"),
                    "tcp://127.0.0.1:2"),
                "opc.tcp://127.0.0.1:3"),
            "127.0.0.1",
            4);
    assertEquals("127.0.0.1:1", config.getString("vitrum.kafka.bootstrap-servers"));
    assertEquals("tcp://127.0.0.1:2", config.getString("vitrum.mqtt.url"));
    assertEquals("opc.tcp://127.0.0.1:3", config.getString("vitrum.opcua.endpoint"));
    assertEquals("127.0.0.1", config.getString("vitrum.modbus.host"));
    assertEquals(4, config.getInt("vitrum.modbus.port"));
  }
}
