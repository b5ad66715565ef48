package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PpoTrainerTest {
  /** Eight 15-minute intervals per episode: two hours of simulated line. */
  private static final FurnaceEnvironment ENV =
      new FurnaceEnvironment(
          new FurnaceProcess(FurnaceParameters.container300Tpd()),
          DefectModel.containerDefaults(),
          SafetyShield.containerDefaults(),
          RewardWeights.DEFAULTS,
          8);

  /**
   * Four episodes (32 samples) per iteration in minibatches of 16 for two epochs: four Adam steps
   * per iteration. The learning rates are large enough that every iteration visibly moves the
   * parameters.
   */
  private static final PpoSettings SETTINGS =
      new PpoSettings(3e-3, 3e-3, 0.97, 0.95, 0.2, 2, 16, 0.01, 4, 16, Math.log(0.5), 7);

  private static final int POOL = 3;

  private static final List<TrainingProgress> REPORTS = new ArrayList<>();

  private static PolicyCheckpoint uninterrupted;
  private static List<TrainingProgress> uninterruptedReports;

  @BeforeAll
  static void trainFourIterationsWithoutAStop() {
    PpoTrainer trainer = PpoTrainer.start(ENV, SETTINGS, POOL);
    uninterruptedReports = new ArrayList<>();
    trainer.train(4, () -> false, uninterruptedReports::add);
    REPORTS.addAll(uninterruptedReports);
    uninterrupted = trainer.checkpoint();
  }

  @Test
  void aStoppedAndResumedRunEndsExactlyWhereAnUninterruptedOneDoes() {
    PpoTrainer first = PpoTrainer.start(ENV, SETTINGS, POOL);
    List<TrainingProgress> reports = new ArrayList<>();
    first.train(2, () -> false, reports::add);
    PolicyCheckpoint halfway = first.checkpoint();
    assertEquals(2, halfway.iteration());
    assertEquals(2 * SETTINGS.episodesPerIteration(), halfway.episodes());
    // Two iterations of four Adam steps each.
    assertEquals(8, halfway.policyOptimiser().t());
    assertEquals(8, halfway.valueOptimiser().t());

    PpoTrainer resumed = PpoTrainer.resume(ENV, SETTINGS, POOL, halfway);
    assertEquals(2, resumed.iteration());
    assertArrayEquals(halfway.policy(), resumed.net().policyParameters(), 0);
    resumed.train(2, () -> false, reports::add);
    REPORTS.addAll(reports);
    PolicyCheckpoint end = resumed.checkpoint();

    assertEquals(4, end.iteration());
    assertEquals(uninterrupted.episodes(), end.episodes());
    assertArrayEquals(uninterrupted.policy(), end.policy(), 0, "policy parameters");
    assertArrayEquals(uninterrupted.value(), end.value(), 0, "critic parameters");
    assertArrayEquals(uninterrupted.policyOptimiser().m(), end.policyOptimiser().m(), 0);
    assertArrayEquals(uninterrupted.policyOptimiser().v(), end.policyOptimiser().v(), 0);
    assertArrayEquals(uninterrupted.valueOptimiser().m(), end.valueOptimiser().m(), 0);
    assertArrayEquals(uninterrupted.valueOptimiser().v(), end.valueOptimiser().v(), 0);
    assertEquals(16, end.policyOptimiser().t());
    assertEquals(uninterruptedReports, reports, "the same four progress reports");

    // The comparison is not trivially true: iterations 3 and 4 did move the parameters.
    assertFalse(Arrays.equals(halfway.policy(), end.policy()));
    assertFalse(Arrays.equals(halfway.value(), end.value()));
  }

  @Test
  void theCheckpointIsACopyThatFurtherTrainingDoesNotChange() {
    PpoTrainer trainer = PpoTrainer.start(ENV, SETTINGS, POOL);
    trainer.train(1, () -> false, REPORTS::add);
    PolicyCheckpoint after1 = trainer.checkpoint();
    double[] policy = after1.policy().clone();
    double[] m = after1.policyOptimiser().m().clone();
    trainer.train(1, () -> false, REPORTS::add);
    assertArrayEquals(policy, after1.policy(), 0);
    assertArrayEquals(m, after1.policyOptimiser().m(), 0);
    assertFalse(Arrays.equals(policy, trainer.net().policyParameters()));
  }

  @Test
  void aStopRequestedAfterTheFirstReportEndsTrainingAfterOneIteration() {
    PpoTrainer trainer = PpoTrainer.start(ENV, SETTINGS, POOL);
    AtomicInteger reports = new AtomicInteger();
    AtomicInteger stopChecks = new AtomicInteger();
    trainer.train(
        10,
        () -> {
          stopChecks.incrementAndGet();
          return reports.get() >= 1;
        },
        p -> {
          REPORTS.add(p);
          assertEquals(1, p.iteration());
          reports.incrementAndGet();
        });
    assertEquals(1, reports.get());
    assertEquals(1, trainer.iteration());
    assertEquals(2, stopChecks.get(), "checked before the first and before the second");
    assertEquals(SETTINGS.episodesPerIteration(), trainer.checkpoint().episodes());
  }

  @Test
  void theShieldIsNeverBrokenDuringTraining() {
    // Runs after or before the others; the uninterrupted run's reports are always here.
    assertFalse(REPORTS.isEmpty());
    for (TrainingProgress p : List.copyOf(REPORTS)) {
      assertEquals(0, p.violations(), p.toString());
      assertTrue(Double.isFinite(p.meanReward()), p.toString());
      assertTrue(p.interventionsPerEpisode() >= 0, p.toString());
      assertTrue(p.actionStd() > 0, p.toString());
    }
    // With an exploring std of half a shield step, about 4.5 % of action components exceed one
    // step, some 6 of the 128 per iteration: the shield did have work to do.
    double interventions =
        uninterruptedReports.stream().mapToDouble(TrainingProgress::interventionsPerEpisode).sum();
    assertTrue(interventions > 0, "the shield never intervened");
    for (int i = 0; i < uninterruptedReports.size(); i++) {
      TrainingProgress p = uninterruptedReports.get(i);
      assertEquals(i + 1, p.iteration());
      assertEquals((i + 1L) * SETTINGS.episodesPerIteration(), p.episodes());
    }
  }
}
