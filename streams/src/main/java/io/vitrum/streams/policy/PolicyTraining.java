package io.vitrum.streams.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.rl.EvaluationReport;
import io.vitrum.core.rl.FurnaceEnvironment;
import io.vitrum.core.rl.PolicyCheckpoint;
import io.vitrum.core.rl.PolicyEvaluation;
import io.vitrum.core.rl.PpoSettings;
import io.vitrum.core.rl.PpoTrainer;
import io.vitrum.core.rl.TrainingProgress;
import io.vitrum.streams.ml.ModelCard;
import io.vitrum.streams.ml.OnnxModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One training run of the furnace policy, start to published version: PPO on the twin for a number
 * of iterations (stoppable between iterations; a stopped run leaves a checkpoint that the next run
 * resumes from), export of the actor to ONNX, evaluation of the exported graph through ONNX Runtime
 * on held-out scenarios, and the version's files ({@code policy/<n>/model.onnx}, {@code card.json})
 * added to the models index. Blocking: run it off any actor's thread.
 */
public final class PolicyTraining {
  /** The policy's model name. */
  public static final String MODEL = "policy";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  /**
   * What to train.
   *
   * @param iterations PPO iterations to run (in all, counting those of a resumed checkpoint)
   * @param pool training scenarios
   * @param heldOut held-out scenarios for the evaluation
   * @param settings PPO settings
   */
  public record Plan(int iterations, int pool, int heldOut, PpoSettings settings) {
    /** The plan the committed policy was trained with. */
    public static final Plan DEFAULTS = new Plan(120, 32, 12, PpoSettings.DEFAULTS);
  }

  /**
   * A finished run: the version written (empty when the run was stopped before its last iteration),
   * its evaluation, the progress curve of this run.
   */
  public record Outcome(
      Optional<ModelRef> version, EvaluationReport evaluation, List<TrainingProgress> curve) {}

  private PolicyTraining() {}

  /**
   * Trains by {@code plan} and publishes the result as the next version under {@code modelsDir},
   * numbered above {@code highest} and above every version already there (moving {@code
   * policy@prod} to it when {@code promote}), unless {@code stop} says stop first: then the run's
   * state is kept in {@code checkpoint} and nothing is published.
   */
  public static Outcome run(
      Path modelsDir,
      Path checkpoint,
      Plan plan,
      int highest,
      boolean promote,
      BooleanSupplier stop,
      Consumer<TrainingProgress> progress) {
    FurnaceEnvironment env = FurnaceEnvironment.containerDefaults();
    Optional<PolicyCheckpoint> saved = PolicyCheckpoints.read(checkpoint);
    PpoTrainer trainer =
        saved
            .map(c -> PpoTrainer.resume(env, plan.settings(), plan.pool(), c))
            .orElseGet(() -> PpoTrainer.start(env, plan.settings(), plan.pool()));
    List<TrainingProgress> curve = new ArrayList<>();
    trainer.train(
        plan.iterations() - trainer.iteration(),
        stop,
        p -> {
          curve.add(p);
          progress.accept(p);
        });
    if (trainer.iteration() < plan.iterations()) {
      PolicyCheckpoints.write(checkpoint, trainer.checkpoint());
      return new Outcome(Optional.empty(), null, curve);
    }
    PolicyEvaluation evaluation = new PolicyEvaluation(env, plan.heldOut());
    try {
      ModelRef ref = nextVersion(modelsDir, highest);
      Path dir = modelsDir.resolve(ref.name()).resolve(ref.version());
      Files.createDirectories(dir);
      Path onnx = dir.resolve("model.onnx");
      Files.write(onnx, PolicyExport.onnx(trainer.net()));
      String sha = OnnxModel.sha256(onnx);
      ObjectNode card = PolicyCardJson.card(ref, sha, plan, curve, null);
      EvaluationReport report;
      try (OnnxModel model =
          OnnxModel.load(onnx, ModelCard.parse(JSON.writeValueAsBytes(card)), 1)) {
        report = evaluation.evaluate(new OnnxPolicy(model));
      }
      card = PolicyCardJson.card(ref, sha, plan, curve, report);
      Files.write(dir.resolve("card.json"), JSON.writeValueAsBytes(card));
      addToIndex(modelsDir, ref, sha, promote);
      Files.deleteIfExists(checkpoint);
      return new Outcome(Optional.of(ref), report, curve);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The version after {@code known} and after the highest {@code policy/<n>} in {@code modelsDir}.
   */
  static ModelRef nextVersion(Path modelsDir, int known) throws IOException {
    Path dir = modelsDir.resolve(MODEL);
    int highest = known;
    if (Files.isDirectory(dir)) {
      try (var entries = Files.list(dir)) {
        for (Path p : entries.toList()) {
          String name = p.getFileName().toString();
          if (name.matches("\\d+") && Files.isRegularFile(p.resolve("card.json"))) {
            highest = Math.max(highest, Integer.parseInt(name));
          }
        }
      }
    }
    return new ModelRef(MODEL, Integer.toString(highest + 1));
  }

  private static void addToIndex(Path modelsDir, ModelRef ref, String sha, boolean promote)
      throws IOException {
    Path file = modelsDir.resolve("index.json");
    JsonNode index =
        Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
    TreeMap<String, Object> aliases = new TreeMap<>();
    index.path("aliases").fields().forEachRemaining(e -> aliases.put(e.getKey(), e.getValue()));
    TreeMap<String, Object> versions = new TreeMap<>();
    index.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue()));
    String key = ref.name() + "/" + ref.version();
    ObjectNode entry = JSON.createObjectNode();
    entry.put("file", key + "/model.onnx");
    entry.put("card", key + "/card.json");
    entry.put("sha256", sha);
    versions.put(key, entry);
    if (promote) {
      aliases.put(ref.name() + "@prod", key);
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("aliases", JSON.valueToTree(aliases));
    out.set("versions", JSON.valueToTree(versions));
    Path tmp = file.resolveSibling("index.json.tmp");
    Files.write(tmp, (JSON.writeValueAsString(out) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
