package io.vitrum.core.sim;

import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.twin.TagQuantities;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Which physical quantity each process tag of one furnace measures: the twin's {@link
 * TagQuantities}, with the thermocouples along the tank seeing a fixed spatial profile around the
 * lumped crown and bottom temperatures (hot spot two-thirds along the crown, warmer bottom in the
 * middle), drawn per furnace so no two furnaces read alike. Inspection counters are not process
 * quantities and are absent here.
 */
final class ProcessTagMap {
  private static final double[] CROWN_PROFILE_K = {-28, -14, 0, 12, 8, -10};
  private static final double[] BOTTOM_PROFILE_K = {-18, -8, 2, 8, 10, 6, -4, -14};
  private static final double PROFILE_JITTER_K = 3;

  private ProcessTagMap() {}

  /** The quantity behind every process tag of {@code furnace}, keyed by tag id. */
  static Map<String, ToDoubleFunction<FurnaceOutputs>> of(String furnace, SplittableRandom random) {
    Map<String, ToDoubleFunction<FurnaceOutputs>> map = new HashMap<>(TagQuantities.of(furnace));
    for (int i = 1; i <= FurnaceTags.CROWN_THERMOCOUPLES; i++) {
      double offset = profile(CROWN_PROFILE_K, i - 1, FurnaceTags.CROWN_THERMOCOUPLES, random);
      map.put(FurnaceTags.crown(furnace, i), o -> o.crownC() + offset);
    }
    for (int i = 1; i <= FurnaceTags.BOTTOM_THERMOCOUPLES; i++) {
      double offset = profile(BOTTOM_PROFILE_K, i - 1, FurnaceTags.BOTTOM_THERMOCOUPLES, random);
      map.put(FurnaceTags.bottom(furnace, i), o -> o.meltBottomC() + offset);
    }
    return map;
  }

  private static double profile(double[] base, int index, int count, SplittableRandom random) {
    double nominal = index < base.length && count == base.length ? base[index] : 0;
    return nominal + random.nextDouble(-PROFILE_JITTER_K, PROFILE_JITTER_K);
  }
}
