package io.vitrum.core.twin;

import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.plant.FurnaceTags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Which physical quantity of the lumped furnace model each process tag of one furnace reads. The
 * model has one crown and one bottom temperature, so every crown thermocouple reads the crown and
 * every bottom one the bottom; the plant adds each thermocouple's place in the tank on top (the
 * simulator draws it per furnace). Inspection counters are not process quantities and are absent.
 */
public final class TagQuantities {
  private TagQuantities() {}

  /** The quantity behind every process tag of {@code furnace}, keyed by tag id. */
  public static Map<String, ToDoubleFunction<FurnaceOutputs>> of(String furnace) {
    Map<String, ToDoubleFunction<FurnaceOutputs>> map = new HashMap<>();
    for (int i = 1; i <= FurnaceTags.CROWN_THERMOCOUPLES; i++) {
      map.put(FurnaceTags.crown(furnace, i), FurnaceOutputs::crownC);
    }
    for (int i = 1; i <= FurnaceTags.BOTTOM_THERMOCOUPLES; i++) {
      map.put(FurnaceTags.bottom(furnace, i), FurnaceOutputs::meltBottomC);
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

  /** Zone {@code index} of a zone list, or the last zone when the physics models fewer. */
  private static double zone(List<Double> zones, int index) {
    return zones.get(Math.min(index, zones.size() - 1));
  }
}
