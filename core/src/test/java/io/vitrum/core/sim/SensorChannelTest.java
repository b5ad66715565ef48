package io.vitrum.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.TagSpec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SensorChannelTest {
  private static final TagSpec CROWN =
      FurnaceTags.of("F1").stream().filter(t -> t.tag().equals("F1.crown.T1")).findFirst().get();
  private static final double TRUTH = 1560;

  private static SensorChannel healthy() {
    return new SensorChannel(CROWN, SensorCharacteristics.typicalFor(CROWN), 0);
  }

  @Test
  void healthyReadingsScatterAroundTheTruthAtTheResolution() {
    SensorChannel channel = healthy();
    SplittableRandom random = new SplittableRandom(1);
    double sum = 0;
    int n = 3600;
    for (int s = 0; s < n; s++) {
      double v = channel.sample(TRUTH, s * 1000L, random);
      assertEquals(0, Math.abs(v * 10 - Math.rint(v * 10)), 1e-9, "0.1 degC resolution");
      assertTrue(Math.abs(v - TRUTH) < 6, "noise and wander stay small: " + v);
      sum += v;
    }
    assertEquals(TRUTH, sum / n, 1.5);
  }

  @Test
  void dueAtItsSamplingPeriod() {
    TagSpec lehr =
        FurnaceTags.of("F1").stream().filter(t -> t.tag().equals("F1.lehr.Z1")).findFirst().get();
    SensorChannel channel = new SensorChannel(lehr, SensorCharacteristics.typicalFor(lehr), 0);
    assertTrue(channel.isDue(0));
    assertFalse(channel.isDue(1000));
    assertTrue(channel.isDue(10_000));
  }

  @Test
  void stuckSensorRepeatsItsLastHealthyValue() {
    SensorChannel channel = healthy();
    SplittableRandom random = new SplittableRandom(2);
    double last = channel.sample(TRUTH, 0, random);
    channel.setFault(new StuckValue(), 1000);
    for (int s = 1; s < 100; s++) {
      assertEquals(last, channel.sample(TRUTH + s, s * 1000L, random));
    }
    channel.setFault(null, 100_000);
    assertTrue(Math.abs(channel.sample(TRUTH + 100, 100_000, random) - (TRUTH + 100)) < 6);
  }

  @Test
  void thermocoupleDriftGrowsLinearly() {
    SensorChannel channel = healthy();
    SplittableRandom random = new SplittableRandom(3);
    channel.setFault(new ThermocoupleDrift(20), 0);
    double late = channel.sample(TRUTH, 3 * 3600_000L, random);
    assertEquals(TRUTH + 60, late, 6);
  }

  @Test
  void dropoutLosesSamplesAndSpikesLeaveTheRange() {
    SensorChannel channel = healthy();
    SplittableRandom random = new SplittableRandom(4);
    channel.setFault(new Dropout(1), 0);
    assertTrue(Double.isNaN(channel.sample(TRUTH, 0, random)));
    channel.setFault(new Spike(1, 1000), 1000);
    double spiked = channel.sample(TRUTH, 1000, random);
    assertEquals(1000, Math.abs(spiked - TRUTH), 6);
    channel.setFault(new Spike(1, 1000), 1000);
    boolean outside = false;
    for (int s = 2; s < 50; s++) {
      outside |= channel.sample(TRUTH, s * 1000L, random) > CROWN.max();
    }
    assertTrue(outside, "an upward spike from 1560 degC exceeds the 1800 degC range");
  }

  @Test
  void healthyReadingsSaturateAtTheRange() {
    SensorChannel channel = healthy();
    assertEquals(CROWN.max(), channel.sample(5000, 0, new SplittableRandom(5)));
  }
}
