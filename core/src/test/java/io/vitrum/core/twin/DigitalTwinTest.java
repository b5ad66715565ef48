package io.vitrum.core.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rejection.Rejection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DigitalTwinTest {
  private static final double HOUR = 3600;
  private static final DigitalTwin TWIN = DigitalTwin.containerDefaults();
  private static TwinState synced;

  @BeforeAll
  static void start() {
    synced = TWIN.start("F1", Setpoints.nominal());
  }

  private static WhatIfOutcome.Completed completed(WhatIfOutcome outcome) {
    return assertInstanceOf(WhatIfOutcome.Completed.class, outcome);
  }

  private static Rejection rejected(WhatIfOutcome outcome) {
    return assertInstanceOf(WhatIfOutcome.Rejected.class, outcome).rejection();
  }

  @Test
  void hotterCrownLowersSeedsAndCostsEnergy() {
    WhatIfOutcome.Completed r =
        completed(
            TWIN.whatIf(
                synced,
                List.of(SetpointChange.delta(SetpointParameter.CROWN_TEMPERATURE, 50)),
                HOUR));
    assertEquals(1610, r.scenarioSetpoints().crownTemperatureC(), 1e-9);
    assertEquals(1560, r.baselineSetpoints().crownTemperatureC(), 1e-9);
    Kpis delta = r.delta();
    assertTrue(delta.crownC() > 35, "crown " + delta.crownC());
    assertTrue(delta.meltTopC() > 10, "melt top " + delta.meltTopC());
    assertTrue(delta.defectsPerThousand().get("seed") < 0);
    assertTrue(delta.energyPerTonneGj() > 0);
    assertTrue(delta.finingViscosityPaS() < 0);
    assertEquals(61, r.scenario().points().size());
    assertEquals(0, r.scenario().points().get(0).timeS());
    assertEquals(HOUR, r.scenario().points().get(60).timeS(), 1e-6);
  }

  @Test
  void fasterLehrCoolingRaisesCracks() {
    WhatIfOutcome.Completed r =
        completed(
            TWIN.whatIf(
                synced,
                List.of(SetpointChange.absolute(SetpointParameter.LEHR_COOLING_RATE, 12)),
                HOUR));
    assertTrue(r.delta().defectsPerThousand().get("crack") > 1);
    assertTrue(r.delta().rejectsPerThousand().get("crack") > 1);
    assertTrue(r.delta().lehrStressMPa() > 0);
    assertEquals(0, r.delta().defectsPerThousand().get("seed"), 1e-9);
  }

  @Test
  void changesOutsideTheSafeBoundsAreRejectedWithTheReason() {
    Rejection high =
        rejected(
            TWIN.whatIf(
                synced,
                List.of(SetpointChange.absolute(SetpointParameter.CROWN_TEMPERATURE, 1700)),
                HOUR));
    assertEquals("out-of-bounds", high.code().wire());
    assertTrue(high.reason().contains("crownTemperature"), high.reason());
    assertTrue(high.reason().contains("1650"), high.reason());
    Rejection lowDelta =
        rejected(
            TWIN.whatIf(
                synced, List.of(SetpointChange.delta(SetpointParameter.PULL_RATE, -250)), HOUR));
    assertEquals("out-of-bounds", lowDelta.code().wire());
    assertEquals(
        "not-finite",
        rejected(
                TWIN.whatIf(
                    synced,
                    List.of(SetpointChange.delta(SetpointParameter.EXCESS_O2, Double.NaN)),
                    HOUR))
            .code()
            .wire());
    assertEquals(
        "duplicate-parameter",
        rejected(
                TWIN.whatIf(
                    synced,
                    List.of(
                        SetpointChange.delta(SetpointParameter.EXCESS_O2, 0.5),
                        SetpointChange.delta(SetpointParameter.EXCESS_O2, 0.5)),
                    HOUR))
            .code()
            .wire());
    assertEquals("horizon-invalid", rejected(TWIN.whatIf(synced, List.of(), 0)).code().wire());
    assertEquals(
        "horizon-invalid", rejected(TWIN.whatIf(synced, List.of(), 30 * 86_400)).code().wire());
  }

  @Test
  void whatIfIsDeterministicAndAnEmptyScenarioEqualsTheBaseline() {
    List<SetpointChange> changes = List.of(SetpointChange.delta(SetpointParameter.PULL_RATE, 20));
    assertEquals(TWIN.whatIf(synced, changes, HOUR), TWIN.whatIf(synced, changes, HOUR));
    WhatIfOutcome.Completed none = completed(TWIN.whatIf(synced, List.of(), HOUR));
    assertEquals(none.baseline(), none.scenario());
    assertEquals(0, none.delta().totalDefectsPerThousand(), 1e-12);
  }

  @Test
  void forecastRunsTheSetpointsInForce() {
    Trajectory t = TWIN.simulate(synced, 2 * HOUR);
    assertEquals(121, t.points().size());
    assertEquals(1560, t.summary().crownC(), 10);
    assertEquals(1100, t.summary().gobC(), 3);
    assertThrows(IllegalArgumentException.class, () -> TWIN.simulate(synced, -1));
  }

  @Test
  void longHorizonsAreSampledMoreCoarselySoACourseStaysBounded() {
    DigitalTwin tenPoints =
        DigitalTwin.container(
            new SimulationSettings(ObserverGains.defaults(), 10, 60, 10, 1500, 7 * 86_400));
    Trajectory t = tenPoints.simulate(synced, 2 * HOUR);
    assertEquals(11, t.points().size(), "the start and ten samples");
    assertEquals(720, t.sampleEveryS());
    assertEquals(2 * HOUR, t.points().get(10).timeS(), 1e-6);
    assertEquals(TWIN.simulate(synced, 2 * HOUR).summary(), t.summary(), "the same figures");
  }

  @Test
  void theNominalStartIsSettledOnceAndEqualsAFreshSettling() {
    assertEquals(TWIN.start("F9", Setpoints.nominal()), TWIN.start("F9"));
    assertTrue(TWIN.start("F9").furnace() == TWIN.start("F8").furnace(), "shared, not recomputed");
  }

  @Test
  void shadowOfTheActualSetpointsDoesNotDivergeButACandidateDoes() {
    PlantReadings readings = new PlantReadings("F1", 11, 3.0);
    FurnaceProcess plant = new FurnaceProcess(FurnaceParameters.container300Tpd());
    FurnaceState p = synced.furnace();
    TwinState t = synced;
    ShadowRun same = TWIN.startShadow(t, List.of());
    ShadowRun hotter =
        TWIN.startShadow(t, List.of(SetpointChange.delta(SetpointParameter.CROWN_TEMPERATURE, 30)));
    for (int i = 0; i < 720; i++) {
      p = plant.step(p, Setpoints.nominal(), Disturbances.NONE, 10);
      t = TWIN.sync(t, Setpoints.nominal(), readings.of(p.outputs()), 10);
      same = TWIN.shadowStep(same, t, 10);
      hotter = TWIN.shadowStep(hotter, t, 10);
    }
    ShadowReport sameReport = TWIN.shadowReport(same);
    ShadowReport hotterReport = TWIN.shadowReport(hotter);
    assertEquals(720, sameReport.samples());
    assertTrue(sameReport.rmsDivergence().get("crownC") < 2, sameReport.toString());
    assertTrue(sameReport.rmsDivergence().get("meltTopC") < 2);
    assertTrue(hotterReport.rmsDivergence().get("crownC") > 20);
    assertTrue(hotterReport.meanDifference().get("energyPerTonneGj") > 0);
    assertTrue(hotterReport.meanDifference().get("defects.seed") < 0);
  }

  @Test
  void shadowRejectsAnUnsafeCandidate() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TWIN.startShadow(
                synced, List.of(SetpointChange.absolute(SetpointParameter.GOB_TEMPERATURE, 900))));
  }
}
