package io.vitrum.actors.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Command counters: one per (command, outcome, code), registered once and then reused. */
class EntityMetricsTest {

  @Test
  void countersAreRegisteredOnceAndReused() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EntityMetrics metrics = new EntityMetrics(registry, "furnace");
    for (int i = 0; i < 3; i++) {
      metrics.accepted("ChangeSetpoint");
      metrics.rejected("ChangeSetpoint", "out-of-bounds");
    }
    metrics.rejected("ChangeSetpoint", "step-too-large");

    assertEquals(3, registry.find("vitrum.entity.commands").counters().size());
    assertEquals(
        3.0,
        registry
            .get("vitrum.entity.commands")
            .tags("entity", "furnace", "command", "ChangeSetpoint", "outcome", "accepted")
            .tag("code", "none")
            .counter()
            .count());
    assertEquals(
        3.0, registry.get("vitrum.entity.commands").tag("code", "out-of-bounds").counter().count());
    assertEquals(
        1.0,
        registry.get("vitrum.entity.commands").tag("code", "step-too-large").counter().count());
  }
}
