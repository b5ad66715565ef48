package io.vitrum.core.physics;

import java.util.function.ToDoubleFunction;

/** Runs a settled line through whole firing cycles and reports means and extremes. */
final class CycleAverage {
  private static final double STEP_S = 5;

  private final FurnaceProcess process;
  private final Setpoints setpoints;
  private final Disturbances disturbances;
  private final FurnaceState start;

  CycleAverage(FurnaceProcess process, Setpoints setpoints, Disturbances disturbances) {
    this.process = process;
    this.setpoints = setpoints;
    this.disturbances = disturbances;
    this.start = process.steadyState(setpoints, disturbances);
  }

  FurnaceState start() {
    return start;
  }

  double mean(ToDoubleFunction<FurnaceOutputs> quantity) {
    return over(quantity, 0);
  }

  double min(ToDoubleFunction<FurnaceOutputs> quantity) {
    return over(quantity, -1);
  }

  double max(ToDoubleFunction<FurnaceOutputs> quantity) {
    return over(quantity, 1);
  }

  private double over(ToDoubleFunction<FurnaceOutputs> quantity, int mode) {
    FurnaceState s = start;
    int steps = (int) Math.round(2 * process.parameters().reversalPeriodS() / STEP_S);
    double sum = 0;
    double extreme = mode > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (int i = 0; i < steps; i++) {
      s = process.step(s, setpoints, disturbances, STEP_S);
      double v = quantity.applyAsDouble(s.outputs());
      sum += v;
      extreme = mode > 0 ? Math.max(extreme, v) : Math.min(extreme, v);
    }
    return mode == 0 ? sum / steps : extreme;
  }
}
