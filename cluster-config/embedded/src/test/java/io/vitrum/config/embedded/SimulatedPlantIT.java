package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.config.VitrumConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The plant's launch with {@link StandInPlant} for its main class: classpath file, arguments,
 * readiness, reuse, replacement when its settings change, and the endpoints the node is pointed at.
 */
class SimulatedPlantIT {

  @Test
  void launchesReusesAndReplacesThePlantAndPointsTheNodeAtIt() throws Exception {
    Path dir = TestChildren.freshDirectory("it-plant");
    Path classpathFile = dir.resolve("plant.classpath");
    Files.writeString(classpathFile, Path.of("target", "test-classes").toAbsolutePath() + "\n");
    int opcua = FreePort.pick();
    int modbus = FreePort.pick();
    int control = FreePort.pick();
    Config config =
        ConfigFactory.parseString(
                String.join(
                    "\n",
                    "vitrum.embedded.plant {",
                    "  classpath-file = \"" + classpathFile + "\"",
                    "  main-class = " + StandInPlant.class.getName(),
                    "  data-directory = \"" + dir + "/plant\"",
                    "  opcua-port = " + opcua,
                    "  modbus-port = " + modbus,
                    "  control-port = " + control,
                    "  heap = 64m",
                    "}"))
            .withFallback(VitrumConfig.load("local"))
            .resolve();
    SimulatedPlantSettings settings = SimulatedPlantSettings.create(config);

    try (SimulatedPlant first =
        SimulatedPlant.start(settings, "127.0.0.1:1", "tcp://127.0.0.1:2")) {
      assertTrue(first.owned());
      assertEquals("opc.tcp://127.0.0.1:" + opcua, first.opcuaEndpoint());
      assertEquals("http://127.0.0.1:" + control + "/faults", first.faultsUrl());
      assertTrue(first.describe().contains(first.faultsUrl()), first.describe());
      String log = Files.readString(first.log());
      assertTrue(log.contains("--kafka 127.0.0.1:1"), log);
      assertTrue(log.contains("--mqtt-url tcp://127.0.0.1:2"), log);
      assertTrue(log.contains("--control-port " + control), log);

      Config node =
          new EmbeddedServers(
                  Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(first))
              .configure(config);
      assertEquals(first.opcuaEndpoint(), node.getString("vitrum.opcua.endpoint"));
      assertEquals("127.0.0.1", node.getString("vitrum.modbus.host"));
      assertEquals(modbus, node.getInt("vitrum.modbus.port"));

      try (SimulatedPlant same =
          SimulatedPlant.start(settings, "127.0.0.1:1", "tcp://127.0.0.1:2")) {
        assertFalse(same.owned(), "the same arguments reuse the running plant");
        assertEquals(first.pid(), same.pid());
      }

      try (SimulatedPlant other =
          SimulatedPlant.start(settings, "127.0.0.1:3", "tcp://127.0.0.1:2")) {
        assertTrue(other.owned(), "another Kafka address replaces it");
        assertNotEquals(first.pid(), other.pid());
        assertTrue(TestChildren.exits(first.pid(), Duration.ofSeconds(30)));
        other.close();
        assertTrue(TestChildren.exits(other.pid(), Duration.ofSeconds(30)), "close stops it");
      }
    }
  }
}
