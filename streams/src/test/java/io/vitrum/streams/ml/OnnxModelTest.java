package io.vitrum.streams.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OnnxModelTest {
  /** The linear test models (models/testing/linear.py): y = x·w + b. */
  static final Path FIXTURES = Path.of("../models/testing/fixtures");

  private static final Path V1 = FIXTURES.resolve("linear/1");

  @Test
  void runsABatchThroughTheGraph() {
    try (OnnxModel model = OnnxModel.load(V1.resolve("model.onnx"), card(V1), 1)) {
      OnnxModel.Tensor y =
          model
              .run(
                  new OnnxModel.Tensor(
                      new float[] {1, 1, 1, 1, 0, 0, 0, 0, 1, 0, -1, 2}, new long[] {3, 4}))
              .get("y");
      assertArrayEquals(new long[] {3, 1}, y.shape());
      // w = (1, 2, 3, 4), b = 0.5
      assertArrayEquals(new float[] {10.5f, 0.5f, 6.5f}, y.values(), 1e-6f);
    }
  }

  @Test
  void aFileWhoseSha256IsNotItsCardsIsRefused() throws Exception {
    String json = Files.readString(V1.resolve("card.json"));
    String sha = card(V1).sha256();
    ModelCard tampered =
        ModelCard.parse(json.replace(sha, "0".repeat(64)).getBytes(StandardCharsets.UTF_8));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OnnxModel.load(V1.resolve("model.onnx"), tampered, 1));
    assertTrue(e.getMessage().contains("has sha256 " + sha), e.getMessage());
  }

  @Test
  void aCardWhoseShapesAreNotTheFilesIsRefusedSayingWhich() throws Exception {
    String json = Files.readString(V1.resolve("card.json"));
    ModelCard wrong =
        ModelCard.parse(
            json.replace(
                    "\"shape\": [\n        \"batch\",\n        4",
                    "\"shape\": [\n        \"batch\",\n        5")
                .replace("\"name\": \"y\"", "\"name\": \"out\"")
                .getBytes(StandardCharsets.UTF_8));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OnnxModel.load(V1.resolve("model.onnx"), wrong, 1));
    assertTrue(e.getMessage().contains("card shape [-1, 5], file [-1, 4]"), e.getMessage());
    assertTrue(e.getMessage().contains("no output named out"), e.getMessage());
  }

  @Test
  void theSignatureAFileHasIsTheOneItsCardDeclares() {
    ModelSignature found = ModelSignature.found(V1.resolve("model.onnx"));
    assertEquals(ModelSignature.declared(card(V1)), found);
    assertEquals("x[-1, 4]", found.inputs().get(0));
  }

  static ModelCard card(Path dir) {
    return ModelCard.read(dir.resolve("card.json"));
  }
}
