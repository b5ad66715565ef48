package io.vitrum.core.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceParameters;
import io.vitrum.core.physics.FurnaceProcess;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.FurnaceTags;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StateObserverTest {
  private static final String FURNACE = "F1";
  private static final double SYNC_S = 10;
  private static final FurnaceProcess PLANT =
      new FurnaceProcess(FurnaceParameters.container300Tpd());
  private static final Setpoints SETPOINTS = Setpoints.nominal();

  /** Degraded burners, worn refractory the model knows nothing of, and a cullet swing. */
  private static final Disturbances FAULT =
      Disturbances.NONE.withBurnerEfficiency(0.9).withRefractoryWear(0.3).withCulletOffsetPct(-5);

  private static FurnaceState plantStart;

  @BeforeAll
  static void settlePlant() {
    plantStart = PLANT.step(PLANT.steadyState(SETPOINTS, FAULT), SETPOINTS, FAULT, 700);
  }

  private static DigitalTwin twin(ObserverGains gains) {
    return new DigitalTwin(
        FurnaceParameters.container300Tpd(),
        DefectModel.containerDefaults(),
        SimulationSettings.defaults().withGains(gains));
  }

  /** Runs plant and twin side by side for {@code hours}; returns the final twin and plant. */
  private static Pair follow(DigitalTwin twin, double hours) {
    PlantReadings readings = new PlantReadings(FURNACE, 42, 3.0);
    TwinState t = twin.start(FURNACE, SETPOINTS);
    FurnaceState p = plantStart;
    int steps = (int) Math.round(hours * 3600 / SYNC_S);
    for (int i = 0; i < steps; i++) {
      p = PLANT.step(p, SETPOINTS, FAULT, SYNC_S);
      t = twin.sync(t, SETPOINTS, readings.of(p.outputs()), SYNC_S);
    }
    return new Pair(t, p);
  }

  private record Pair(TwinState twin, FurnaceState plant) {}

  @Test
  void convergesToAPlantWithFaultsItDidNotKnow() {
    Pair open = follow(twin(ObserverGains.off()), 4);
    Pair closed = follow(twin(ObserverGains.defaults()), 4);
    double openBottom = open.twin().furnace().meltBottomC() - open.plant().meltBottomC();
    double closedBottom = closed.twin().furnace().meltBottomC() - closed.plant().meltBottomC();
    assertTrue(Math.abs(openBottom) > 15, "open-loop bottom error " + openBottom);
    assertTrue(Math.abs(closedBottom) < 3, "observed bottom error " + closedBottom);

    double openGas =
        open.twin().furnace().outputs().gasFlowNm3h() - open.plant().outputs().gasFlowNm3h();
    double closedGas =
        closed.twin().furnace().outputs().gasFlowNm3h() - closed.plant().outputs().gasFlowNm3h();
    assertTrue(Math.abs(openGas) > 150, "open-loop gas error " + openGas);
    assertTrue(Math.abs(closedGas) < 40, "observed gas error " + closedGas);

    FurnaceState est = closed.twin().furnace();
    FurnaceState real = closed.plant();
    assertEquals(real.crownC(), est.crownC(), 4);
    assertEquals(real.meltTopC(), est.meltTopC(), 5);
    assertEquals(real.gobC(), est.gobC(), 3);
    assertEquals(real.regeneratorLeftC(), est.regeneratorLeftC(), 5);
    assertEquals(real.firingSide(), est.firingSide());
    assertEquals(-5, closed.twin().disturbances().culletOffsetPct(), 0.1);
    double efficiency = closed.twin().disturbances().burnerEfficiency();
    assertTrue(efficiency < 0.9 && efficiency > 0.8, "efficiency absorbs burners and wear");
  }

  @Test
  void missingAndNonFiniteReadingsAreIgnored() {
    DigitalTwin twin = twin(ObserverGains.defaults());
    TwinState start = twin.start(FURNACE, SETPOINTS);
    TwinState blind = twin.sync(start, SETPOINTS, Map.of(), SYNC_S);
    Map<String, Double> junk = new HashMap<>();
    junk.put(FurnaceTags.crown(FURNACE, 1), Double.NaN);
    junk.put(FurnaceTags.bottom(FURNACE, 1), Double.POSITIVE_INFINITY);
    junk.put(FurnaceTags.gob(FURNACE), null);
    junk.put("F2.crown.T1", 900.0);
    TwinState ignored = twin.sync(start, SETPOINTS, junk, SYNC_S);
    assertEquals(blind.furnace(), ignored.furnace());
    assertTrue(ignored.innovations().isEmpty());
    assertEquals(1, ignored.syncs());
  }

  @Test
  void aSingleThermocoupleCorrectsPartOfTheWay() {
    DigitalTwin twin = twin(ObserverGains.defaults());
    TwinState start = twin.start(FURNACE, SETPOINTS);
    TwinState blind = twin.sync(start, SETPOINTS, Map.of(), SYNC_S);
    double measured = blind.furnace().crownC() + 20;
    TwinState seen =
        twin.sync(start, SETPOINTS, Map.of(FurnaceTags.crown(FURNACE, 3), measured), SYNC_S);
    double moved = seen.furnace().crownC() - blind.furnace().crownC();
    assertTrue(moved > 0 && moved < 20, "moved " + moved);
    assertEquals(20, seen.innovations().get("crownC"), 1e-9);
  }
}
