package io.vitrum.streams.ingest.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shipped {@code vitrum.modbus} defaults and their checks. */
class ModbusSettingsTest {

  @Test
  void theShippedDefaults() {
    ModbusSettings s = ModbusSettings.create(ConfigFactory.load());
    assertEquals(5020, s.port());
    assertEquals(Duration.ofSeconds(1), s.pollInterval());
    assertEquals(125, s.maxRegistersPerRequest());
    assertEquals(8, s.maxGap());
    assertEquals(1, s.maxInFlight());
    assertEquals(Duration.ofSeconds(2), s.requestTimeout());
    assertEquals(1000, s.restart().minBackoff().toMillis());
    if (System.getenv("VITRUM_MODBUS_HOST") == null) {
      assertFalse(s.isConfigured());
    }
  }

  @Test
  void impossibleValuesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ModbusTestSettings.of(502, "max-registers-per-request = 126"));
    assertThrows(
        IllegalArgumentException.class, () -> ModbusTestSettings.of(502, "max-in-flight = 0"));
  }
}
