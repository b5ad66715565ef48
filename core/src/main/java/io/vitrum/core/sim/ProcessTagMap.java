package io.vitrum.core.sim;

import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.plant.FurnaceTags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Which physical quantity each process tag of one furnace measures. The lumped physics has one
 * crown and one bottom temperature; the thermocouples along the tank see a fixed spatial profile
 * around them (hot spot two-thirds along the crown, warmer bottom in the middle), drawn per furnace
 * so no two furnaces read alike. Inspection counters are not process quantities and are absent
 * here.
 */
final class ProcessTagMap {
  private static final double[] CROWN_PROFILE_K = {-28, -14, 0, 12, 8, -10};
  private static final double[] BOTTOM_PROFILE_K = {-18, -8, 2, 8, 10, 6, -4, -14};
  private static final double PROFILE_JITTER_K = 3;

  private ProcessTagMap() {}

  /** The quantity behind every process tag of {@code furnace}, keyed by tag id. */
  static Map<String, ToDoubleFunction<FurnaceOutputs>> of(String furnace, SplittableRandom random) {
    Map<String, ToDoubleFunction<FurnaceOutputs>> map = new HashMap<>();
    for (int i = 1; i <= FurnaceTags.CROWN_THERMOCOUPLES; i++) {
      double offset = profile(CROWN_PROFILE_K, i - 1, FurnaceTags.CROWN_THERMOCOUPLES, random);
      map.put(FurnaceTags.crown(furnace, i), o -> o.crownC() + offset);
    }
    for (int i = 1; i <= FurnaceTags.BOTTOM_THERMOCOUPLES; i++) {
      double offset = profile(BOTTOM_PROFILE_K, i - 1, FurnaceTags.BOTTOM_THERMOCOUPLES, random);
      map.put(FurnaceTags.bottom(furnace, i), o -> o.meltBottomC() + offset);
    }
    map.put(FurnaceTags.throat(furnace), FurnaceOutputs::throatC);
    map.put(FurnaceTags.regeneratorTop(furnace, 'L'), FurnaceOutputs::regeneratorLeftTopC);
    map.put(FurnaceTags.regeneratorTop(furnace, 'R'), FurnaceOutputs::regeneratorRightTopC);
    map.put(FurnaceTags.flueTemperature(furnace), FurnaceOutputs::flueC);
    map.put(FurnaceTags.gasFlow(furnace), FurnaceOutputs::gasFlowNm3h);
    map.put(FurnaceTags.airFlow(furnace), FurnaceOutputs::airFlowNm3h);
    map.put(FurnaceTags.flueO2(furnace), FurnaceOutputs::flueO2Pct);
    map.put(FurnaceTags.flueCo(furnace), FurnaceOutputs::flueCoPpm);
    map.put(FurnaceTags.crownPressure(furnace), FurnaceOutputs::crownPressurePa);
    map.put(FurnaceTags.glassLevel(furnace), FurnaceOutputs::glassLevelMm);
    map.put(FurnaceTags.boost(furnace), FurnaceOutputs::boostMw);
    map.put(FurnaceTags.batchRate(furnace), FurnaceOutputs::batchRateTph);
    map.put(FurnaceTags.culletFraction(furnace), FurnaceOutputs::culletFractionPct);
    map.put(FurnaceTags.pullRate(furnace), FurnaceOutputs::pullRateTpd);
    for (int z = 1; z <= FurnaceTags.FOREHEARTH_ZONES; z++) {
      int index = z - 1;
      map.put(FurnaceTags.forehearth(furnace, z), o -> zone(o.forehearthC(), index));
    }
    map.put(FurnaceTags.gob(furnace), FurnaceOutputs::gobC);
    for (int z = 1; z <= FurnaceTags.LEHR_ZONES; z++) {
      int index = z - 1;
      map.put(FurnaceTags.lehr(furnace, z), o -> zone(o.lehrC(), index));
    }
    return map;
  }

  private static double profile(double[] base, int index, int count, SplittableRandom random) {
    double nominal = index < base.length && count == base.length ? base[index] : 0;
    return nominal + random.nextDouble(-PROFILE_JITTER_K, PROFILE_JITTER_K);
  }

  /** Zone {@code index} of a zone list, or the last zone when the physics models fewer. */
  private static double zone(List<Double> zones, int index) {
    return zones.get(Math.min(index, zones.size() - 1));
  }
}
