package io.vitrum.core.sim;

import io.vitrum.core.plant.Reading;

/**
 * Receives what a {@link PlantSimulator} produces while it advances, in simulated-time order and on
 * the caller's thread. Implementations should be cheap: they run inside the simulation loop.
 */
@FunctionalInterface
public interface SimulationListener {

  /** A sample of one tag. */
  void onReading(Reading reading);

  /** A rejected item with its true cause; ignored unless overridden. */
  default void onDefect(DefectEvent defect) {}
}
