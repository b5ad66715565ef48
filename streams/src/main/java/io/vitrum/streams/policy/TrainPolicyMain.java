package io.vitrum.streams.policy;

import io.vitrum.core.rl.EvaluationReport;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains the furnace policy from the command line and publishes it as the next {@code policy}
 * version of a models directory, moving {@code policy@prod} to it when it meets its floors: {@code
 * TrainPolicyMain <models-dir> [iterations]}. Prints one progress line per iteration and the
 * held-out evaluation.
 */
public final class TrainPolicyMain {
  private TrainPolicyMain() {}

  public static void main(String[] args) {
    Path models = Path.of(args.length > 0 ? args[0] : "models");
    PolicyTraining.Plan defaults = PolicyTraining.Plan.DEFAULTS;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : defaults.iterations();
    PolicyTraining.Plan plan =
        new PolicyTraining.Plan(
            iterations, defaults.pool(), defaults.heldOut(), defaults.settings());
    long started = System.nanoTime();
    PolicyTraining.Outcome outcome =
        PolicyTraining.run(
            models,
            models.resolve(".policy-checkpoint.json"),
            plan,
            0,
            true,
            () -> false,
            p ->
                System.out.printf(
                    Locale.ROOT,
                    "iteration %d episodes %d reward %.4f energy %.4f GJ/t defects %.2f/1000"
                        + " interventions/episode %.1f violations %d std %.3f t=%.1fs%n",
                    p.iteration(),
                    p.episodes(),
                    p.meanReward(),
                    p.energyPerTonneGj(),
                    p.totalDefectsPerThousand(),
                    p.interventionsPerEpisode(),
                    p.violations(),
                    p.actionStd(),
                    (System.nanoTime() - started) / 1e9));
    if (outcome.version().isEmpty()) {
      System.out.println("stopped before the last iteration: checkpoint kept, nothing published");
      return;
    }
    EvaluationReport r = outcome.evaluation();
    System.out.printf(
        Locale.ROOT,
        "%s: energy saving %.2f %%, gas saving %.2f %%, defect ratio %.3f, interventions %d,"
            + " violations %d, goal met %s, %.1f s in all%n",
        outcome.version().orElseThrow(),
        r.energySavingPct(),
        r.gasSavingPct(),
        r.defectRatio(),
        r.policy().shieldInterventions(),
        r.policy().boundViolations(),
        r.goalMet(),
        (System.nanoTime() - started) / 1e9);
  }
}
