package io.vitrum.core.physics;

/**
 * Which port of a regenerative end-port furnace is firing. The firing side's regenerator preheats
 * the combustion air; the other side's checkers take up heat from the waste gas. The roles swap at
 * every reversal.
 */
public enum FiringSide {
  LEFT,
  RIGHT;

  /** The side that fires after the next reversal. */
  public FiringSide opposite() {
    return this == LEFT ? RIGHT : LEFT;
  }
}
