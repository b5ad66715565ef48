package io.vitrum.core.plant;

/**
 * How far a furnace lets Vitrum's policies act on it. ADVISORY: recommendations only, people change
 * setpoints. SUPERVISED: a policy's proposal takes effect only when an operator applies it.
 * AUTONOMOUS: a policy may change setpoints itself, always within the safe bounds.
 */
public enum AutonomyMode {
  ADVISORY,
  SUPERVISED,
  AUTONOMOUS
}
