package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DegradationMonitorTest {
  private static final KpiBaseline ENERGY =
      new KpiBaseline("energyPerTonneGj", 4.5, 0.25, true, 500);
  private static final KpiBaseline PULL = new KpiBaseline("pullRateTpd", 300, 5, false, 500);

  private static DegradationMonitor start() {
    return DegradationMonitor.start(
        List.of(ENERGY, PULL), Cusum.DEFAULT_SLACK, Cusum.DEFAULT_THRESHOLD);
  }

  @Test
  void namesTheOneKpiThatDegraded() {
    DegradationMonitor m = start();
    // Pull swings a deviation either way and its S never passes 0.5; energy sits at its baseline
    // for three rows, then 2 deviations high: S = 1.5, 3, 4.5, 6, firing on row 6.
    for (int row = 0; row < 10; row++) {
      double energy = row < 3 ? 4.5 : 5.0;
      double pull = row % 2 == 0 ? 305 : 295;
      m = m.add(Map.of("energyPerTonneGj", energy, "pullRateTpd", pull));
    }
    DegradationEvidence evidence = m.firstFired().orElseThrow();
    assertEquals("energyPerTonneGj", evidence.kpi());
    assertEquals(3, evidence.runStart());
    assertEquals(6, evidence.firedAt());
    assertEquals(5.0, evidence.runMean(), 0);
    assertEquals(6.0, m.statistics().get("energyPerTonneGj"), 0);
    assertTrue(m.statistics().get("pullRateTpd") <= 0.5, m.statistics().toString());
  }

  @Test
  void theKpiThatFiredEarlierComesFirstWhateverItsOrder() {
    DegradationMonitor m = start();
    // Pull 4 deviations low from row 0 (S = 3.5, 7), energy 2 high from row 0 (S = 1.5 ... 6).
    for (int row = 0; row < 5; row++) {
      m = m.add(Map.of("energyPerTonneGj", 5.0, "pullRateTpd", 280.0));
    }
    assertEquals("pullRateTpd", m.firstFired().orElseThrow().kpi());
    assertEquals(1, m.firstFired().orElseThrow().firedAt());
  }

  @Test
  void kpisFiringOnTheSameRowComeInTheOrderOfTheirBaselines() {
    DegradationMonitor m = start().add(Map.of("energyPerTonneGj", 6.5, "pullRateTpd", 260.0));
    // Both 8 deviations worse: S = 7.5 > 5 on the first row.
    assertEquals("energyPerTonneGj", m.firstFired().orElseThrow().kpi());
  }

  @Test
  void unknownAndMissingKpisAreIgnoredAndEarlierStatesKept() {
    DegradationMonitor quiet = start();
    DegradationMonitor m = quiet.add(Map.of("energyPerTonneGj", 5.0));
    assertEquals(Map.of("energyPerTonneGj", 1.5, "pullRateTpd", 0.0), m.statistics());
    assertEquals(m.statistics(), m.add(Map.of("crownTempC", 1600.0)).statistics());
    assertEquals(Map.of("energyPerTonneGj", 0.0, "pullRateTpd", 0.0), quiet.statistics());
    assertTrue(m.firstFired().isEmpty());
    assertEquals(List.of("energyPerTonneGj", "pullRateTpd"), List.copyOf(m.statistics().keySet()));
  }

  @Test
  void rejectsNoKpisAndTwoBaselinesForOne() {
    assertThrows(IllegalArgumentException.class, () -> DegradationMonitor.start(List.of(), 0.5, 5));
    assertThrows(
        IllegalArgumentException.class,
        () -> DegradationMonitor.start(List.of(ENERGY, ENERGY), 0.5, 5));
  }

  @Test
  void aResumedMonitorGoesOnWhereItsDetectorsStood() {
    DegradationMonitor straight = start();
    DegradationMonitor resumed = start();
    for (int row = 0; row < 8; row++) {
      Map<String, Double> kpis =
          Map.of("energyPerTonneGj", row < 3 ? 4.5 : 5.0, "pullRateTpd", 300.0);
      straight = straight.add(kpis);
      resumed = DegradationMonitor.resume(resumed.detectors()).add(kpis);
    }
    assertEquals(straight.detectors(), resumed.detectors());
    assertEquals(6, resumed.firstFired().orElseThrow().firedAt());
    assertThrows(IllegalArgumentException.class, () -> DegradationMonitor.resume(List.of()));
  }
}
