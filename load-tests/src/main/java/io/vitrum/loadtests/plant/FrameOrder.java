package io.vitrum.loadtests.plant;

import io.vitrum.core.sim.InspectionClass;
import java.time.Instant;
import java.util.Objects;

/**
 * One inspected item whose frame is still to be rendered and sent: small, so the queue of orders
 * stays cheap while Kafka is down.
 *
 * @param furnace the line (furnace id)
 * @param item the item's sequence number on its line, from 1
 * @param ts when it was inspected
 * @param inspectionClass its true class
 * @param seed the renderer seed of its frame
 */
public record FrameOrder(
    String furnace, long item, Instant ts, InspectionClass inspectionClass, long seed) {
  public FrameOrder {
    Objects.requireNonNull(furnace, "furnace");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(inspectionClass, "inspectionClass");
  }
}
