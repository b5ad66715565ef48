package io.vitrum.core.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.rejection.RejectionKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetpointCheckTest {
  private static final double NOMINAL = SetpointParameter.CROWN_TEMPERATURE.nominal();

  private static Optional<RejectionCode> command(
      String parameter, double value, String reason, SetpointOrigin origin, AutonomyMode mode) {
    return SetpointCheck.command("F1", parameter, value, NOMINAL, reason, "alice", origin, mode)
        .map(Rejection::code);
  }

  private static Optional<RejectionCode> operator(String parameter, double value, String reason) {
    return command(parameter, value, reason, SetpointOrigin.OPERATOR, AutonomyMode.ADVISORY);
  }

  @Test
  void acceptsAChangeWithinBoundsStepAndMode() {
    assertEquals(Optional.empty(), operator("crownTemperature", NOMINAL + 25, "seeds"));
    assertEquals(
        Optional.empty(),
        command(
            "crownTemperature",
            NOMINAL - 10,
            "policy",
            SetpointOrigin.POLICY,
            AutonomyMode.AUTONOMOUS));
  }

  @Test
  void checksEachRuleInOrder() {
    assertEquals(Optional.of(RejectionCode.UNKNOWN_PARAMETER), operator("crownTemp", 1, ""));
    assertEquals(
        Optional.of(RejectionCode.NOT_FINITE), operator("crownTemperature", Double.NaN, ""));
    assertEquals(
        Optional.of(RejectionCode.REASON_REQUIRED), operator("crownTemperature", 1900, " "));
    assertEquals(
        Optional.of(RejectionCode.INVALID_TEXT), operator("crownTemperature", 1570, "bad\uD800"));
    assertEquals(Optional.of(RejectionCode.OUT_OF_BOUNDS), operator("crownTemperature", 1900, "r"));
    assertEquals(
        Optional.of(RejectionCode.STEP_TOO_LARGE), operator("crownTemperature", NOMINAL + 26, "r"));
    assertEquals(
        Optional.of(RejectionCode.AUTONOMY_FORBIDS),
        command("crownTemperature", NOMINAL, "r", SetpointOrigin.POLICY, AutonomyMode.SUPERVISED));
  }

  @Test
  void theRequesterIsBoundedText() {
    Optional<Rejection> rejection =
        SetpointCheck.command(
            "F1",
            "crownTemperature",
            NOMINAL,
            NOMINAL,
            "r",
            "x".repeat(FreeText.NAME_MAX + 1),
            SetpointOrigin.INTEGRATOR,
            AutonomyMode.ADVISORY);
    assertEquals(RejectionCode.INVALID_TEXT, rejection.orElseThrow().code());
    assertTrue(rejection.get().reason().startsWith("requestedBy"), rejection.get()::reason);
  }

  @Test
  void reasonsNameTheValueAndTheRule() {
    Rejection bounds =
        SetpointCheck.withinBounds(SetpointParameter.CROWN_TEMPERATURE, 1900).orElseThrow();
    assertEquals(
        "crownTemperature 1900.0 degC is outside the safe bounds [1450.0, 1650.0]",
        bounds.reason());
    assertEquals(RejectionKind.UNPROCESSABLE, bounds.kind());
    Rejection unknown = SetpointCheck.known("x").orElseThrow();
    assertTrue(unknown.reason().contains("crownTemperature"), unknown::reason);
  }
}
