package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CusumTest {
  private static final KpiBaseline UNIT = new KpiBaseline("kpi", 0, 1, true, 1000);

  @Test
  void followsAHandComputedSequence() {
    // Baseline 4.5 ± 0.25, higher is worse, k = 0.5, h = 5; every number below is exact in binary.
    KpiBaseline energy = new KpiBaseline("energyPerTonneGj", 4.5, 0.25, true, 100);
    Cusum c = Cusum.start(energy, Cusum.DEFAULT_SLACK, Cusum.DEFAULT_THRESHOLD);
    double[] values = {4.75, 4.875, 4.25, 4.0, 5.25, 5.25, 4.75};
    // z = (v - 4.5) / 0.25:      1,   1.5,   -1,   -2,    3,    3,    1
    // S = max(0, S + z - 0.5):  0.5,  1.5,    0,    0,  2.5,  5.0,  5.5
    // S fell to 0 at samples 2 and 3, so the run that fires starts at sample 4; 5.0 is not > 5.
    double[] statistics = {0.5, 1.5, 0, 0, 2.5, 5, 5.5};
    long[] runStarts = {0, 0, 3, 4, 4, 4, 4};
    for (int i = 0; i < values.length; i++) {
      c = c.add(values[i]);
      assertEquals(statistics[i], c.statistic(), 0, "S after sample " + i);
      assertEquals(runStarts[i], c.runStart(), "run start after sample " + i);
      assertEquals(i + 1, c.samples());
      assertEquals(i == values.length - 1, c.fired(), "fired after sample " + i);
    }

    DegradationEvidence evidence = c.evidence().orElseThrow();
    assertEquals(4, evidence.runStart());
    assertEquals(6, evidence.firedAt());
    // (5.25 + 5.25 + 4.75) / 3
    assertEquals(15.25 / 3, evidence.runMean(), 1e-12);
    assertEquals(5.5, evidence.statistic(), 0);
    assertEquals(
        "energyPerTonneGj rose to 5.1 against a baseline of 4.5 ± 0.3 over samples 4–6"
            + " (CUSUM 5.5 > 5.0)",
        evidence.describe());
    assertSame(c, c.add(100), "once fired the state holds");
  }

  @Test
  void describesEvidenceToTheBaselineDeviationsDigit() {
    DegradationEvidence evidence =
        new DegradationEvidence("energyPerTonneGj", true, 4.52, 0.02, 4.71, 31, 42, 5.3, 5.0);
    assertEquals(
        "energyPerTonneGj rose to 4.71 against a baseline of 4.52 ± 0.02 over samples 31–42"
            + " (CUSUM 5.3 > 5.0)",
        evidence.describe());
  }

  @Test
  void twoThousandSamplesAtTheBaselineNeverFireWithAWideThreshold() {
    // At the defaults the in-control run length averages about 930 samples, so 2000 samples fire
    // at least once for about 9 seeds in 10 (this seed's statistic peaks near 7). With h = 10 the
    // in-control run length is above 100 000 samples, and about 98.5% of seeds stay quiet.
    Random noise = new Random(42);
    Cusum c = Cusum.start(UNIT, Cusum.DEFAULT_SLACK, 10);
    for (int i = 0; i < 2000; i++) {
      c = c.add(noise.nextGaussian());
      assertFalse(c.fired(), "fired at sample " + i + ": " + c);
    }
  }

  @Test
  void theDefaultsFalseAlarmRateMatchesTheDocumentedRunLength() {
    // Restarting after each alarm, as a redeployment would: about 550 alarms in 500 000 samples.
    Random noise = new Random(11);
    Cusum c = Cusum.start(UNIT, Cusum.DEFAULT_SLACK, Cusum.DEFAULT_THRESHOLD);
    int samples = 500_000;
    int alarms = 0;
    for (int i = 0; i < samples; i++) {
      c = c.add(noise.nextGaussian());
      if (c.fired()) {
        alarms++;
        c = Cusum.start(UNIT, Cusum.DEFAULT_SLACK, Cusum.DEFAULT_THRESHOLD);
      }
    }
    double runLength = samples / (double) alarms;
    assertTrue(runLength > 750 && runLength < 1100, "in-control run length " + runLength);
  }

  @Test
  void theDefaultsDetectShiftsAsFastAsDocumented() {
    assertEquals(10.4, meanDelay(1.0), 1.0, "one baseline deviation");
    assertEquals(5.8, meanDelay(1.5), 0.6, "1.5 baseline deviations");
  }

  /** Samples from a shift to the alarm, the alarm's included, over 1000 seeded fresh detectors. */
  private static double meanDelay(double shift) {
    Random noise = new Random(5);
    long total = 0;
    for (int run = 0; run < 1000; run++) {
      Cusum c = Cusum.start(UNIT, Cusum.DEFAULT_SLACK, Cusum.DEFAULT_THRESHOLD);
      while (!c.fired()) {
        c = c.add(shift + noise.nextGaussian());
      }
      total += c.samples();
    }
    return total / 1000.0;
  }

  @Test
  void aStepOfOneAndAHalfDeviationsFiresSoonAfterIt() {
    // The noise of the quiet test above, shifted by 1.5 baseline deviations from sample 200.
    Random noise = new Random(42);
    Cusum c = Cusum.start(UNIT, Cusum.DEFAULT_SLACK, 10);
    double[] fed = new double[2000];
    for (int i = 0; i < fed.length && !c.fired(); i++) {
      fed[i] = noise.nextGaussian() + (i >= 200 ? 1.5 : 0);
      c = c.add(fed[i]);
    }
    DegradationEvidence evidence = c.evidence().orElseThrow();
    assertTrue(
        evidence.firedAt() >= 200 && evidence.firedAt() <= 230, "fired at " + evidence.firedAt());
    assertTrue(evidence.runStart() >= 195, "run starts at " + evidence.runStart());

    double sum = 0;
    for (long i = evidence.runStart(); i <= evidence.firedAt(); i++) {
      sum += fed[(int) i];
    }
    assertEquals(sum / (evidence.firedAt() - evidence.runStart() + 1), evidence.runMean(), 1e-12);
    // A run's z sum is S + n k, so its mean is above k; noisy over ~12 samples, near 1.5.
    assertEquals(1.5, evidence.runMean(), 0.5, evidence.describe());
  }

  @Test
  void whereLowerIsWorseOnlyAFallFires() {
    KpiBaseline pull = new KpiBaseline("pullRateTpd", 300, 5, false, 1000);
    Random noise = new Random(3);
    Cusum fall = Cusum.start(pull, Cusum.DEFAULT_SLACK, Cusum.DEFAULT_THRESHOLD);
    for (int i = 0; i < 30 && !fall.fired(); i++) {
      fall = fall.add(300 - 1.5 * 5 + 5 * noise.nextGaussian());
    }
    assertTrue(fall.fired(), "a fall of 1.5 std within 30 samples: " + fall);
    assertTrue(fall.evidence().orElseThrow().describe().startsWith("pullRateTpd fell to "));

    Cusum rise = Cusum.start(pull, Cusum.DEFAULT_SLACK, Cusum.DEFAULT_THRESHOLD);
    for (int i = 0; i < 2000; i++) {
      rise = rise.add(300 + 1.5 * 5 + 5 * noise.nextGaussian());
      assertFalse(rise.fired(), "a rise fired at sample " + i);
    }
  }

  @Test
  void nonFiniteValuesAreTalliedAndOtherwiseIgnored() {
    Cusum c = Cusum.start(UNIT, Cusum.DEFAULT_SLACK, Cusum.DEFAULT_THRESHOLD).add(2).add(1);
    Cusum after = c.add(Double.NaN).add(Double.POSITIVE_INFINITY);
    assertEquals(
        new Cusum(UNIT, c.slack(), c.threshold(), c.statistic(), 2, 2, c.runStart(), c.runSum()),
        after);
    // 1.5 + 0.5, and then 2.0 + 3 - 0.5: the sample after the ignored ones is sample 2.
    assertEquals(2.0, after.statistic(), 0);
    assertEquals(4.5, after.add(3).statistic(), 0);
    assertEquals(3, after.add(3).samples());
  }

  @Test
  void aBaselineComesFromItsSeries() {
    KpiBaseline b = KpiBaseline.of("energyPerTonneGj", true, new double[] {4.50, 4.52, 4.54, 4.52});
    assertEquals(4.52, b.mean(), 1e-12);
    // Squares 0.0004 + 0 + 0.0004 + 0 over n - 1 = 3.
    assertEquals(Math.sqrt(0.0008 / 3), b.std(), 1e-12);
    assertEquals(4, b.samples());

    assertEquals(4.52e-9, KpiBaseline.of("k", true, new double[] {4.52, 4.52}).std(), 1e-21);
    assertEquals(
        KpiBaseline.ABSOLUTE_STD_FLOOR, KpiBaseline.of("k", true, new double[] {0, 0}).std(), 0);
  }

  @Test
  void rejectsBaselinesItCannotMeasureAgainst() {
    assertThrows(IllegalArgumentException.class, () -> new KpiBaseline("k", 1, 0, true, 10));
    assertThrows(
        IllegalArgumentException.class, () -> new KpiBaseline("k", Double.NaN, 1, true, 10));
    assertThrows(IllegalArgumentException.class, () -> new KpiBaseline("k", 1, 1, true, 1));
    assertThrows(
        IllegalArgumentException.class, () -> KpiBaseline.of("k", true, new double[] {1, 1.0 / 0}));
    assertThrows(IllegalArgumentException.class, () -> Cusum.start(UNIT, -0.1, 5));
    assertThrows(IllegalArgumentException.class, () -> Cusum.start(UNIT, 0.5, 0));
  }
}
