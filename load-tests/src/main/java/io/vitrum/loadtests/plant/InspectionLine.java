package io.vitrum.loadtests.plant;

import io.vitrum.core.sim.DefectEvent;
import io.vitrum.core.sim.InspectionClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The MIK-1 machine of one line as the camera sees it: counts the items inspected in each step the
 * way the simulator does ({@code itemsPerMinute / 60} per second, whole items, the rest carried
 * over), makes the step's defects of this line the rejected items and the rest good ones, in a
 * shuffled order, and gives every item a sequence number and a renderer seed. Deterministic for a
 * given seed and sequence of steps; not thread-safe.
 */
final class InspectionLine {
  private final String furnace;
  private final double itemsPerSecond;
  private final SplittableRandom random;
  private double backlog;
  private long item;
  private Instant last;

  InspectionLine(String furnace, double itemsPerMinute, SplittableRandom random) {
    this.furnace = furnace;
    this.itemsPerSecond = itemsPerMinute / 60.0;
    this.random = random;
  }

  /** The items of {@code step} on this line. */
  List<FrameOrder> inspect(PlantStep step) {
    double dtSeconds = last == null ? 0 : Duration.between(last, step.ts()).toMillis() / 1000.0;
    last = step.ts();
    List<InspectionClass> classes = new ArrayList<>();
    for (DefectEvent d : step.defects()) {
      if (d.furnace().equals(furnace)) {
        classes.add(d.defectClass());
      }
    }
    if (dtSeconds > 0) {
      backlog += itemsPerSecond * dtSeconds;
      int items = (int) backlog;
      backlog -= items;
      while (classes.size() < items) {
        classes.add(InspectionClass.NONE);
      }
    }
    for (int i = classes.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      classes.set(i, classes.set(j, classes.get(i)));
    }
    List<FrameOrder> orders = new ArrayList<>(classes.size());
    for (InspectionClass c : classes) {
      orders.add(new FrameOrder(furnace, ++item, step.ts(), c, random.nextLong()));
    }
    return orders;
  }
}
