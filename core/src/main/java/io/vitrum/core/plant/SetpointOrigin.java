package io.vitrum.core.plant;

/** What kind of actor asked for a setpoint change: it decides what the autonomy mode allows. */
public enum SetpointOrigin {
  OPERATOR,
  INTEGRATOR,
  POLICY
}
