package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.TwinState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyKpisTest {

  @Test
  void kpisOfATwinAddUpTheirClasses() {
    TwinState twin = DigitalTwin.containerDefaults().start("F1");
    Map<String, Double> k =
        PolicyKpis.of(
            twin.furnace().outputs(), twin.disturbances(), DefectModel.containerDefaults());
    double classes =
        k.entrySet().stream()
            .filter(e -> e.getKey().startsWith("defects."))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    assertEquals(k.get(PolicyKpis.DEFECTS), classes, 1e-9);
    assertEquals(twin.furnace().outputs().energyPerTonneGj(), k.get(PolicyKpis.ENERGY), 1e-12);
    assertTrue(k.get(PolicyKpis.PULL) > 0);
  }

  @Test
  void aSteadyBaselineGetsTheRelativeFloorAndAnUnsteadyOneItsOwnDeviation() {
    List<Map<String, Double>> steady =
        List.of(row(4.5, 10, 300), row(4.5, 10, 300), row(4.5, 10, 300));
    List<KpiBaseline> b = PolicyKpis.baselines(steady, 0.01);
    assertEquals(PolicyKpis.ENERGY, b.get(0).kpi());
    assertEquals(0.045, b.get(0).std(), 1e-12);
    assertEquals(3.0, b.get(2).std(), 1e-12);
    assertTrue(b.get(0).higherIsWorse());
    assertTrue(!b.get(2).higherIsWorse());

    List<Map<String, Double>> noisy = List.of(row(4.0, 10, 300), row(5.0, 10, 300));
    // sample std of {4, 5} is sqrt(0.5)
    assertEquals(Math.sqrt(0.5), PolicyKpis.baselines(noisy, 0.01).get(0).std(), 1e-12);
    assertThrows(
        IllegalArgumentException.class,
        () -> PolicyKpis.baselines(List.of(row(4, 1, 1), Map.of(PolicyKpis.ENERGY, 4.0)), 0.01));
  }

  @Test
  void meteredKpisAreTheFurnacesOwnEnergyPerTonneAndKeepTheTwinsDefects() {
    // 1600 Nm3/h x 0.0358 GJ/Nm3 x 24 h + 1 MW x 86.4 GJ/MWd = 1461.12 GJ/d over 300 t/d
    Map<String, Double> twin = Map.of(PolicyKpis.ENERGY, 9.0, PolicyKpis.DEFECTS, 12.0);
    Map<String, Double> m = PolicyKpis.metered(twin, 1600, 1.0, 300);
    assertEquals(4.8704, m.get(PolicyKpis.ENERGY), 1e-9);
    assertEquals(128.0, m.get(PolicyKpis.GAS), 1e-9);
    assertEquals(300.0, m.get(PolicyKpis.PULL), 1e-12);
    assertEquals(12.0, m.get(PolicyKpis.DEFECTS), 1e-12);

    // The physics books a furnace's energy the same way: its own meters give its own figure.
    FurnaceProcess process = new FurnaceProcess(FurnaceParameters.container300Tpd());
    FurnaceOutputs o = process.steadyState(Setpoints.nominal(), Disturbances.NONE).outputs();
    Map<String, Double> own =
        PolicyKpis.metered(Map.of(), o.gasFlowNm3h(), o.boostMw(), o.pullRateTpd());
    assertEquals(o.energyPerTonneGj(), own.get(PolicyKpis.ENERGY), 1e-9);

    assertThrows(IllegalArgumentException.class, () -> PolicyKpis.metered(twin, 1600, 1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> PolicyKpis.metered(twin, Double.NaN, 1, 300));
    assertThrows(IllegalArgumentException.class, () -> PolicyKpis.metered(twin, 1600, -1, 300));
  }

  private static Map<String, Double> row(double energy, double defects, double pull) {
    return Map.of(PolicyKpis.ENERGY, energy, PolicyKpis.DEFECTS, defects, PolicyKpis.PULL, pull);
  }
}
