package io.vitrum.streams.rootcause;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrum.core.causal.Subject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentTriggersTest {
  private final IncidentTriggers triggers =
      new IncidentTriggers(
          null,
          null,
          furnace -> furnace.equals("F1") ? Optional.of("stone") : Optional.empty(),
          Duration.ofSeconds(1));

  @Test
  void alarmsMapToWhatTheIncidentIsAbout() {
    assertEquals(Optional.of(Subject.defect("crack")), triggers.subject("F1", "rate:crack"));
    assertEquals(Optional.empty(), triggers.subject("F1", "rate:nonsense"));
    assertEquals(
        Optional.of(Subject.defect("bubble")), triggers.subject("F1", "F1.insp.reject.bubble"));
    assertEquals(Optional.of(Subject.defect("stone")), triggers.subject("F1", "model:defect-risk"));
    assertEquals(Optional.empty(), triggers.subject("F2", "model:defect-risk"), "no forecast yet");
    assertEquals(
        Optional.of(Subject.anomaly("F1.crown.T3")), triggers.subject("F1", "F1.crown.T3"));
    assertEquals(
        Optional.of(Subject.anomaly("F1.glass.level")),
        triggers.subject("F1", "model:sensor:F1.glass.level"));
    assertEquals(Optional.empty(), triggers.subject("F1", "F2.crown.T3"), "another furnace's tag");
    assertEquals(Optional.empty(), triggers.subject("F1", "model:process-fault"));
    assertEquals(Optional.empty(), triggers.subject("F1", "F1.insp.inspected"));
  }
}
