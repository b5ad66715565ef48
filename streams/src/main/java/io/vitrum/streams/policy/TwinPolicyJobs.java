package io.vitrum.streams.policy;

import io.vitrum.actors.policy.PolicyJobs;
import io.vitrum.actors.policy.PolicyVersion;
import io.vitrum.core.rl.EvaluationReport;
import io.vitrum.core.rl.FurnaceEnvironment;
import io.vitrum.core.rl.PolicyEvaluation;
import io.vitrum.core.rl.PpoSettings;
import io.vitrum.core.rl.TrainingProgress;
import io.vitrum.streams.ml.ModelCard;
import io.vitrum.streams.ml.OnnxModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Training and evaluation of furnace policies on the twin, on {@code executor} (never an actor's
 * thread). A furnace's trained versions go to {@code <directory>/<furnace>/policy/<n>/}, with its
 * training checkpoint beside them; evaluations run the version's ONNX graph through ONNX Runtime.
 */
public final class TwinPolicyJobs implements PolicyJobs {
  private final PolicyServingSettings settings;
  private final Executor executor;
  private final Clock clock;

  public TwinPolicyJobs(PolicyServingSettings settings, Executor executor, Clock clock) {
    this.settings = settings;
    this.executor = executor;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Optional<PolicyVersion>> train(
      String furnaceId,
      int iterations,
      int highest,
      Consumer<TrainingProgress> progress,
      BooleanSupplier stop) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path dir = settings.directory().resolve(furnaceId).toAbsolutePath();
          PolicyTraining.Outcome outcome =
              PolicyTraining.run(
                  dir,
                  dir.resolve("checkpoint.json"),
                  new PolicyTraining.Plan(
                      iterations, settings.pool(), settings.heldOut(), PpoSettings.DEFAULTS),
                  highest,
                  false,
                  stop,
                  progress);
          return outcome
              .version()
              .map(
                  ref ->
                      new PolicyVersion(
                          ref.name() + "/" + ref.version(),
                          dir.resolve(ref.name()).resolve(ref.version()).toString(),
                          outcome.evaluation(),
                          clock.instant()));
        },
        executor);
  }

  @Override
  public CompletionStage<EvaluationReport> evaluate(PolicyVersion version) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path dir = Path.of(version.dir());
          try (OnnxModel model =
              OnnxModel.load(
                  dir.resolve("model.onnx"), ModelCard.read(dir.resolve("card.json")), 1)) {
            return new PolicyEvaluation(FurnaceEnvironment.containerDefaults(), settings.heldOut())
                .evaluate(new OnnxPolicy(model));
          }
        },
        executor);
  }
}
