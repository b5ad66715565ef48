package io.vitrum.actors.policy;

/**
 * Where a recommendation stands. OPEN waits for an operator (or, in autonomous mode, for the
 * furnace's answer); APPROVED was accepted and is being applied; the others are final.
 */
public enum RecommendationStatus {
  OPEN,
  APPROVED,
  APPLIED,
  FAILED,
  REJECTED,
  EXPIRED,
  SUPERSEDED;

  /** Whether it takes no more decisions. */
  public boolean closed() {
    return this != OPEN && this != APPROVED;
  }
}
