package io.vitrum.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.physics.Vft;
import io.vitrum.core.plant.FurnaceTags;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainFeaturesTest {
  private static final String F = "F1";

  private static Map<String, Double> plant() {
    Map<String, Double> m = new HashMap<>();
    for (int i = 1; i <= FurnaceTags.CROWN_THERMOCOUPLES; i++) {
      m.put(FurnaceTags.crown(F, i), 1500.0 + 10 * i); // 1510..1560, mean 1535
    }
    for (int i = 1; i <= FurnaceTags.BOTTOM_THERMOCOUPLES; i++) {
      m.put(FurnaceTags.bottom(F, i), 1340.0 + 2 * i); // mean 1349
    }
    m.put(FurnaceTags.throat(F), 1300.0);
    m.put(FurnaceTags.gob(F), 1100.0);
    m.put(FurnaceTags.gasFlow(F), 1600.0);
    m.put(FurnaceTags.airFlow(F), 1600.0 * 9.52 * 1.1);
    m.put(FurnaceTags.boost(F), 1.0);
    m.put(FurnaceTags.pullRate(F), 300.0);
    return m;
  }

  private static double[] compute(Map<String, Double> shortMeans, Map<String, Double> longMeans) {
    double[] out = new double[DomainFeatures.NAMES.size() + 1];
    DomainFeatures.compute(
        F,
        t -> shortMeans.getOrDefault(t, Double.NaN),
        t -> longMeans.getOrDefault(t, Double.NaN),
        out,
        1);
    return out;
  }

  @Test
  void featuresFollowTheirDefinitions() {
    Map<String, Double> longMeans =
        Map.of(
            FurnaceTags.regeneratorTop(F, 'L'), 1310.0, FurnaceTags.regeneratorTop(F, 'R'), 1290.0);
    double[] out = compute(plant(), longMeans);

    assertEquals(0, out[0], "nothing written before the offset");
    assertEquals(Vft.CONTAINER.log10ViscosityPaS(1560), out[1], 1e-12, "hottest crown");
    assertEquals(Vft.CONTAINER.log10ViscosityPaS(1300), out[2], 1e-12);
    assertEquals(Vft.CONTAINER.log10ViscosityPaS(1100), out[3], 1e-12);
    assertEquals(1535 - 1300, out[4], 1e-9, "crown mean - throat");
    assertEquals(1300 - 1349, out[5], 1e-9, "throat - bottom mean");
    assertEquals(20, out[6], 1e-9, "regenerator asymmetry over the long window");
    // 1600 Nm3/h * 0.0358 GJ * 24 h = 1374.72 GJ/day, + 1 MW = 86.4 GJ/day; / 300 t/day
    assertEquals((1374.72 + 86.4) / 300, out[7], 1e-9);
    assertEquals(1.1, out[8], 1e-12);
    assertEquals(21 * 0.1 / 1.1, out[9], 1e-12);
  }

  @Test
  void aMissingTagMakesOnlyItsFeaturesNaN() {
    Map<String, Double> means = plant();
    means.remove(FurnaceTags.gob(F));
    means.remove(FurnaceTags.crown(F, 3));
    double[] out = compute(means, Map.of());

    assertTrue(Double.isNaN(out[1]), "fining needs every crown thermocouple");
    assertTrue(Double.isFinite(out[2]), "throat viscosity is unaffected");
    assertTrue(Double.isNaN(out[3]), "no gob reading");
    assertTrue(Double.isNaN(out[6]), "no regenerator means");
    assertTrue(Double.isFinite(out[7]));
  }

  @Test
  void aTemperatureBelowVftT0GivesNaNNotAnError() {
    Map<String, Double> means = plant();
    means.put(FurnaceTags.gob(F), 20.0);
    assertTrue(Double.isNaN(compute(means, Map.of())[3]));
  }
}
