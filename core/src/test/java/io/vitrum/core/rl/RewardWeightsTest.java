package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.physics.DefectClass;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardWeightsTest {
  private static final RewardWeights W = RewardWeights.DEFAULTS;

  /** Four classes with a reference rate; CORD and CHIP absent (rate 0), so they do not count. */
  private static Map<DefectClass, Double> referenceDefects() {
    Map<DefectClass, Double> d = new EnumMap<>(DefectClass.class);
    d.put(DefectClass.SEED, 2.0);
    d.put(DefectClass.BLISTER, 0.5);
    d.put(DefectClass.STONE, 0.25);
    d.put(DefectClass.CRACK, 1.5);
    return d;
  }

  private static final int REFERENCE_CLASSES = 4;

  private static final IntervalKpis REFERENCE = new IntervalKpis(4.6, 120, 300, referenceDefects());

  private static IntervalKpis with(double energy, double pull, Map<DefectClass, Double> defects) {
    return new IntervalKpis(energy, 120, pull, defects);
  }

  @Test
  void theReferenceItselfScoresZero() {
    assertEquals(0, W.reward(REFERENCE, REFERENCE, 0), 0);
    IntervalKpis copy = with(4.6, 300, referenceDefects());
    assertEquals(0, W.reward(copy, REFERENCE, 0), 0);
  }

  @Test
  void onePercentLessEnergyIsWorthEnergyTimesLogOfItsInverse() {
    IntervalKpis saving = with(0.99 * 4.6, 300, referenceDefects());
    double reward = W.reward(saving, REFERENCE, 0);
    assertEquals(10 * Math.log(1 / 0.99), reward, 1e-12);
    assertEquals(0.1005, reward, 1e-4);
    // And 1 % more energy costs about as much.
    assertEquals(
        -10 * Math.log(1.01),
        W.reward(with(1.01 * 4.6, 300, referenceDefects()), REFERENCE, 0),
        1e-12);
  }

  @Test
  void aDoubledClassCostsDefectsTimesLogTwoOverTheReferenceClasses() {
    for (DefectClass doubled :
        new DefectClass[] {DefectClass.SEED, DefectClass.STONE, DefectClass.CRACK}) {
      Map<DefectClass, Double> d = referenceDefects();
      d.put(doubled, 2 * d.get(doubled));
      double reward = W.reward(with(4.6, 300, d), REFERENCE, 0);
      assertEquals(-3 * Math.log(2) / REFERENCE_CLASSES, reward, 1e-12, doubled.name());
    }
    // A class the reference does not have does not count, however large.
    Map<DefectClass, Double> extra = referenceDefects();
    extra.put(DefectClass.CHIP, 50.0);
    assertEquals(0, W.reward(with(4.6, 300, extra), REFERENCE, 0), 0);
    // A class that vanishes is a large but finite gain.
    Map<DefectClass, Double> gone = referenceDefects();
    gone.put(DefectClass.BLISTER, 0.0);
    double reward = W.reward(with(4.6, 300, gone), REFERENCE, 0);
    assertTrue(Double.isFinite(reward) && reward > 0, "reward " + reward);
  }

  @Test
  void eachInterventionCostsTheShieldWeight() {
    assertEquals(-W.shield(), W.reward(REFERENCE, REFERENCE, 1), 1e-15);
    assertEquals(-3 * W.shield(), W.reward(REFERENCE, REFERENCE, 3), 1e-15);
    RewardWeights strict = new RewardWeights(10, 3, 2, 0.5);
    assertEquals(-2.0, strict.reward(REFERENCE, REFERENCE, 4), 1e-15);
  }

  @Test
  void pullAndTheTermsAddUp() {
    Map<DefectClass, Double> d = referenceDefects();
    d.put(DefectClass.CRACK, 3.0);
    IntervalKpis kpis = with(0.98 * 4.6, 303, d);
    double expected =
        -10 * Math.log(0.98)
            - 3 * Math.log(2) / REFERENCE_CLASSES
            + 2 * Math.log(1.01)
            - W.shield() * 2;
    assertEquals(expected, W.reward(kpis, REFERENCE, 2), 1e-12);
  }

  @Test
  void weightsMustBeFiniteAndNonNegative() {
    assertThrows(IllegalArgumentException.class, () -> new RewardWeights(-1, 3, 2, 0.05));
    assertThrows(IllegalArgumentException.class, () -> new RewardWeights(10, Double.NaN, 2, 0.05));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RewardWeights(10, 3, 2, Double.POSITIVE_INFINITY));
  }
}
