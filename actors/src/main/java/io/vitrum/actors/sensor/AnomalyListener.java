package io.vitrum.actors.sensor;

import io.vitrum.core.plant.AnomalyLevel;
import java.time.Instant;

/**
 * Told after a sensor has persisted an anomaly transition, e.g. to raise or clear the alarm on its
 * furnace. Delivery is at most once: a listener must not be the only record of the transition (the
 * sensor's journal is).
 */
public interface AnomalyListener {
  /** A listener that ignores transitions. */
  AnomalyListener NONE =
      new AnomalyListener() {
        @Override
        public void raised(
            String tag, String furnace, AnomalyLevel level, double value, Instant ts) {}

        @Override
        public void cleared(String tag, String furnace, double value, Instant ts) {}
      };

  void raised(String tag, String furnace, AnomalyLevel level, double value, Instant ts);

  void cleared(String tag, String furnace, double value, Instant ts);
}
