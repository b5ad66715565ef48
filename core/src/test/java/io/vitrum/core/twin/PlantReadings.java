package io.vitrum.core.twin;

import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.plant.FurnaceTags;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Turns a simulated plant's outputs into tag readings with Gaussian thermocouple noise. */
final class PlantReadings {
  private final String furnaceId;
  private final Random random;
  private final double noiseK;

  PlantReadings(String furnaceId, long seed, double noiseK) {
    this.furnaceId = furnaceId;
    this.random = new Random(seed);
    this.noiseK = noiseK;
  }

  Map<String, Double> of(FurnaceOutputs o) {
    Map<String, Double> r = new HashMap<>();
    for (int i = 1; i <= FurnaceTags.CROWN_THERMOCOUPLES; i++) {
      r.put(FurnaceTags.crown(furnaceId, i), noisy(o.crownC()));
    }
    for (int i = 1; i <= FurnaceTags.BOTTOM_THERMOCOUPLES; i++) {
      r.put(FurnaceTags.bottom(furnaceId, i), noisy(o.meltBottomC()));
    }
    r.put(FurnaceTags.throat(furnaceId), noisy(o.throatC()));
    r.put(FurnaceTags.regeneratorTop(furnaceId, 'L'), noisy(o.regeneratorLeftTopC()));
    r.put(FurnaceTags.regeneratorTop(furnaceId, 'R'), noisy(o.regeneratorRightTopC()));
    r.put(FurnaceTags.gob(furnaceId), noisy(o.gobC()));
    r.put(FurnaceTags.gasFlow(furnaceId), o.gasFlowNm3h() * (1 + 0.005 * random.nextGaussian()));
    r.put(FurnaceTags.glassLevel(furnaceId), o.glassLevelMm() + 0.02 * random.nextGaussian());
    r.put(FurnaceTags.culletFraction(furnaceId), o.culletFractionPct());
    r.put(FurnaceTags.pullRate(furnaceId), o.pullRateTpd());
    r.put(FurnaceTags.boost(furnaceId), o.boostMw());
    return r;
  }

  private double noisy(double value) {
    return value + noiseK * random.nextGaussian();
  }
}
