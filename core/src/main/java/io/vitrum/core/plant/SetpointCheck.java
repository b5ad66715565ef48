package io.vitrum.core.plant;

import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The rules a supervisory setpoint change must pass, one check per rule, used by the Furnace for
 * commands, by the twin for what-ifs and shadow candidates, and by the HTTP edge to name fields.
 * Each check answers why the change must be refused, if it must.
 */
public final class SetpointCheck {
  private SetpointCheck() {}

  /** The parameter named {@code key}, or a rejection naming the known ones. */
  public static Optional<Rejection> known(String key) {
    if (SetpointParameter.byKey(key).isPresent()) {
      return Optional.empty();
    }
    return reject(
        RejectionCode.UNKNOWN_PARAMETER,
        "unknown setpoint parameter '" + key + "'; known: " + knownParameters());
  }

  /** {@code value} must be finite and inside the parameter's hard safe bounds. */
  public static Optional<Rejection> withinBounds(SetpointParameter p, double value) {
    if (!Double.isFinite(value)) {
      return reject(RejectionCode.NOT_FINITE, p.key() + " must be a finite number");
    }
    if (!p.withinBounds(value)) {
      return reject(
          RejectionCode.OUT_OF_BOUNDS,
          "%s %s %s is outside the safe bounds [%s, %s]"
              .formatted(p.key(), value, p.unit(), p.min(), p.max()));
    }
    return Optional.empty();
  }

  /** A step from {@code current} to {@code value} must not exceed the parameter's maximum step. */
  public static Optional<Rejection> step(SetpointParameter p, double current, double value) {
    if (Math.abs(value - current) > p.maxStep()) {
      return reject(
          RejectionCode.STEP_TOO_LARGE,
          "%s step from %s to %s %s exceeds the maximum step of %s"
              .formatted(p.key(), current, value, p.unit(), p.maxStep()));
    }
    return Optional.empty();
  }

  /** A change must state its reason, as well-formed text of bounded length. */
  public static Optional<Rejection> reason(String reason) {
    if (reason == null || reason.isBlank()) {
      return reject(RejectionCode.REASON_REQUIRED, "a setpoint change must state its reason");
    }
    return FreeText.check("reason", reason, FreeText.REASON_MAX);
  }

  /** Who asks must be named by well-formed text of bounded length. */
  public static Optional<Rejection> requester(String requestedBy) {
    return FreeText.check("requestedBy", requestedBy, FreeText.NAME_MAX);
  }

  /** A policy may change setpoints only while the furnace is autonomous. */
  public static Optional<Rejection> origin(
      String furnaceId, SetpointOrigin origin, AutonomyMode mode) {
    if (origin == SetpointOrigin.POLICY && mode != AutonomyMode.AUTONOMOUS) {
      return reject(
          RejectionCode.AUTONOMY_FORBIDS,
          "furnace " + furnaceId + " is in " + mode + " mode: a policy may not change setpoints");
    }
    return Optional.empty();
  }

  /**
   * The whole chain for a setpoint command, in order: known parameter, finite value, a reason and a
   * requester as well-formed text, safe bounds, maximum step from {@code current}, and the autonomy
   * mode for a policy.
   */
  public static Optional<Rejection> command(
      String furnaceId,
      String parameter,
      double value,
      double current,
      String reason,
      String requestedBy,
      SetpointOrigin origin,
      AutonomyMode mode) {
    Optional<Rejection> unknown = known(parameter);
    if (unknown.isPresent()) {
      return unknown;
    }
    SetpointParameter p = SetpointParameter.byKey(parameter).orElseThrow();
    if (!Double.isFinite(value)) {
      return withinBounds(p, value);
    }
    return reason(reason)
        .or(() -> requester(requestedBy))
        .or(() -> withinBounds(p, value))
        .or(() -> step(p, current, value))
        .or(() -> origin(furnaceId, origin, mode));
  }

  private static Optional<Rejection> reject(RejectionCode code, String reason) {
    return Optional.of(Rejection.of(code, reason));
  }

  private static String knownParameters() {
    return String.join(
        ", ", Arrays.stream(SetpointParameter.values()).map(SetpointParameter::key).toList());
  }
}
