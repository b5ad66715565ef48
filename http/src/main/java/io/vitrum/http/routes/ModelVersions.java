package io.vitrum.http.routes;

import io.vitrum.actors.model.ModelVersion;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.streams.inference.ServedModels;
import io.vitrum.streams.ml.ModelCard;
import io.vitrum.streams.ml.ModelSignature;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

/**
 * A version under the models directory as the Model entity registers it: as its card declares it
 * and as its ONNX file is (the entity compares the two).
 *
 * @param declared from the card
 * @param found from the file
 */
public record ModelVersions(ModelVersion declared, ModelVersion found) {
  /** The version has no {@code model.onnx} and {@code card.json}. */
  public static final class MissingFiles extends RuntimeException {
    MissingFiles(String message) {
      super(message);
    }
  }

  /**
   * Reads {@code ref}'s card and file.
   *
   * @throws MissingFiles when they are not there
   * @throws IllegalArgumentException when the card or the file cannot be read
   */
  public static ModelVersions of(ServedModels served, ModelRef ref, Clock clock) {
    if (!Files.isRegularFile(served.card(ref)) || !Files.isRegularFile(served.file(ref))) {
      throw new MissingFiles("no model.onnx and card.json under " + served.file(ref).getParent());
    }
    ModelCard card = ModelCard.read(served.card(ref));
    ModelSignature found = ModelSignature.found(served.file(ref));
    ModelSignature declared = ModelSignature.declared(card);
    Map<String, Double> heldOut = card.heldOutFigures();
    return new ModelVersions(
        new ModelVersion(
            ref.version(),
            declared.sha256(),
            declared.inputs(),
            declared.outputs(),
            heldOut,
            card.floorsMet(),
            clock.instant()),
        new ModelVersion(
            ref.version(),
            found.sha256(),
            found.inputs(),
            found.outputs(),
            heldOut,
            card.floorsMet(),
            clock.instant()));
  }
}
