package io.vitrum.core.twin;

/**
 * The figures of a simulated line at one instant.
 *
 * @param timeS seconds from the start of the simulation
 * @param kpis the figures at that instant
 */
public record TrajectoryPoint(double timeS, Kpis kpis) {
  public TrajectoryPoint {
    if (kpis == null) {
      throw new IllegalArgumentException("kpis are required");
    }
  }
}
