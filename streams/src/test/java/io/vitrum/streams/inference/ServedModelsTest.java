package io.vitrum.streams.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.ml.ModelRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServedModelsTest {
  private static final Path FIXTURES = Path.of("../models/testing/fixtures");

  private static ServedModels open() {
    return ServedModels.open(
        InferenceSettings.create(ConfigFactory.load()).withModelsDir(FIXTURES));
  }

  @Test
  void servesEachModelsProductionAliasAndSwitchesOnRequest() {
    try (ServedModels models = open()) {
      assertEquals(new ModelRef("linear", "1"), models.activeVersions().get("linear"));
      assertTrue(models.shadow("linear").isEmpty());

      models.shadow("linear", "2");
      assertEquals("2", models.shadow("linear").orElseThrow().card().version());

      models.activate(new ModelRef("linear", "2"));
      assertEquals("2", models.active("linear").orElseThrow().card().version());
      assertTrue(models.shadow("linear").isEmpty(), "the promoted shadow stops being one");
    }
  }

  @Test
  void aVersionWithoutFilesIsRefusedAndTheActiveOneStays() {
    try (ServedModels models = open()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> models.activate(new ModelRef("linear", "7")));
      assertTrue(e.getMessage().contains("no model.onnx and card.json"), e.getMessage());
      assertEquals("1", models.active("linear").orElseThrow().card().version());
    }
  }

  @Test
  void withoutAnIndexNothingIsServed() {
    ServedModels models =
        ServedModels.open(
            InferenceSettings.create(ConfigFactory.load()).withModelsDir(Path.of("no-such-dir")));
    assertTrue(models.activeVersions().isEmpty());
    assertTrue(models.vision().isEmpty());
  }
}
