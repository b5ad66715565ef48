package io.vitrum.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.SetpointParameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DefectModelTest {
  private static final FurnaceProcess PROCESS =
      new FurnaceProcess(FurnaceParameters.container300Tpd());
  private static final DefectModel MODEL = DefectModel.containerDefaults();
  private static final Setpoints NOMINAL = Setpoints.nominal();
  private static FurnaceState nominal;

  @BeforeAll
  static void settle() {
    nominal = PROCESS.steadyState(NOMINAL, Disturbances.NONE);
  }

  private static DefectRates rates(FurnaceState s, Disturbances d) {
    return MODEL.rates(s.outputs(), d);
  }

  private static String dominantCause(DefectRates rates, DefectClass defectClass) {
    return rates.causes(defectClass).entrySet().stream()
        .filter(e -> !e.getKey().equals(DefectCause.BASELINE.key()))
        .max(Map.Entry.comparingByValue())
        .orElseThrow()
        .getKey();
  }

  @Test
  void nominalLineMakesAboutItsBaselines() {
    DefectRates r = rates(nominal, Disturbances.NONE);
    assertEquals(MODEL.seedBaseline(), r.rate(DefectClass.SEED), 0.5);
    assertEquals(MODEL.crackBaseline(), r.rate(DefectClass.CRACK), 0.3);
    assertEquals(MODEL.stoneBaseline(), r.rate(DefectClass.STONE), 0.1);
  }

  @Test
  void contributionsSumToTheClassRate() {
    Disturbances d =
        Disturbances.NONE.withRefractoryWear(0.5).withCulletOffsetPct(-8).withBatchMoisture(0.02);
    DefectRates r = rates(PROCESS.refresh(nominal, NOMINAL, d), d);
    for (DefectClass c : DefectClass.values()) {
      double sum = r.causes(c).values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(r.rate(c), sum, 1e-9);
    }
    assertTrue(r.causes(DefectClass.STONE).containsKey("refractory-wear"));
    assertTrue(r.causes(DefectClass.SEED).containsKey("cullet-swing"));
    assertTrue(r.causes(DefectClass.CORD).containsKey("batch-moisture"));
  }

  @Test
  void hotterCrownLowersSeedsByAboutOnePercentPerKelvinOfFining() {
    FurnaceState hot =
        PROCESS.steadyState(
            NOMINAL.with(SetpointParameter.CROWN_TEMPERATURE, 1610), Disturbances.NONE);
    double seedsNominal = rates(nominal, Disturbances.NONE).rate(DefectClass.SEED);
    double seedsHot = rates(hot, Disturbances.NONE).rate(DefectClass.SEED);
    double dFining = hot.meltTopC() - nominal.meltTopC();
    assertTrue(seedsHot < seedsNominal);
    assertEquals(Math.exp(-0.01 * dFining), seedsHot / seedsNominal, 0.01);
  }

  @Test
  void higherPullRaisesSeedsAndNamesPull() {
    Setpoints more = NOMINAL.with(SetpointParameter.PULL_RATE, 360);
    FurnaceState s = PROCESS.refresh(nominal, more, Disturbances.NONE);
    DefectRates r = rates(s, Disturbances.NONE);
    assertTrue(r.rate(DefectClass.SEED) > rates(nominal, Disturbances.NONE).rate(DefectClass.SEED));
    assertTrue(r.causes(DefectClass.SEED).containsKey("pull-high"));
  }

  @Test
  void fasterLehrCoolingRaisesCracksAndNamesTheLehr() {
    Setpoints fast = NOMINAL.with(SetpointParameter.LEHR_COOLING_RATE, 15);
    DefectRates r = rates(PROCESS.refresh(nominal, fast, Disturbances.NONE), Disturbances.NONE);
    assertTrue(r.rate(DefectClass.CRACK) > 2 * MODEL.crackBaseline());
    assertEquals("lehr-cooling-fast", dominantCause(r, DefectClass.CRACK));
    Disturbances fan = Disturbances.NONE.withLehrUnevennessK(1);
    DefectRates uneven = rates(PROCESS.refresh(nominal, NOMINAL, fan), fan);
    assertEquals("lehr-cooling-uneven", dominantCause(uneven, DefectClass.CRACK));
  }

  @Test
  void gobBelowLiquidusMakesStones() {
    Setpoints cold = NOMINAL.with(SetpointParameter.GOB_TEMPERATURE, 1000);
    FurnaceState s = nominal;
    for (int i = 0; i < 60; i++) {
      s = PROCESS.step(s, cold, Disturbances.NONE, 60);
    }
    DefectRates r = rates(s, Disturbances.NONE);
    assertTrue(r.rate(DefectClass.STONE) > 5 * MODEL.stoneBaseline());
    assertEquals("below-liquidus", dominantCause(r, DefectClass.STONE));
    assertTrue(r.causes(DefectClass.CRACK).containsKey("gob-temperature-off"));
  }

  @Test
  void wornRefractoryAndDegradedBurnersNameThemselves() {
    Disturbances worn = Disturbances.NONE.withRefractoryWear(0.8);
    assertEquals("refractory-wear", dominantCause(rates(nominal, worn), DefectClass.BLISTER));
    Disturbances burners = Disturbances.NONE.withBurnerEfficiency(0.85);
    assertTrue(rates(nominal, burners).causes(DefectClass.STONE).containsKey("burner-degradation"));
  }

  @Test
  void ratesMapOntoTheInspectionClasses() {
    DefectRates r = rates(nominal, Disturbances.NONE);
    Map<String, Double> inspection = r.byInspectionClass();
    assertEquals(FurnaceTags.REJECT_CLASSES, List.copyOf(inspection.keySet()));
    assertEquals(
        r.rate(DefectClass.SEED) + r.rate(DefectClass.BLISTER), inspection.get("bubble"), 1e-12);
    assertEquals(
        r.total(), inspection.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
  }

  @Test
  void noClassExceedsEveryItem() {
    Disturbances awful = new Disturbances(0.5, 0.2, 40, 5, 20, 1);
    Setpoints cold = NOMINAL.with(SetpointParameter.GOB_TEMPERATURE, 1000);
    DefectRates r = rates(PROCESS.refresh(nominal, cold, awful), awful);
    for (DefectClass c : DefectClass.values()) {
      assertTrue(r.rate(c) <= 1000 + 1e-9);
    }
  }
}
