package io.vitrum.actors.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.SetpointParameter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetpointRestoreTest {
  private static final Instant DEPLOYED = Instant.parse("2026-12-04T10:00:00Z");
  private static final SetpointParameter CROWN = SetpointParameter.CROWN_TEMPERATURE;

  @Test
  void putsBackWhatThePolicyFoundAtMostOneStepFromWhereItLeftIt() {
    double step = CROWN.maxStep();
    List<Recommendation> recs =
        List.of(
            // before this deployment: not its doing
            applied("F1.1", "lehrCoolingRate", 7, 6, DEPLOYED.minusSeconds(60)),
            applied("F1.2", CROWN.key(), 1560, 1560 - step, DEPLOYED.plusSeconds(600)),
            applied("F1.4", "electricBoost", 1.0, 1.25, DEPLOYED.plusSeconds(700)),
            applied("F1.3", CROWN.key(), 1560 - step, 1560 - 2 * step, DEPLOYED.plusSeconds(900)),
            applied("F1.5", "electricBoost", 1.25, 1.0, DEPLOYED.plusSeconds(1200)),
            new Recommendation(
                "F1.6",
                "policy/1",
                AutonomyMode.AUTONOMOUS,
                "excessO2",
                2.0,
                1.75,
                Map.of(),
                Map.of(),
                "failed",
                DEPLOYED,
                DEPLOYED,
                RecommendationStatus.FAILED,
                null,
                null,
                DEPLOYED,
                null,
                null));

    Map<String, Double> restores = SetpointRestore.of(recs, DEPLOYED);

    assertEquals(
        Map.of(CROWN.key(), 1560 - step), restores, "one step back; boost ended where it was");
    assertEquals(
        Map.of(CROWN.key(), 1560.0, "electricBoost", 1.0),
        SetpointRestore.of(recs.subList(0, 3), DEPLOYED));
    assertEquals(Map.of(), SetpointRestore.of(List.of(), DEPLOYED));
  }

  private static Recommendation applied(
      String id, String parameter, double current, double proposed, Instant at) {
    return new Recommendation(
        id,
        "policy/1",
        AutonomyMode.AUTONOMOUS,
        parameter,
        current,
        proposed,
        Map.of(),
        Map.of(),
        "test",
        at,
        at,
        RecommendationStatus.APPLIED,
        "policy/1",
        null,
        at,
        at,
        null);
  }
}
