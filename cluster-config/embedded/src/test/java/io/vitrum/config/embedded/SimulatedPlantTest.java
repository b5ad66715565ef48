package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.vitrum.config.VitrumConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plant's launch, without launching it (its main is developed elsewhere). */
class SimulatedPlantTest {

  private static SimulatedPlantSettings settings(String overrides) {
    return SimulatedPlantSettings.create(
        ConfigFactory.parseString(overrides).withFallback(VitrumConfig.load("local")).resolve());
  }

  @Test
  void itsArgumentsFollowTheIngestContract() {
    List<String> args =
        SimulatedPlant.arguments(
            settings("vitrum.modbus.host = plc"), "127.0.0.1:9092", "tcp://127.0.0.1:1883");
    assertEquals(
        List.of(
            "--furnaces", "3",
            "--seed", "42",
            "--opcua-port", "4840",
            "--modbus-port", "0",
            "--control-port", "8090",
            "--mqtt-url", "tcp://127.0.0.1:1883",
            "--kafka", "127.0.0.1:9092",
            "--items-per-minute", "330.0",
            "--speed", "1.0"),
        args);
  }

  @Test
  void aMissingClasspathFileSaysHowToBuildIt() {
    SimulatedPlantSettings missing =
        settings(
            "vitrum.embedded.plant.classpath-file = \""
                + Path.of("target", "no-such-plant.classpath").toAbsolutePath()
                + "\"\nvitrum.embedded.plant.data-directory = target/plant-missing");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SimulatedPlant.start(missing, "", ""));
    assertTrue(e.getMessage().contains("no-such-plant.classpath"), e.getMessage());
    assertTrue(e.getMessage().contains("-pl http,load-tests -am"), e.getMessage());
  }

  @Test
  void argumentFileTokensSurviveSpacesQuotesAndEmptyValues() {
    assertEquals("\"\"", JavaCommand.quote(""));
    assertEquals("\"a b\\\\c\\\"d\"", JavaCommand.quote("a b\\c\"d"));
  }
}
