package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.TwinState;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyAdvisorTest {
  private final SafetyShield shield = SafetyShield.containerDefaults();
  private final DigitalTwin twin = DigitalTwin.containerDefaults();
  private final PolicyAdvisor advisor = new PolicyAdvisor(shield, twin);
  private final TwinState state = twin.start("F1");

  @Test
  void aWildActionIsProposedOnlyAsFarAsTheShieldAllows() {
    // Fifty steps down the crown, NaN for O2, a hundred steps up boost, lehr held.
    PolicyFunction wild = obs -> new double[] {-50, Double.NaN, 100, 0};
    Setpoints current = Setpoints.nominal();
    PolicyAdvisor.Decision d = advisor.decide(wild, "policy/9", state, current);

    List<SetpointParameter> moved =
        d.advice().stream().map(PolicyAdvisor.Advice::parameter).toList();
    assertEquals(
        List.of(SetpointParameter.CROWN_TEMPERATURE, SetpointParameter.ELECTRIC_BOOST), moved);
    for (PolicyAdvisor.Advice a : d.advice()) {
      double step = shield.limit(a.parameter()).maxStep();
      assertTrue(Math.abs(a.proposed() - a.current()) <= step + 1e-9, a.toString());
      assertTrue(shield.limit(a.parameter()).contains(a.proposed()), a.toString());
      assertTrue(a.reason().startsWith("policy/9 moves " + a.parameter().key()), a.reason());
    }
    assertTrue(shield.violations(current, d.shielded().setpoints()).isEmpty());
    assertTrue(d.shielded().interventions() >= 3, d.shielded().reasons().toString());
  }

  @Test
  void aLowerCrownIsExpectedByTheTwinToSaveEnergy() {
    PolicyFunction cooler = obs -> new double[] {-1, 0, 0, 0};
    PolicyAdvisor.Advice a =
        advisor.decide(cooler, "policy/1", state, Setpoints.nominal()).advice().get(0);
    assertEquals(SetpointParameter.CROWN_TEMPERATURE, a.parameter());
    assertEquals(a.current() - 10, a.proposed(), 1e-9);
    assertTrue(a.expectedEffect().get(PolicyKpis.ENERGY) < 0, a.expectedEffect().toString());
    assertTrue(
        a.reason().startsWith("policy/1 moves crownTemperature from 1560.00 to 1550.00 degC"),
        "an operator reads the setpoints as the furnace shows them: " + a.reason());
  }

  @Test
  void movesInsideTheDeadbandAreNotProposed() {
    PolicyFunction timid = obs -> new double[] {0.1, -0.2, 0.24, -0.1};
    assertTrue(advisor.decide(timid, "policy/1", state, Setpoints.nominal()).advice().isEmpty());
  }
}
