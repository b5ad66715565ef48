package io.vitrum.actors.policy;

import io.vitrum.core.rl.EvaluationReport;
import io.vitrum.core.rl.TrainingProgress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The long work of a policy, run off the entity: training on the twin and held-out evaluation.
 * Implemented where the ONNX runtime is (the streams module) and handed to {@link Policy#init}.
 */
public interface PolicyJobs {

  /**
   * Trains {@code furnaceId}'s policy to {@code iterations} iterations in all (resuming the run a
   * stop left), reporting each iteration to {@code progress} and checking {@code stop} between
   * iterations; completes with the published version, evaluated, numbered above {@code highest}, or
   * empty when stopped first.
   */
  CompletionStage<Optional<PolicyVersion>> train(
      String furnaceId,
      int iterations,
      int highest,
      Consumer<TrainingProgress> progress,
      BooleanSupplier stop);

  /** Evaluates {@code version} on the held-out twin scenarios. */
  CompletionStage<EvaluationReport> evaluate(PolicyVersion version);

  /** No training or evaluation on this node: every job fails at once. */
  PolicyJobs NONE =
      new PolicyJobs() {
        @Override
        public CompletionStage<Optional<PolicyVersion>> train(
            String furnaceId,
            int iterations,
            int highest,
            Consumer<TrainingProgress> progress,
            BooleanSupplier stop) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("this node does not train policies"));
        }

        @Override
        public CompletionStage<EvaluationReport> evaluate(PolicyVersion version) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("this node does not evaluate policies"));
        }
      };
}
