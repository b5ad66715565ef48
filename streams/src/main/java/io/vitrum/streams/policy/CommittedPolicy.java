package io.vitrum.streams.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vitrum.actors.policy.PolicyVersion;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.rl.EvaluationReport;
import io.vitrum.streams.ml.ModelCard;
import io.vitrum.streams.ml.ModelIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The policy version the models index serves in production ({@code policy@prod}), with the held-out
 * evaluation its card records: what a fresh node offers every furnace before it has trained one of
 * its own.
 */
public final class CommittedPolicy {
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private CommittedPolicy() {}

  /**
   * The production version under {@code modelsDir}, if the index names one with its files; dated by
   * its card's file.
   */
  public static Optional<PolicyVersion> production(Path modelsDir) {
    if (!Files.isRegularFile(modelsDir.resolve("index.json"))) {
      return Optional.empty();
    }
    ModelRef ref = ModelIndex.read(modelsDir).aliases().get(PolicyTraining.MODEL + "@prod");
    if (ref == null) {
      return Optional.empty();
    }
    Path dir = modelsDir.resolve(ref.name()).resolve(ref.version()).toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("card.json"))
        || !Files.isRegularFile(dir.resolve("model.onnx"))) {
      return Optional.empty();
    }
    JsonNode evaluation = ModelCard.read(dir.resolve("card.json")).raw().get("evaluation");
    try {
      EvaluationReport report =
          evaluation == null || evaluation.isNull()
              ? null
              : JSON.treeToValue(evaluation, EvaluationReport.class);
      Instant at = Files.getLastModifiedTime(dir.resolve("card.json")).toInstant();
      return Optional.of(
          new PolicyVersion(ref.name() + "/" + ref.version(), dir.toString(), report, at));
    } catch (IOException e) {
      throw new IllegalArgumentException("the card of " + ref + " has no readable evaluation", e);
    }
  }
}
