package io.vitrum.core.rl;

import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One episode on the twin: where the operators left the setpoints, and the disturbances injected
 * over the episode. {@link #random} draws one from a seed: the controlled setpoints somewhere
 * around nominal, an initial fault state, and two or three faults that ramp in over an hour each
 * (burner fouling, wet batch, a cullet swing, a lehr fan, refractory wear). Training and held-out
 * evaluation use disjoint seeds.
 *
 * @param name what was injected, for reports
 * @param seed the seed it was drawn from
 * @param start the setpoints at the start, held by the base controllers until a policy acts
 * @param course the disturbances over time
 */
public record EpisodeScenario(String name, long seed, Setpoints start, DisturbanceCourse course) {

  private static final double RAMP_S = 3600;

  /** A scenario drawn from {@code seed} for an episode of {@code durationS}. */
  public static EpisodeScenario random(long seed, double durationS) {
    Random rnd = new Random(seed);
    Setpoints start =
        Setpoints.nominal()
            .with(SetpointParameter.CROWN_TEMPERATURE, 1540 + 40 * rnd.nextDouble())
            .with(SetpointParameter.EXCESS_O2, 1.5 + 1.5 * rnd.nextDouble())
            .with(SetpointParameter.ELECTRIC_BOOST, 0.5 + rnd.nextDouble())
            .with(SetpointParameter.LEHR_COOLING_RATE, 6 + 3 * rnd.nextDouble());
    Disturbances initial =
        new Disturbances(
            0.95 + 0.05 * rnd.nextDouble(),
            0.05 * rnd.nextDouble(),
            rnd.nextGaussian() * 1.5,
            0.95 + 0.1 * rnd.nextDouble(),
            rnd.nextDouble(),
            0.3 * rnd.nextDouble());
    List<DisturbanceCourse.Keyframe> keyframes = new ArrayList<>();
    keyframes.add(new DisturbanceCourse.Keyframe(0, initial));
    List<String> faults = new ArrayList<>();
    Disturbances d = initial;
    int events = 2 + rnd.nextInt(2);
    double t = 0;
    for (int i = 0; i < events; i++) {
      double onset =
          Math.max(t + 1, t + (durationS - RAMP_S - t) * rnd.nextDouble() / (events - i));
      keyframes.add(new DisturbanceCourse.Keyframe(onset, d));
      d = inject(d, rnd, faults);
      keyframes.add(new DisturbanceCourse.Keyframe(onset + RAMP_S, d));
      t = onset + RAMP_S;
    }
    return new EpisodeScenario(
        String.join(", ", faults), seed, start, new DisturbanceCourse(keyframes));
  }

  private static Disturbances inject(Disturbances d, Random rnd, List<String> faults) {
    switch (rnd.nextInt(5)) {
      case 0 -> {
        double eff = Math.max(0.88, d.burnerEfficiency() - 0.02 - 0.05 * rnd.nextDouble());
        faults.add("burner fouling to %.2f".formatted(eff));
        return d.withBurnerEfficiency(eff);
      }
      case 1 -> {
        double moisture = Math.min(0.15, d.batchMoisture() + 0.03 + 0.07 * rnd.nextDouble());
        faults.add("wet batch %.2f".formatted(moisture));
        return d.withBatchMoisture(moisture);
      }
      case 2 -> {
        double swing = (rnd.nextBoolean() ? 1 : -1) * (2 + 4 * rnd.nextDouble());
        faults.add("cullet swing %+.1f %%".formatted(swing));
        return d.withCulletOffsetPct(swing);
      }
      case 3 -> {
        double uneven = Math.min(4, d.lehrUnevennessK() + 1 + 2 * rnd.nextDouble());
        faults.add("lehr fan, %.1f K across the belt".formatted(uneven));
        return d.withLehrUnevennessK(uneven);
      }
      default -> {
        double wear = Math.min(0.6, d.refractoryWear() + 0.1 + 0.2 * rnd.nextDouble());
        faults.add("refractory wear %.2f".formatted(wear));
        return d.withRefractoryWear(wear);
      }
    }
  }
}
