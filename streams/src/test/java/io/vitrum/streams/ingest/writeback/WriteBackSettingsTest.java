package io.vitrum.streams.ingest.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.projection.ProjectionSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WriteBackSettingsTest {

  @Test
  void readsTheShippedDefaults() {
    WriteBackSettings settings = WriteBackSettings.create(ConfigFactory.load());
    assertEquals(
        new WriteBackSettings(
            5, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(5)),
        settings);
    ProjectionSettings projection =
        ProjectionSettings.create(ConfigFactory.load(), SetpointWriteBack.NAME);
    assertEquals(Duration.ofSeconds(5), projection.handlerTimeout(), "the projection defaults");
  }

  @Test
  void theBackoffDoublesUpToItsMaximum() {
    WriteBackSettings settings =
        new WriteBackSettings(
            10, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(5));
    assertEquals(Duration.ofMillis(500), settings.backoffBefore(2));
    assertEquals(Duration.ofSeconds(1), settings.backoffBefore(3));
    assertEquals(Duration.ofSeconds(2), settings.backoffBefore(4));
    assertEquals(Duration.ofSeconds(8), settings.backoffBefore(6));
    assertEquals(Duration.ofSeconds(10), settings.backoffBefore(7));
    assertEquals(Duration.ofSeconds(10), settings.backoffBefore(1000));
  }

  @Test
  void refusesAPolicyThatCannotWork() {
    assertThrows(
        ConfigException.class,
        () ->
            WriteBackSettings.create(
                ConfigFactory.parseString("vitrum.write-back.attempts = 0")
                    .withFallback(ConfigFactory.load())));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new WriteBackSettings(
                3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WriteBackSettings(3, Duration.ZERO, Duration.ZERO, Duration.ZERO));
  }
}
