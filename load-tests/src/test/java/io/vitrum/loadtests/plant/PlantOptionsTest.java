package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlantOptionsTest {

  @Test
  void defaultsAreTheDevRunsPorts() {
    PlantOptions o = PlantOptions.parse();

    assertEquals(3, o.furnaces());
    assertEquals(4840, o.opcuaPort());
    assertEquals(5020, o.modbusPort());
    assertEquals(8090, o.controlPort());
    assertEquals("tcp://127.0.0.1:1883", o.mqttUrl());
    assertEquals("127.0.0.1:9092", o.kafka());
    assertEquals(1.0, o.speed());
  }

  @Test
  void everyArgumentOfTheContractIsTaken() {
    PlantOptions o =
        PlantOptions.parse(
            "--furnaces",
            "6",
            "--seed",
            "42",
            "--opcua-port",
            "0",
            "--modbus-port",
            "15020",
            "--control-port",
            "0",
            "--mqtt-url",
            "",
            "--kafka",
            "",
            "--items-per-minute",
            "120",
            "--speed",
            "10");

    assertEquals(6, o.furnaces());
    assertEquals(42, o.seed());
    assertEquals(0, o.opcuaPort());
    assertEquals(15020, o.modbusPort());
    assertEquals(0, o.controlPort());
    assertFalse(o.mqttEnabled());
    assertFalse(o.kafkaEnabled());
    assertEquals(120, o.itemsPerMinute());
    assertEquals(10, o.speed());
  }

  @Test
  void badArgumentsAreNamed() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> PlantOptions.parse("--furnace", "2"))
            .getMessage()
            .contains("--furnace"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> PlantOptions.parse("--speed", "x"))
            .getMessage()
            .contains("--speed"));
    assertThrows(IllegalArgumentException.class, () -> PlantOptions.parse("--speed", "0"));
    assertThrows(IllegalArgumentException.class, () -> PlantOptions.parse("--furnaces"));
    assertThrows(IllegalArgumentException.class, () -> PlantOptions.parse("--opcua-port", "-1"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> PlantOptions.parse("--control-port", "70000"))
            .getMessage()
            .contains("--control-port"));
  }
}
