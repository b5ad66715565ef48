package io.vitrum.core.twin;

import java.util.List;

/**
 * A simulated course of the line, sampled at a fixed interval from its start (time 0, the synced
 * state) to the horizon, and its figures averaged over the last part of the horizon.
 *
 * @param sampleEveryS seconds between points
 * @param points samples, time 0 first
 * @param summary figures averaged over the final window of the horizon (see {@link
 *     SimulationSettings})
 */
public record Trajectory(double sampleEveryS, List<TrajectoryPoint> points, Kpis summary) {
  public Trajectory {
    points = List.copyOf(points);
    if (summary == null) {
      throw new IllegalArgumentException("summary is required");
    }
  }
}
