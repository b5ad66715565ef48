package io.vitrum.core.rl;

import io.vitrum.core.physics.Disturbances;
import java.util.List;

/**
 * Disturbances over an episode: keyframes in time order, linear in between, the last one held.
 *
 * @param keyframes at least one, the first at 0 s
 */
public record DisturbanceCourse(List<Keyframe> keyframes) {

  /** The disturbances reached at {@code timeS}. */
  public record Keyframe(double timeS, Disturbances disturbances) {}

  public DisturbanceCourse {
    keyframes = List.copyOf(keyframes);
    if (keyframes.isEmpty() || keyframes.get(0).timeS() != 0) {
      throw new IllegalArgumentException("a course starts with a keyframe at 0 s");
    }
    for (int i = 1; i < keyframes.size(); i++) {
      if (!(keyframes.get(i).timeS() > keyframes.get(i - 1).timeS())) {
        throw new IllegalArgumentException("keyframes must be in increasing time");
      }
    }
  }

  /** The same disturbances throughout. */
  public static DisturbanceCourse constant(Disturbances disturbances) {
    return new DisturbanceCourse(List.of(new Keyframe(0, disturbances)));
  }

  /** The disturbances at {@code timeS}. */
  public Disturbances at(double timeS) {
    Keyframe before = keyframes.get(0);
    for (Keyframe k : keyframes) {
      if (k.timeS() > timeS) {
        double f = (timeS - before.timeS()) / (k.timeS() - before.timeS());
        return blend(before.disturbances(), k.disturbances(), f);
      }
      before = k;
    }
    return before.disturbances();
  }

  private static Disturbances blend(Disturbances a, Disturbances b, double f) {
    return new Disturbances(
        a.burnerEfficiency() + f * (b.burnerEfficiency() - a.burnerEfficiency()),
        a.batchMoisture() + f * (b.batchMoisture() - a.batchMoisture()),
        a.culletOffsetPct() + f * (b.culletOffsetPct() - a.culletOffsetPct()),
        a.lehrCoolingFactor() + f * (b.lehrCoolingFactor() - a.lehrCoolingFactor()),
        a.lehrUnevennessK() + f * (b.lehrUnevennessK() - a.lehrUnevennessK()),
        a.refractoryWear() + f * (b.refractoryWear() - a.refractoryWear()));
  }
}
