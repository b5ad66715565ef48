package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KpiWindowTest {

  @Test
  void theMeanComesOnceTheWindowIsFullAndSlidesWithIt() {
    KpiWindow w = new KpiWindow(3);
    assertTrue(w.add(Map.of("e", 1.0, "p", 10.0)).isEmpty());
    assertTrue(w.add(Map.of("e", 2.0, "p", 20.0)).isEmpty());
    Map<String, Double> first = w.add(Map.of("e", 6.0, "p", 30.0)).orElseThrow();
    assertEquals(3.0, first.get("e"), 1e-12);
    assertEquals(20.0, first.get("p"), 1e-12);
    Map<String, Double> slid = w.add(Map.of("e", 4.0, "p", 40.0)).orElseThrow();
    assertEquals(4.0, slid.get("e"), 1e-12);
    assertEquals(30.0, slid.get("p"), 1e-12);
  }

  @Test
  void aKpiMissingFromASampleOfTheWindowIsLeftOut() {
    KpiWindow w = new KpiWindow(2);
    w.add(Map.of("e", 1.0));
    Map<String, Double> mean = w.add(Map.of("e", 3.0, "p", 5.0)).orElseThrow();
    assertEquals(Map.of("e", 2.0), mean);
  }

  @Test
  void aWindowNeedsASample() {
    assertThrows(IllegalArgumentException.class, () -> new KpiWindow(0));
  }

  @Test
  void oneReversalPeriodCancelsTheFiringCycleOfASteadyFurnace() {
    FurnaceParameters p = FurnaceParameters.container300Tpd();
    FurnaceProcess process = new FurnaceProcess(p);
    DefectModel defects = DefectModel.containerDefaults();
    Setpoints setpoints = Setpoints.nominal();
    FurnaceState s = process.steadyState(setpoints, Disturbances.NONE);
    int perPeriod = (int) Math.round(p.reversalPeriodS() / 60);
    KpiWindow window = new KpiWindow(perPeriod);
    double rawLow = Double.MAX_VALUE;
    double rawHigh = -Double.MAX_VALUE;
    double meanLow = Double.MAX_VALUE;
    double meanHigh = -Double.MAX_VALUE;
    for (int minute = 0; minute < 4 * perPeriod; minute++) {
      s = process.step(s, setpoints, Disturbances.NONE, 60);
      Map<String, Double> kpis = PolicyKpis.of(s.outputs(), Disturbances.NONE, defects);
      double raw = kpis.get(PolicyKpis.ENERGY);
      rawLow = Math.min(rawLow, raw);
      rawHigh = Math.max(rawHigh, raw);
      Optional<Map<String, Double>> mean = window.add(kpis);
      if (mean.isPresent()) {
        double m = mean.get().get(PolicyKpis.ENERGY);
        meanLow = Math.min(meanLow, m);
        meanHigh = Math.max(meanHigh, m);
      }
    }
    assertFalse(meanLow == Double.MAX_VALUE, "the window never filled");
    // A single minute swings by more than half the furnace's energy per tonne (the pause) ...
    assertTrue(rawHigh - rawLow > 0.5 * rawHigh, "raw swing " + rawLow + ".." + rawHigh);
    // ... the mean over one period stays within a tenth of a percent of itself.
    assertTrue(meanHigh - meanLow < 0.001 * meanHigh, "mean swing " + meanLow + ".." + meanHigh);
  }
}
