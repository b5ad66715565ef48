package io.vitrum.actors.sensor;

import io.vitrum.core.CborSerializable;
import io.vitrum.core.features.TumblingWindow;
import java.time.Duration;
import java.time.Instant;

/**
 * What a sensor knows about its recent readings: the last accepted value and its time, the tumbling
 * window statistics and lifetime counts. Held live in the entity and persisted at checkpoints,
 * never once per reading.
 */
public record SensorWindow(
    Double lastValue, Instant lastTs, TumblingWindow stats, long accepted, long rejected)
    implements CborSerializable {

  static SensorWindow empty(Duration length) {
    return new SensorWindow(null, null, TumblingWindow.of(length), 0, 0);
  }

  SensorWindow accept(Instant ts, double value) {
    return new SensorWindow(value, ts, stats.add(ts, value), accepted + 1, rejected);
  }

  SensorWindow reject(int count) {
    return new SensorWindow(lastValue, lastTs, stats, accepted, rejected + count);
  }
}
