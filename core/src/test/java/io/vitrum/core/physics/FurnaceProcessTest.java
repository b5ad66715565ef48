package io.vitrum.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.SetpointParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FurnaceProcessTest {
  private static final FurnaceProcess PROCESS =
      new FurnaceProcess(FurnaceParameters.container300Tpd());
  private static final Setpoints NOMINAL = Setpoints.nominal();
  private static CycleAverage nominal;

  @BeforeAll
  static void settle() {
    nominal = new CycleAverage(PROCESS, NOMINAL, Disturbances.NONE);
  }

  private static CycleAverage with(Setpoints setpoints, Disturbances disturbances) {
    return new CycleAverage(PROCESS, setpoints, disturbances);
  }

  @Test
  void nominalSetpointsGiveTheNominalContainerFurnace() {
    assertEquals(1560, nominal.mean(FurnaceOutputs::crownC), 10);
    assertEquals(1450, nominal.mean(FurnaceOutputs::meltTopC), 15);
    assertEquals(1350, nominal.mean(FurnaceOutputs::meltBottomC), 20);
    assertEquals(1300, nominal.mean(FurnaceOutputs::throatC), 20);
    assertEquals(1100, nominal.mean(FurnaceOutputs::gobC), 3);
    assertEquals(1600, nominal.mean(FurnaceOutputs::gasFlowNm3h), 150);
    double airPerGas =
        nominal.mean(FurnaceOutputs::airFlowNm3h) / nominal.mean(FurnaceOutputs::gasFlowNm3h);
    assertEquals(10.5, airPerGas, 0.7);
    double energy = nominal.mean(FurnaceOutputs::energyPerTonneGj);
    assertTrue(energy > 4 && energy < 5, "GJ/t " + energy);
    double flue = nominal.mean(FurnaceOutputs::flueC);
    assertTrue(flue > 400 && flue < 650, "flue " + flue);
    assertEquals(36, nominal.start().outputs().residenceTimeH(), 1e-9);
    assertEquals(14, nominal.mean(FurnaceOutputs::batchRateTph), 1.5);
  }

  @Test
  void reversalsGiveTheCrownAndRegeneratorsTheirSawtooth() {
    double crownSwing = nominal.max(FurnaceOutputs::crownC) - nominal.min(FurnaceOutputs::crownC);
    assertTrue(crownSwing > 15 && crownSwing < 45, "crown swing " + crownSwing);
    double regenLow = nominal.min(FurnaceOutputs::regeneratorLeftTopC);
    double regenHigh = nominal.max(FurnaceOutputs::regeneratorLeftTopC);
    assertTrue(regenLow > 1150 && regenHigh < 1500 && regenHigh - regenLow > 100);
  }

  @Test
  void firingSideFlipsEveryPeriodWithAPauseWithoutGas() {
    FurnaceParameters p = PROCESS.parameters();
    FurnaceState s = nominal.start();
    FiringSide before = s.firingSide();
    s = PROCESS.step(s, NOMINAL, Disturbances.NONE, p.reversalPeriodS() - s.secondsSinceReversal());
    assertEquals(before.opposite(), s.firingSide());
    assertEquals(0, s.outputs().gasFlowNm3h());
    assertTrue(!s.outputs().firing());
    s = PROCESS.step(s, NOMINAL, Disturbances.NONE, p.reversalPauseS() + 1);
    assertTrue(s.outputs().gasFlowNm3h() > 0);
  }

  @Test
  void heatBalanceClosesOverWholeCyclesAtSteadyState() {
    FurnaceState s = nominal.start();
    double in = 0;
    double out = 0;
    for (int i = 0; i < 2 * PROCESS.parameters().reversalPeriodS(); i++) {
      s = PROCESS.step(s, NOMINAL, Disturbances.NONE, 1);
      HeatBalance b = PROCESS.heatBalance(s, NOMINAL, Disturbances.NONE);
      in += b.totalInMw();
      out += b.totalOutMw();
    }
    assertEquals(0, (in - out) / in, 0.02);
  }

  @Test
  void sixtySecondStepsStayStableAndMatchOneSecondSteps() {
    Setpoints changed = NOMINAL.with(SetpointParameter.CROWN_TEMPERATURE, 1600);
    FurnaceState coarse = nominal.start();
    FurnaceState fine = nominal.start();
    for (int minute = 0; minute < 6 * 60; minute++) {
      coarse = PROCESS.step(coarse, changed, Disturbances.NONE, 60);
      for (int second = 0; second < 60; second++) {
        fine = PROCESS.step(fine, changed, Disturbances.NONE, 1);
      }
    }
    assertEquals(fine.crownC(), coarse.crownC(), 0.5);
    assertEquals(fine.meltTopC(), coarse.meltTopC(), 0.5);
    assertEquals(fine.meltBottomC(), coarse.meltBottomC(), 0.5);
    assertEquals(fine.regeneratorLeftC(), coarse.regeneratorLeftC(), 1);
    assertEquals(fine.firingSide(), coarse.firingSide());
    assertEquals(1600, coarse.outputs().crownC(), 20);
  }

  @Test
  void crownAnswersInMinutesAndBottomInHours() {
    Setpoints hotter = NOMINAL.with(SetpointParameter.CROWN_TEMPERATURE, 1610);
    CycleAverage settled = with(hotter, Disturbances.NONE);
    FurnaceState start = nominal.start();
    double bottomChange = settled.start().meltBottomC() - start.meltBottomC();
    FurnaceState s = start;
    double crownAt30 = 0;
    for (int minute = 1; minute <= 60; minute++) {
      s = PROCESS.step(s, hotter, Disturbances.NONE, 60);
      if (minute == 30) {
        crownAt30 = s.crownC();
      }
    }
    assertTrue(crownAt30 - start.crownC() > 0.63 * 50, "crown after 30 min " + crownAt30);
    assertTrue(bottomChange > 20);
    assertTrue(s.meltBottomC() - start.meltBottomC() < 0.2 * bottomChange, "bottom in one hour");
  }

  @Test
  void hotterCrownHeatsTheMeltAndCostsGas() {
    CycleAverage hotter =
        with(NOMINAL.with(SetpointParameter.CROWN_TEMPERATURE, 1610), Disturbances.NONE);
    assertTrue(hotter.mean(FurnaceOutputs::meltTopC) - nominal.mean(FurnaceOutputs::meltTopC) > 30);
    assertTrue(
        hotter.mean(FurnaceOutputs::energyPerTonneGj)
            > nominal.mean(FurnaceOutputs::energyPerTonneGj) * 1.03);
    assertTrue(
        hotter.mean(FurnaceOutputs::finingViscosityPaS)
            < nominal.mean(FurnaceOutputs::finingViscosityPaS) * 0.8);
  }

  @Test
  void tenPointsMoreCulletSaveAboutTwoToThreePercentEnergy() {
    CycleAverage more =
        with(NOMINAL.with(SetpointParameter.CULLET_FRACTION, 60), Disturbances.NONE);
    double saving =
        1
            - more.mean(FurnaceOutputs::energyPerTonneGj)
                / nominal.mean(FurnaceOutputs::energyPerTonneGj);
    assertTrue(saving > 0.018 && saving < 0.035, "saving " + saving);
  }

  @Test
  void degradedBurnersBurnMoreGasAndMakeCo() {
    CycleAverage degraded = with(NOMINAL, Disturbances.NONE.withBurnerEfficiency(0.9));
    assertTrue(
        degraded.mean(FurnaceOutputs::gasFlowNm3h)
            > nominal.mean(FurnaceOutputs::gasFlowNm3h) * 1.08);
    assertTrue(
        degraded.mean(FurnaceOutputs::flueCoPpm) > nominal.mean(FurnaceOutputs::flueCoPpm) + 100);
    assertEquals(nominal.mean(FurnaceOutputs::crownC), degraded.mean(FurnaceOutputs::crownC), 3);
  }

  @Test
  void wetBatchCoolsTheMeltAndLowersTheLevel() {
    CycleAverage wet = with(NOMINAL, Disturbances.NONE.withBatchMoisture(0.03));
    assertTrue(wet.mean(FurnaceOutputs::meltTopC) < nominal.mean(FurnaceOutputs::meltTopC) - 2);
    assertTrue(wet.mean(FurnaceOutputs::gasFlowNm3h) > nominal.mean(FurnaceOutputs::gasFlowNm3h));
    assertTrue(wet.mean(FurnaceOutputs::glassLevelMm) < -0.1);
  }

  @Test
  void culletSwingRaisesTheLevelAndSavesEnergy() {
    CycleAverage swing = with(NOMINAL, Disturbances.NONE.withCulletOffsetPct(10));
    assertEquals(60, swing.mean(FurnaceOutputs::culletFractionPct), 1e-9);
    assertTrue(swing.mean(FurnaceOutputs::glassLevelMm) > 0.1);
    assertTrue(
        swing.mean(FurnaceOutputs::energyPerTonneGj)
            < nominal.mean(FurnaceOutputs::energyPerTonneGj));
  }

  @Test
  void lehrFanFaultsRaiseTheLehrStress() {
    FurnaceState s = nominal.start();
    double nominalStress = s.outputs().lehrStressMPa();
    FurnaceState fast = PROCESS.refresh(s, NOMINAL, Disturbances.NONE.withLehrCoolingFactor(2));
    FurnaceState uneven = PROCESS.refresh(s, NOMINAL, Disturbances.NONE.withLehrUnevennessK(1));
    assertEquals(14, fast.outputs().lehrCoolingRateCPerMin(), 1e-9);
    assertEquals(2 * nominalStress, fast.outputs().lehrStressMPa(), 1e-9);
    assertEquals(nominalStress + 0.81, uneven.outputs().lehrStressMPa(), 0.03);
  }

  @Test
  void wornRefractoryLosesHeatThroughTheBottom() {
    CycleAverage worn = with(NOMINAL, Disturbances.NONE.withRefractoryWear(1));
    assertTrue(
        worn.mean(FurnaceOutputs::meltBottomC) < nominal.mean(FurnaceOutputs::meltBottomC) - 20);
    assertTrue(
        worn.mean(FurnaceOutputs::energyPerTonneGj)
            > nominal.mean(FurnaceOutputs::energyPerTonneGj) * 1.05);
  }

  @Test
  void outputsCoverTheTagSet() {
    FurnaceOutputs o = nominal.start().outputs();
    assertEquals(FurnaceTags.FOREHEARTH_ZONES, o.forehearthC().size());
    assertEquals(FurnaceTags.LEHR_ZONES, o.lehrC().size());
    assertTrue(o.throatC() > o.forehearthC().get(0));
    assertTrue(o.forehearthC().get(FurnaceTags.FOREHEARTH_ZONES - 1) > o.gobC());
    assertTrue(o.lehrC().get(0) > 540 && o.lehrC().get(FurnaceTags.LEHR_ZONES - 1) < 100);
    assertTrue(o.crownPressurePa() > 1 && o.crownPressurePa() < 5);
    assertEquals(NOMINAL.excessO2Pct(), o.flueO2Pct(), 1e-9);
    assertNotEquals(0, o.gobViscosityPaS());
  }

  @Test
  void stepIsDeterministic() {
    FurnaceState a = PROCESS.step(nominal.start(), NOMINAL, Disturbances.NONE, 600);
    FurnaceState b = PROCESS.step(nominal.start(), NOMINAL, Disturbances.NONE, 600);
    assertEquals(a, b);
  }
}
