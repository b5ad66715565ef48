package io.vitrum.core.rejection;

/**
 * Every stable, machine-readable rejection code, with the class of refusal it belongs to. The wire
 * form ({@link #wire()}) is part of the public API (problem documents, reading rejections, metric
 * labels): never rename one.
 */
public enum RejectionCode {
  // ---- readings ----
  /** A value that is NaN or infinite. */
  NOT_FINITE("not-finite", RejectionKind.UNPROCESSABLE),
  BELOW_PHYSICAL_MIN("below-physical-min", RejectionKind.UNPROCESSABLE),
  ABOVE_PHYSICAL_MAX("above-physical-max", RejectionKind.UNPROCESSABLE),
  TIMESTAMP_IN_FUTURE("timestamp-in-future", RejectionKind.UNPROCESSABLE),
  /** A timestamp before the earliest instant the engine accepts. */
  TIMESTAMP_TOO_OLD("timestamp-too-old", RejectionKind.UNPROCESSABLE),
  /** A timestamp not after the last accepted one (readings and twin syncs). */
  NOT_NEWER_THAN_LAST("not-newer-than-last", RejectionKind.UNPROCESSABLE),
  /** A reading for a sensor that has no configuration yet. */
  NOT_CONFIGURED("not-configured", RejectionKind.CONFLICT),

  // ---- configuration and free text ----
  INVALID_CONFIG("invalid-config", RejectionKind.UNPROCESSABLE),
  /** A free-text field that is too long or not well-formed Unicode. */
  INVALID_TEXT("invalid-text", RejectionKind.UNPROCESSABLE),

  // ---- setpoints ----
  UNKNOWN_PARAMETER("unknown-parameter", RejectionKind.UNPROCESSABLE),
  REASON_REQUIRED("reason-required", RejectionKind.UNPROCESSABLE),
  OUT_OF_BOUNDS("out-of-bounds", RejectionKind.UNPROCESSABLE),
  STEP_TOO_LARGE("step-too-large", RejectionKind.UNPROCESSABLE),
  DUPLICATE_PARAMETER("duplicate-parameter", RejectionKind.UNPROCESSABLE),
  /** A policy's change while the furnace is not in autonomous mode. */
  AUTONOMY_FORBIDS("autonomy-forbids", RejectionKind.CONFLICT),
  UNKNOWN_MODE("unknown-mode", RejectionKind.UNPROCESSABLE),
  /** Setpoints in a twin sync that are unknown or outside their bounds. */
  INVALID_SETPOINT("invalid-setpoint", RejectionKind.UNPROCESSABLE),

  // ---- alarms ----
  UNKNOWN_ALARM("unknown-alarm", RejectionKind.NOT_FOUND),

  // ---- twin ----
  HORIZON_INVALID("horizon-invalid", RejectionKind.UNPROCESSABLE),
  SIMULATION_FAILED("simulation-failed", RejectionKind.UNPROCESSABLE),
  SCENARIO_NOT_FOUND("scenario-not-found", RejectionKind.NOT_FOUND),
  /** The entity already runs as much work of this kind as it may. */
  BUSY("busy", RejectionKind.BUSY),

  // ---- ingest (validation before Kafka; quarantined with the original payload) ----
  /** A payload that cannot be decoded (not JSON, wrong shape, bad protobuf, bad registers). */
  MALFORMED_PAYLOAD("malformed-payload", RejectionKind.BAD_REQUEST),
  /** A payload larger than the source accepts. */
  PAYLOAD_TOO_LARGE("payload-too-large", RejectionKind.BAD_REQUEST),
  /** A tag the tag map does not name. */
  UNKNOWN_TAG("unknown-tag", RejectionKind.NOT_FOUND),
  /** A reading whose unit is not the tag's configured unit. */
  UNIT_MISMATCH("unit-mismatch", RejectionKind.UNPROCESSABLE),
  /** A change faster than the sensor can physically follow. */
  IMPOSSIBLE_RATE("impossible-rate", RejectionKind.UNPROCESSABLE),
  /** A reading the source itself marked bad (OPC UA Bad status, Sparkplug stale, dropout). */
  BAD_QUALITY("bad-quality", RejectionKind.UNPROCESSABLE),
  /** The same tag and timestamp again. */
  DUPLICATE("duplicate", RejectionKind.CONFLICT),

  // ---- models ----
  /** A model file that does not match its card (sha256, inputs, outputs). */
  MODEL_MISMATCH("model-mismatch", RejectionKind.UNPROCESSABLE),
  /** A model version that is not registered (or has no files). */
  UNKNOWN_MODEL_VERSION("unknown-model-version", RejectionKind.NOT_FOUND),
  /** A version registered again with other contents: versions are immutable. */
  VERSION_CONFLICT("version-conflict", RejectionKind.CONFLICT),
  /** No earlier active version to return to. */
  NOTHING_TO_ROLL_BACK("nothing-to-roll-back", RejectionKind.CONFLICT),

  // ---- incidents ----
  /** No such incident. */
  UNKNOWN_INCIDENT("unknown-incident", RejectionKind.NOT_FOUND),
  /** The incident is closed: it takes no more feedback or analyses. */
  INCIDENT_CLOSED("incident-closed", RejectionKind.CONFLICT),
  /** Feedback on a cause the incident's analysis never named. */
  UNKNOWN_CAUSE("unknown-cause", RejectionKind.UNPROCESSABLE),

  // ---- policies ----
  /** No such recommendation. */
  UNKNOWN_RECOMMENDATION("unknown-recommendation", RejectionKind.NOT_FOUND),
  /** The recommendation was decided, applied, superseded or expired: it takes no decision. */
  RECOMMENDATION_CLOSED("recommendation-closed", RejectionKind.CONFLICT),
  /** The furnace has no deployed policy. */
  POLICY_NOT_DEPLOYED("policy-not-deployed", RejectionKind.CONFLICT),
  /** A policy version without a held-out evaluation. */
  POLICY_NOT_EVALUATED("policy-not-evaluated", RejectionKind.CONFLICT),
  /** A policy version that broke the safe bounds in its evaluation: it is never deployed. */
  POLICY_UNSAFE("policy-unsafe", RejectionKind.CONFLICT),
  /** A policy version that missed the goal in its evaluation: deployed only with force. */
  POLICY_BELOW_GOAL("policy-below-goal", RejectionKind.CONFLICT),
  /**
   * A deployed policy that proposes nothing yet: it collects its KPI baseline, or its latest change
   * is settling.
   */
  POLICY_NOT_READY("policy-not-ready", RejectionKind.CONFLICT),

  // ---- any entity ----
  /** The journal failed or refused to store the command's events; nothing was applied. */
  PERSIST_FAILED("persist-failed", RejectionKind.UNAVAILABLE);

  private final String wire;
  private final RejectionKind kind;

  RejectionCode(String wire, RejectionKind kind) {
    this.wire = wire;
    this.kind = kind;
  }

  /** The code as integrators see it, e.g. {@code out-of-bounds}. */
  public String wire() {
    return wire;
  }

  /** The class of refusal. */
  public RejectionKind kind() {
    return kind;
  }
}
